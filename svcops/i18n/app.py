"""The app shell: navigation, sidebar, filters, shared words, axes and series."""

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"en": "svcops", "zh": "svcops"},
    "nav.overview": {"en": "Overview", "zh": "总览"},
    "nav.data": {"en": "Data", "zh": "数据"},
    "nav.section.areas": {"en": "Management areas", "zh": "管理领域"},
    "nav.section.workspace": {"en": "Workspace", "zh": "工作区"},
    "sidebar.language": {"en": "Language", "zh": "语言"},
    "sidebar.presenter": {"en": "Presenter mode", "zh": "演示模式"},
    "sidebar.presenter_help": {
        "en": "Large type, no controls. Leave it with the same switch or the link's present=0.",
        "zh": "大字号、隐藏控件。用同一开关或将链接中的 present 改为 0 退出。",
    },
    "sidebar.source": {"en": "Data source", "zh": "数据来源"},
    "source.sample": {"en": "Sample workspace", "zh": "示例工作区"},
    "source.own": {"en": "My workspace", "zh": "我的工作区"},
    "sidebar.filters": {"en": "Filters", "zh": "筛选"},
    "filter.period": {"en": "Period", "zh": "期间"},
    "filter.team": {"en": "Team", "zh": "团队"},
    "filter.channel": {"en": "Channel", "zh": "渠道"},
    "filter.category": {"en": "Category", "zh": "类别"},
    "filter.priority": {"en": "Priority", "zh": "优先级"},
    "filter.all": {"en": "All", "zh": "全部"},
    "filter.reset": {"en": "Reset filters", "zh": "重置筛选"},
    "filter.preset": {"en": "Quick range", "zh": "快捷期间"},
    "preset.custom": {"en": "Custom", "zh": "自定义"},
    "preset.last7": {"en": "Last 7 days", "zh": "最近 7 天"},
    "preset.last28": {"en": "Last 28 days", "zh": "最近 28 天"},
    "preset.last91": {"en": "Last 13 weeks", "zh": "最近 13 周"},
    "preset.last365": {"en": "Last 12 months", "zh": "最近 12 个月"},
    "preset.all": {"en": "All history", "zh": "全部历史"},
    "sidebar.link": {
        "en": "The address bar holds this view: copy it to share.",
        "zh": "地址栏即当前视图，复制即可分享。",
    },
    "common.no_tickets": {
        "en": "No tickets yet. Upload a ticket export (sheet `tickets`, columns `ticket_id` and "
        "`created_at` at least) on the Data page, or switch to the sample workspace.",
        "zh": "还没有工单数据。请在“数据”页面上传工单导出（工作表 `tickets`，至少包含 `ticket_id` "
        "和 `created_at` 列），或切换到示例工作区。",
    },
    "common.empty_period": {
        "en": "No ticket was created or done from {start} to {end}. The data runs from "
        "{first} to {last}: pick a period inside it under Quick range or Period.",
        "zh": "{start} 至 {end} 期间没有新建或完成的工单。数据范围为 {first} 至 {last}，"
        "请在“快捷期间”或“期间”中选择此范围内的日期。",
    },
    "common.empty_period_filtered": {
        "en": "No ticket matching the filters was created or done from {start} to {end}. "
        "The data runs from {first} to {last}: widen the filters or the period.",
        "zh": "{start} 至 {end} 期间没有符合筛选条件的新建或完成工单。数据范围为 {first} 至 "
        "{last}，请放宽筛选条件或期间。",
    },
    "common.list_sep": {"en": "; ", "zh": "；"},
    "common.download_csv": {"en": "Download CSV", "zh": "下载 CSV"},
    "common.error": {"en": "Something went wrong: {message}", "zh": "出错了：{message}"},
    # Tickets with no value in a dimension (a blank team or channel), as tables and charts show them.
    "common.none": {"en": "(none)", "zh": "（无）"},
    # The importer's own words for a ticket's channel (svcops.ingest.values.CHANNELS): a
    # channel it recognised is stored as one of these keys, which pages, filters, the
    # headlines and the review pack show in the page's language (svcops.i18n.value_word).
    "value.phone": {"en": "Phone", "zh": "电话"},
    "value.email": {"en": "Email", "zh": "邮件"},
    "value.chat": {"en": "Chat", "zh": "在线聊天"},
    "value.messaging": {"en": "Messaging", "zh": "即时消息"},
    "value.portal": {"en": "Portal", "zh": "门户"},
    "value.social": {"en": "Social media", "zh": "社交媒体"},
    "value.walk-in": {"en": "Walk-in", "zh": "现场"},
    "value.system": {"en": "System", "zh": "系统"},
    "value.other": {"en": "Other", "zh": "其他"},
    "series.created": {"en": "Created", "zh": "新建"},
    "series.resolved": {"en": "Resolved", "zh": "解决"},
    "axis.period": {"en": "Period", "zh": "期间"},
    "axis.tickets": {"en": "Tickets", "zh": "工单数"},
    "axis.hours": {"en": "Hours", "zh": "小时"},
    "axis.share": {"en": "Share", "zh": "比例"},
    "delta.points": {"en": "{delta:+.1f} pts", "zh": "{delta:+.1f} 个百分点"},
    "nav.resource": {"en": "Resource management", "zh": "资源管理"},
    "axis.weekday": {"en": "Weekday", "zh": "星期"},
    "axis.hour": {"en": "Hour", "zh": "小时"},
    "axis.time": {"en": "Time", "zh": "时间"},
    "axis.fte": {"en": "FTE", "zh": "FTE"},
    "weekdays": {"en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun", "zh": "周一,周二,周三,周四,周五,周六,周日"},
    "nav.quality": {"en": "Quality control", "zh": "质量控制"},
    "axis.count": {"en": "Count", "zh": "数量"},
    "axis.cumulative": {"en": "Cumulative share", "zh": "累计占比"},
    "axis.score": {"en": "Score", "zh": "评分"},
    "axis.value": {"en": "Value", "zh": "数值"},
    "axis.series": {"en": "Series", "zh": "系列"},
    "nav.performance": {"en": "Performance evaluation", "zh": "绩效评估"},
}
