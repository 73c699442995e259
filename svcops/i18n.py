"""Every UI string, in English and Simplified Chinese, behind one function: ``t``.

Strings are ``str.format`` templates; numbers are formatted by the template
(``{pct:+.0%}``), so each language words and orders them its own way.
"""

from __future__ import annotations

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
    # -- app shell ---------------------------------------------------------------
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
    "sidebar.link": {"en": "The address bar holds this view: copy it to share.",
                     "zh": "地址栏即当前视图，复制即可分享。"},
    "common.no_tickets": {
        "en": "No tickets yet. Upload a ticket export (sheet `tickets`, columns `ticket_id` and "
              "`created_at` at least) on the Data page, or switch to the sample workspace.",
        "zh": "还没有工单数据。请在“数据”页面上传工单导出（工作表 `tickets`，至少包含 `ticket_id` "
              "和 `created_at` 列），或切换到示例工作区。",
    },
    "common.download_csv": {"en": "Download CSV", "zh": "下载 CSV"},
    "common.error": {"en": "Something went wrong: {message}", "zh": "出错了：{message}"},
    # -- overview ----------------------------------------------------------------
    "overview.title": {"en": "Service overview", "zh": "服务总览"},
    "overview.caption": {
        "en": "{start} to {end} ({days} days), compared with {pstart} to {pend}",
        "zh": "{start} 至 {end}（{days} 天），对比 {pstart} 至 {pend}",
    },
    "overview.headlines": {"en": "Headlines", "zh": "要点"},
    "overview.trends": {"en": "Trends", "zh": "趋势"},
    "overview.scorecard": {"en": "KPI scorecard", "zh": "KPI 记分卡"},
    "overview.volume_chart": {"en": "Created and resolved", "zh": "新建与解决"},
    "overview.backlog_chart": {"en": "Open backlog", "zh": "未结工单"},
    "overview.sla_chart": {"en": "SLA attainment", "zh": "SLA 达成率"},
    "overview.resolution_chart": {"en": "Median resolution hours", "zh": "解决时长中位数（小时）"},
    "overview.missing": {
        "en": "Not shown: {kpis}. {hint}",
        "zh": "未显示：{kpis}。{hint}",
    },
    "overview.missing_hint": {
        "en": "Add the columns or sheets named in the KPI definitions (Data page → template).",
        "zh": "请补充 KPI 定义中所列的列或工作表（数据页 → 模板）。",
    },
    "overview.table": {"en": "Scorecard table", "zh": "记分卡表格"},
    "overview.no_previous": {"en": "no previous data", "zh": "无上期数据"},
    "overview.cost_filtered": {
        "en": "Cost per ticket needs ticket-level cost when filtering by team, channel, category "
              "or priority: the cost report is not split that way.",
        "zh": "按团队、渠道、类别或优先级筛选时，单票成本需要工单级成本列：成本报表没有这样的拆分。",
    },
    "series.created": {"en": "Created", "zh": "新建"},
    "series.resolved": {"en": "Resolved", "zh": "解决"},
    "axis.period": {"en": "Period", "zh": "期间"},
    "axis.tickets": {"en": "Tickets", "zh": "工单数"},
    "axis.hours": {"en": "Hours", "zh": "小时"},
    "axis.share": {"en": "Share", "zh": "比例"},
    # -- KPI names ---------------------------------------------------------------
    "kpi.tickets": {"en": "Tickets created", "zh": "新建工单"},
    "kpi.resolved": {"en": "Resolved", "zh": "已解决"},
    "kpi.open_backlog": {"en": "Open backlog", "zh": "未结工单"},
    "kpi.sla_attainment": {"en": "SLA attainment", "zh": "SLA 达成率"},
    "kpi.fcr_rate": {"en": "First-contact resolution", "zh": "首次解决率"},
    "kpi.csat_avg": {"en": "CSAT (mean, 1-5)", "zh": "满意度（均值，1-5）"},
    "kpi.csat_top2_share": {"en": "CSAT 4-5 share", "zh": "满意度 4-5 分占比"},
    "kpi.resolution_hours_median": {"en": "Median resolution (h)", "zh": "解决时长中位数（小时）"},
    "kpi.resolution_hours_p90": {"en": "P90 resolution (h)", "zh": "解决时长 P90（小时）"},
    "kpi.reopen_rate": {"en": "Reopen rate", "zh": "重开率"},
    "kpi.availability": {"en": "Service availability", "zh": "服务可用性"},
    "kpi.cost_per_ticket": {"en": "Cost per resolved ticket", "zh": "单张解决工单成本"},
    "delta.points": {"en": "{delta:+.1f} pts", "zh": "{delta:+.1f} 个百分点"},
    # -- headlines ---------------------------------------------------------------
    "headline.volume_up": {
        "en": "Volume rose {pct:.0%} on the previous {days} days to {n:,} tickets; "
              "most of the change is in {group} ({gdelta:+,}).",
        "zh": "工单量较前 {days} 天上升 {pct:.0%}，达 {n:,} 张；变化主要来自{group}（{gdelta:+,}）。",
    },
    "headline.volume_down": {
        "en": "Volume fell {pct:.0%} on the previous {days} days to {n:,} tickets; "
              "most of the change is in {group} ({gdelta:+,}).",
        "zh": "工单量较前 {days} 天下降 {pct:.0%}，为 {n:,} 张；变化主要来自{group}（{gdelta:+,}）。",
    },
    "headline.volume_flat": {
        "en": "Volume held steady at {n:,} tickets ({pct:+.0%} on the previous {days} days).",
        "zh": "工单量基本持平，为 {n:,} 张（较前 {days} 天 {pct:+.0%}）。",
    },
    "headline.volume_new": {
        "en": "{n:,} tickets were created; there is no earlier period to compare with.",
        "zh": "本期新建 {n:,} 张工单；没有可对比的上期数据。",
    },
    "headline.sla_down": {
        "en": "SLA attainment fell {pts:.1f} points to {value:.1%}; {group} accounts for "
              "{gpts:+.1f} points of that.",
        "zh": "SLA 达成率下降 {pts:.1f} 个百分点至 {value:.1%}；其中 {group} 贡献 {gpts:+.1f} 个百分点。",
    },
    "headline.sla_up": {
        "en": "SLA attainment rose {pts:.1f} points to {value:.1%}; {group} accounts for "
              "{gpts:+.1f} points of that.",
        "zh": "SLA 达成率上升 {pts:.1f} 个百分点至 {value:.1%}；其中 {group} 贡献 {gpts:+.1f} 个百分点。",
    },
    "headline.sla_flat": {
        "en": "SLA attainment held at {value:.1%} ({pts:+.1f} points).",
        "zh": "SLA 达成率保持在 {value:.1%}（{pts:+.1f} 个百分点）。",
    },
    "headline.backlog": {
        "en": "Open backlog stands at {n:,}, {delta:+,} since the end of the previous period.",
        "zh": "未结工单 {n:,} 张，较上期末 {delta:+,}。",
    },
    "headline.resolution": {
        "en": "Half of the tickets were resolved within {value:.1f} hours "
              "(previously {previous:.1f}); one in ten took over {p90:.1f} hours.",
        "zh": "一半工单在 {value:.1f} 小时内解决（上期 {previous:.1f}）；十分之一超过 {p90:.1f} 小时。",
    },
    "headline.csat": {
        "en": "Customers rated service {value:.2f} of 5 ({delta:+.2f}); {top2:.0%} gave 4 or 5.",
        "zh": "客户满意度 {value:.2f}/5（{delta:+.2f}）；{top2:.0%} 给出 4 或 5 分。",
    },
    # -- resource management ----------------------------------------------------
    "nav.resource": {"en": "Resource management", "zh": "资源管理"},
    "resource.title": {"en": "Resource management", "zh": "资源管理"},
    "resource.caption": {
        "en": "Demand forecast from {start} for {days} days, from history up to {end}.",
        "zh": "需求预测：自 {start} 起 {days} 天，基于截至 {end} 的历史数据。",
    },
    "resource.settings": {"en": "Plan settings and what-ifs", "zh": "计划设置与假设分析"},
    "resource.horizon": {"en": "Days ahead", "zh": "预测天数"},
    "resource.by": {"en": "Forecast by", "zh": "预测维度"},
    "resource.by.total": {"en": "Total", "zh": "合计"},
    "resource.by.channel": {"en": "Channel", "zh": "渠道"},
    "resource.by.team": {"en": "Team", "zh": "团队"},
    "resource.country": {"en": "Public holidays", "zh": "公共假日"},
    "resource.country.none": {"en": "None", "zh": "不考虑"},
    "resource.sl": {"en": "Service level target (%)", "zh": "服务水平目标（%）"},
    "resource.answer": {"en": "…answered within (seconds)", "zh": "……应答时限（秒）"},
    "resource.shrinkage": {"en": "Shrinkage (%)", "zh": "缩减率（%）"},
    "resource.occupancy": {"en": "Occupancy cap (%)", "zh": "占用率上限（%）"},
    "resource.growth": {"en": "Volume change (%)", "zh": "业务量变化（%）"},
    "resource.aht": {"en": "Handle time change (%)", "zh": "处理时长变化（%）"},
    "resource.forecast": {"en": "Demand forecast", "zh": "需求预测"},
    "resource.forecast_chart": {"en": "Tickets per day: last 8 weeks and forecast",
                                "zh": "每日工单：最近 8 周与预测"},
    "resource.fallback": {"en": "{series}: {message}", "zh": "{series}：{message}"},
    "resource.accuracy.better": {
        "en": "{series}: on the last {days} days the forecast missed by {mape:.0%} a day; "
              "the naive weekly repeat missed by {baseline_mape:.0%}.",
        "zh": "{series}：在最近 {days} 天里，预测每天平均偏差 {mape:.0%}；"
              "简单按上周重复的偏差为 {baseline_mape:.0%}。",
    },
    "resource.accuracy.not_better": {
        "en": "{series}: on the last {days} days the forecast missed by {mape:.0%} a day, "
              "no better than the naive weekly repeat ({baseline_mape:.0%}).",
        "zh": "{series}：在最近 {days} 天里，预测每天平均偏差 {mape:.0%}，"
              "不优于简单按上周重复（{baseline_mape:.0%}）。",
    },
    "resource.accuracy.naive": {
        "en": "{series}: on the last {days} days repeating the previous week missed by "
              "{mape:.0%} a day.",
        "zh": "{series}：在最近 {days} 天里，按上周重复的每天平均偏差为 {mape:.0%}。",
    },
    "resource.accuracy.better_count": {
        "en": "{series}: on the last {days} days the forecast missed by {mae:.1f} a day; "
              "the naive weekly repeat missed by {baseline_mae:.1f}.",
        "zh": "{series}：在最近 {days} 天里，预测每天平均偏差 {mae:.1f} 张；"
              "按上周重复偏差 {baseline_mae:.1f} 张。",
    },
    "resource.accuracy.not_better_count": {
        "en": "{series}: on the last {days} days the forecast missed by {mae:.1f} a day, "
              "no better than the naive weekly repeat ({baseline_mae:.1f}).",
        "zh": "{series}：在最近 {days} 天里，预测每天平均偏差 {mae:.1f} 张，"
              "不优于按上周重复（{baseline_mae:.1f}）。",
    },
    "resource.accuracy.unavailable": {
        "en": "{series}: not enough history yet to measure the forecast's accuracy.",
        "zh": "{series}：历史数据不足，暂无法衡量预测准确度。",
    },
    "resource.intraday": {"en": "Forecast arrivals per 30 minutes (average day of week)",
                          "zh": "每 30 分钟预测到达量（按星期平均）"},
    "resource.models": {"en": "How each channel is staffed", "zh": "各渠道的人力模型"},
    "resource.source.tickets": {"en": "tickets", "zh": "工单"},
    "resource.source.intervals": {"en": "interval statistics", "zh": "时段统计"},
    "resource.source.default": {"en": "default (600 s)", "zh": "默认（600 秒）"},
    "resource.source.what-if": {"en": "what-if", "zh": "假设"},
    "resource.model_name.erlang_c": {"en": "Erlang C", "zh": "Erlang C"},
    "resource.model_name.workload": {"en": "Workload", "zh": "工作量模型"},
    "resource.model.erlang_c": {
        "en": "Erlang C per 30-minute interval: Poisson arrivals, exponential handle times, "
              "callers wait without hanging up (so slightly more agents than with abandonment); "
              "target {sl:.0%} answered within {answer:.0f} s, occupancy at most {occ:.0%}.",
        "zh": "每 30 分钟区间使用 Erlang C：泊松到达、指数分布处理时长、来电者不放弃（因此比考虑放弃时略多）；"
              "目标 {answer:.0f} 秒内接通 {sl:.0%}，占用率不超过 {occ:.0%}。",
    },
    "resource.model.workload": {
        "en": "Workload: arriving work (volume × handle time) laid over rostered hours, "
              "plus the open backlog cleared over {burn:.0f} days; occupancy at most {occ:.0%}.",
        "zh": "工作量模型：到达的工作量（业务量 × 处理时长）分配到排班时段，"
              "并在 {burn:.0f} 天内清理现有积压；占用率不超过 {occ:.0%}。",
    },
    "resource.shrinkage_note": {
        "en": "Staff to roster = staff needed ÷ (1 − shrinkage {shrink:.0%}).",
        "zh": "需排班人数 = 所需人数 ÷（1 − 缩减率 {shrink:.0%}）。",
    },
    "resource.gap": {"en": "Rostered minus needed, by weekday and hour (red: short)",
                     "zh": "排班减需求（按星期与小时，红色为不足）"},
    "resource.weekly": {"en": "Required vs rostered FTE per week", "zh": "每周需求与排班 FTE"},
    "resource.weeks_at_risk": {
        "en": "Weeks at risk (roster short by more than 5% of needed hours): {weeks}.",
        "zh": "风险周（排班缺口超过所需工时的 5%）：{weeks}。",
    },
    "resource.no_weeks_at_risk": {"en": "No week is short by more than 5% of needed hours.",
                                  "zh": "没有任何一周的缺口超过所需工时的 5%。"},
    "resource.typical_week": {
        "en": "The roster ends on {last}; the comparison uses its last four weeks as a "
              "typical week. Upload the coming weeks' roster to compare against it.",
        "zh": "排班数据截至 {last}；对比使用最后四周的平均作为典型周。上传未来几周的排班即可直接对比。",
    },
    "resource.no_roster": {
        "en": "Upload a roster (sheet `roster`: date, team, agent, shift_start, shift_end, "
              "scheduled_hours, hourly_cost) to compare required with rostered staff, "
              "see the gap by hour and the weeks at risk in FTE and cost. ({reason})",
        "zh": "上传排班表（工作表 `roster`：date、team、agent、shift_start、shift_end、"
              "scheduled_hours、hourly_cost），即可对比需求与排班、查看按小时的缺口以及风险周的 FTE 与成本。（{reason}）",
    },
    "resource.totals": {
        "en": "Over the horizon: {req:,.1f} FTE needed on average, {ros:,.1f} rostered; "
              "{short:,.0f} hours short{cost}.",
        "zh": "预测期内：平均需要 {req:,.1f} FTE，排班 {ros:,.1f} FTE；缺口 {short:,.0f} 小时{cost}。",
    },
    "resource.totals_cost": {"en": ", about {cost:,.0f} at {rate:,.2f} an hour",
                             "zh": "，按每小时 {rate:,.2f} 计约 {cost:,.0f}"},
    "resource.error": {"en": "The forecast could not be made: {message}",
                       "zh": "无法生成预测：{message}"},
    "col.channel": {"en": "Channel", "zh": "渠道"},
    "col.model": {"en": "Model", "zh": "模型"},
    "col.aht_seconds": {"en": "Handle time (s)", "zh": "处理时长（秒）"},
    "col.aht_source": {"en": "Handle time from", "zh": "处理时长来源"},
    "col.shape_source": {"en": "Intraday shape from", "zh": "日内分布来源"},
    "col.backlog": {"en": "Open now", "zh": "当前未结"},
    "col.week": {"en": "Week", "zh": "周"},
    "col.required_hours": {"en": "Hours needed", "zh": "所需工时"},
    "col.rostered_hours": {"en": "Hours rostered", "zh": "排班工时"},
    "col.short_hours": {"en": "Hours short", "zh": "缺口工时"},
    "col.required_fte": {"en": "FTE needed", "zh": "所需 FTE"},
    "col.rostered_fte": {"en": "FTE rostered", "zh": "排班 FTE"},
    "col.gap_fte": {"en": "FTE gap", "zh": "FTE 差额"},
    "col.short_cost": {"en": "Cost of shortfall", "zh": "缺口成本"},
    "col.at_risk": {"en": "At risk", "zh": "有风险"},
    "col.days": {"en": "Days", "zh": "天数"},
    "axis.weekday": {"en": "Weekday", "zh": "星期"},
    "axis.hour": {"en": "Hour", "zh": "小时"},
    "axis.time": {"en": "Time", "zh": "时间"},
    "axis.fte": {"en": "FTE", "zh": "FTE"},
    "weekdays": {"en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun", "zh": "周一,周二,周三,周四,周五,周六,周日"},
    # -- quality control --------------------------------------------------------
    "nav.quality": {"en": "Quality control", "zh": "质量控制"},
    "quality.title": {"en": "Quality control", "zh": "质量控制"},
    "quality.spc": {"en": "Is the process stable?", "zh": "流程是否稳定？"},
    "quality.metric": {"en": "Control chart of", "zh": "控制图指标"},
    "quality.metric.volume": {"en": "Tickets created per day (XmR)",
                              "zh": "每日新建工单（单值-移动极差图）"},
    "quality.metric.resolution": {"en": "Median resolution hours per day (XmR)",
                                  "zh": "每日解决时长中位数（单值-移动极差图）"},
    "quality.metric.sla": {"en": "SLA breach rate per day (p-chart)",
                           "zh": "每日 SLA 违约率（p 控制图）"},
    "quality.baseline": {"en": "Baseline period (sets centre line and limits)",
                         "zh": "基准期（决定中心线与控制限）"},
    "quality.limits": {
        "en": "Centre {centre} · UCL {ucl} · LCL {lcl} · from {baseline}.",
        "zh": "中心线 {centre} · 上控制限 {ucl} · 下控制限 {lcl} · 基于 {baseline}。",
    },
    "quality.limits_p": {
        "en": "p̄ {centre} · limits p̄ ± 3√(p̄(1−p̄)/nᵢ), by each day's count · from {baseline}.",
        "zh": "p̄ {centre} · 控制限 p̄ ± 3√(p̄(1−p̄)/nᵢ)，随每日数量变化 · 基于 {baseline}。",
    },
    "quality.flagged": {"en": "out of control", "zh": "失控"},
    "quality.violations": {"en": "{n} point(s) flagged by the Western Electric rules",
                           "zh": "{n} 个点触发西电规则"},
    "quality.no_violations": {"en": "No Western Electric rule fires: the process is in "
                                    "statistical control over this period.",
                              "zh": "未触发任何西电规则：本期间流程处于统计受控状态。"},
    "quality.rule.1": {"en": "Rule 1: one point beyond 3σ", "zh": "规则 1：一点超出 3σ"},
    "quality.rule.2": {"en": "Rule 2: 2 of 3 beyond 2σ, same side",
                       "zh": "规则 2：连续 3 点中 2 点超出 2σ（同侧）"},
    "quality.rule.3": {"en": "Rule 3: 4 of 5 beyond 1σ, same side",
                       "zh": "规则 3：连续 5 点中 4 点超出 1σ（同侧）"},
    "quality.rule.4": {"en": "Rule 4: 8 in a row on one side",
                       "zh": "规则 4：连续 8 点位于中心线同侧"},
    "quality.note": {"en": "{note}", "zh": "{note}"},
    "quality.mr": {"en": "Moving range", "zh": "移动极差"},
    "quality.customers": {"en": "What customers say", "zh": "客户评价"},
    "quality.csat_dist": {"en": "CSAT scores of tickets resolved in the period",
                          "zh": "本期已解决工单的满意度评分分布"},
    "quality.csat_trend": {"en": "CSAT mean over time", "zh": "满意度均值趋势"},
    "quality.no_csat": {"en": "No CSAT scores in this period: add a `csat` column (1–5) to the "
                              "tickets sheet.",
                        "zh": "本期没有满意度评分：请在工单表中加入 `csat` 列（1–5）。"},
    "quality.nps": {"en": "NPS (surveys dated in the period)", "zh": "NPS（本期问卷）"},
    "quality.promoters": {"en": "Promoters (9–10)", "zh": "推荐者（9–10）"},
    "quality.passives": {"en": "Passives (7–8)", "zh": "中立者（7–8）"},
    "quality.detractors": {"en": "Detractors (0–6)", "zh": "贬损者（0–6）"},
    "quality.no_nps": {"en": "No NPS in this period: upload a `surveys` sheet with `date` and "
                             "`nps` (0–10).",
                       "zh": "本期没有 NPS：请上传含 `date` 与 `nps`（0–10）的 `surveys` 工作表。"},
    "quality.pareto": {"en": "Where defects come from", "zh": "缺陷来自哪里"},
    "quality.defect": {"en": "Defect", "zh": "缺陷类型"},
    "quality.defect.sla_breach": {"en": "SLA breached", "zh": "SLA 违约"},
    "quality.defect.reopen": {"en": "Reopened", "zh": "重开"},
    "quality.defect.low_csat": {"en": "Low CSAT (1–2)", "zh": "低满意度（1–2）"},
    "quality.defect.total": {"en": "All defects", "zh": "全部缺陷"},
    "quality.by": {"en": "By", "zh": "按"},
    "quality.vital_few": {
        "en": "{n} of {total} {by} values make up {share:.0%} of {defect}: {names}.",
        "zh": "{total} 个{by}中的 {n} 个占{defect}的 {share:.0%}：{names}。",
    },
    "quality.no_defects": {"en": "No defects of this type in the period.",
                           "zh": "本期没有此类缺陷。"},
    "quality.servqual": {"en": "SERVQUAL: expectation vs perception", "zh": "SERVQUAL：期望与感知"},
    "quality.servqual_gap": {
        "en": "Largest gap: {dimension} ({gap:+.2f} on the survey's scale).",
        "zh": "差距最大：{dimension}（{gap:+.2f}，按问卷量表）。",
    },
    "quality.no_servqual": {
        "en": "No SERVQUAL scores: surveys with `<dimension>_expectation` and "
              "`<dimension>_perception` columns (tangibles, reliability, responsiveness, "
              "assurance, empathy) would show the service-quality gaps.",
        "zh": "没有 SERVQUAL 评分：包含 `<维度>_expectation` 与 `<维度>_perception` 列"
              "（tangibles、reliability、responsiveness、assurance、empathy）的问卷可显示服务质量差距。",
    },
    "quality.expectation": {"en": "Expectation", "zh": "期望"},
    "quality.perception": {"en": "Perception", "zh": "感知"},
    "axis.count": {"en": "Count", "zh": "数量"},
    "axis.cumulative": {"en": "Cumulative share", "zh": "累计占比"},
    "axis.score": {"en": "Score", "zh": "评分"},
    "axis.value": {"en": "Value", "zh": "数值"},
    # -- performance evaluation -------------------------------------------------
    "nav.performance": {"en": "Performance evaluation", "zh": "绩效评估"},
    "performance.title": {"en": "Performance evaluation", "zh": "绩效评估"},
    "performance.scorecard": {"en": "Scorecard against targets", "zh": "目标达成记分卡"},
    "performance.no_targets": {
        "en": "No targets yet: add them below (or upload a `targets` sheet: kpi, target, "
              "direction, amber_margin, team).",
        "zh": "还没有目标：请在下方添加（或上传 `targets` 工作表：kpi、target、direction、amber_margin、team）。",
    },
    "performance.status.green": {"en": "on target", "zh": "达标"},
    "performance.status.amber": {"en": "near target", "zh": "接近目标"},
    "performance.status.red": {"en": "off target", "zh": "未达标"},
    "performance.status.none": {"en": "no data", "zh": "无数据"},
    "performance.targets": {"en": "Targets", "zh": "目标"},
    "performance.targets_help": {
        "en": "Edit, add or delete rows, then save. `kpi` is one of: {kpis}. Rates are "
              "fractions (0.9 = 90%). `amber_margin` is in the KPI's own units. An empty "
              "`team` applies to all teams; a team's own row applies when only that team is "
              "filtered.",
        "zh": "编辑、添加或删除行后保存。`kpi` 取值：{kpis}。比率用小数（0.9 = 90%）。"
              "`amber_margin` 使用该指标自身单位。`team` 为空表示适用于所有团队；仅筛选某团队时使用该团队自己的目标。",
    },
    "performance.save": {"en": "Save targets", "zh": "保存目标"},
    "performance.saved": {"en": "Targets saved ({n} rows).", "zh": "目标已保存（{n} 行）。"},
    "performance.sample_readonly": {
        "en": "The sample workspace is read-only; switch to your workspace to keep targets.",
        "zh": "示例工作区为只读；切换到您自己的工作区即可保存目标。",
    },
    "performance.rankings": {"en": "Team and agent rankings", "zh": "团队与个人排名"},
    "performance.rank_by": {"en": "Rank", "zh": "排名对象"},
    "performance.rank_kpi": {"en": "On", "zh": "指标"},
    "performance.min_volume": {"en": "Minimum resolved tickets to be ranked",
                               "zh": "参与排名的最少解决工单数"},
    "performance.unranked": {
        "en": "{n} with fewer than {min} resolved tickets are listed but not ranked.",
        "zh": "{n} 个对象解决工单少于 {min} 张，已列出但不参与排名。",
    },
    "performance.compare": {"en": "Against the previous period and a year ago",
                            "zh": "与上期及去年同期对比"},
    "performance.composite": {"en": "Composite index", "zh": "综合指数"},
    "performance.composite_help": {
        "en": "Each KPI scores actual ÷ target (target ÷ actual when lower is better), "
              "capped at {cap:.0%}; the index is their weighted mean × 100. Weights are "
              "normalised over the KPIs that have a target and data.",
        "zh": "每个指标得分 = 实际 ÷ 目标（越低越好时为目标 ÷ 实际），上限 {cap:.0%}；"
              "指数为加权平均 × 100。权重在有目标和数据的指标间归一化。",
    },
    "performance.weights": {"en": "Weights", "zh": "权重"},
    "performance.index": {"en": "Composite index", "zh": "综合指数"},
    "col.actual": {"en": "Actual", "zh": "实际"},
    "col.target": {"en": "Target", "zh": "目标"},
    "col.direction": {"en": "Better", "zh": "方向"},
    "col.amber_margin": {"en": "Amber margin", "zh": "黄灯容差"},
    "col.status": {"en": "Status", "zh": "状态"},
    "col.gap": {"en": "Gap", "zh": "差距"},
    "col.team": {"en": "Team", "zh": "团队"},
    "col.category": {"en": "Category", "zh": "类别"},
    "col.subcategory": {"en": "Subcategory", "zh": "子类别"},
    "col.priority": {"en": "Priority", "zh": "优先级"},
    "col.agent": {"en": "Agent", "zh": "处理人"},
    "col.volume": {"en": "Resolved", "zh": "已解决"},
    "col.rank": {"en": "Rank", "zh": "名次"},
    "col.eligible": {"en": "Ranked", "zh": "参与排名"},
    "col.current": {"en": "This period", "zh": "本期"},
    "col.year_ago": {"en": "A year ago", "zh": "去年同期"},
    "col.delta_previous": {"en": "vs previous", "zh": "较上期"},
    "col.delta_year_ago": {"en": "vs a year ago", "zh": "较去年同期"},
    "col.change_previous": {"en": "% vs previous", "zh": "较上期 %"},
    "col.change_year_ago": {"en": "% vs a year ago", "zh": "较去年同期 %"},
    "col.weight": {"en": "Weight", "zh": "权重"},
    "col.attainment": {"en": "Attainment", "zh": "达成度"},
    "col.contribution": {"en": "Points", "zh": "得分"},
    "col.note": {"en": "Note", "zh": "备注"},
    "col.notes": {"en": "Notes", "zh": "备注"},
    "col.mapping": {"en": "Columns read", "zh": "列映射"},
    "col.file": {"en": "File", "zh": "文件"},
    "col.date": {"en": "Date", "zh": "日期"},
    "col.rule": {"en": "Rule", "zh": "规则"},
    "col.description": {"en": "What fired", "zh": "触发内容"},
    "col.problem": {"en": "Problem", "zh": "问题"},
    # -- data page ---------------------------------------------------------------
    "data.title": {"en": "Data", "zh": "数据"},
    "data.intro": {
        "en": "Upload workbooks in the template format: one sheet per table, named like the "
              "table (`tickets`, `roster`, `costs`, …), with canonical column names. "
              "Re-uploading rows with the same key replaces them; nothing is doubled.",
        "zh": "按模板格式上传工作簿：每张表一个工作表，以表名命名（`tickets`、`roster`、`costs` 等），"
              "使用标准列名。重复上传相同主键的行会覆盖旧行，不会重复。",
    },
    "data.upload": {"en": "Upload files", "zh": "上传文件"},
    "data.import": {"en": "Import", "zh": "导入"},
    "data.check": {"en": "Check the mapping first", "zh": "先检查列映射"},
    "data.mapping": {"en": "How each sheet will be read", "zh": "各工作表的读取方式"},
    "data.mapping_help": {
        "en": "Each sheet's table and which of its columns feeds each canonical column. "
              "Change what is wrong, name a profile to reuse the correction on the next "
              "export of the same shape, then import.",
        "zh": "每个工作表对应的表，以及其各列对应的标准列。修正有误之处，可命名为映射配置以便下次同样格式的导出自动套用，然后导入。",
    },
    "data.skip": {"en": "skip this sheet", "zh": "跳过此工作表"},
    "data.canonical": {"en": "Canonical column", "zh": "标准列"},
    "data.required": {"en": "Required", "zh": "必需"},
    "data.source_column": {"en": "From column", "zh": "来源列"},
    "data.confidence": {"en": "Confidence", "zh": "置信度"},
    "data.profile_name": {"en": "Save as mapping profile (name, optional)",
                          "zh": "另存为映射配置（名称，可选）"},
    "data.import_checked": {"en": "Import with this mapping", "zh": "按此映射导入"},
    "data.cancel": {"en": "Cancel", "zh": "取消"},
    "data.original_pick": {"en": "Original file of upload", "zh": "上传的原始文件"},
    "data.original": {"en": "Download the original file", "zh": "下载原始文件"},
    "data.original_missing": {
        "en": "The original file of this upload is no longer in {folder}.",
        "zh": "此上传的原始文件已不在 {folder} 中。"},
    "data.imported": {
        "en": "Imported {rows:,} rows from {files} file(s); {rejected:,} rows set aside.",
        "zh": "已从 {files} 个文件导入 {rows:,} 行；{rejected:,} 行被拒收。",
    },
    "data.import_failed": {"en": "Nothing was imported. {message}",
                           "zh": "未导入任何数据。{message}"},
    "data.skipped": {"en": "Skipped {file} / {sheet}: {reason}", "zh": "已跳过 {file} / {sheet}：{reason}"},
    "data.sample_readonly": {
        "en": "You are looking at the sample workspace. Uploads go to your own workspace, "
              "which the app switches to.",
        "zh": "当前为示例工作区。上传的数据会进入您自己的工作区，应用将自动切换过去。",
    },
    "data.holdings": {"en": "What the workspace holds", "zh": "工作区内容"},
    "data.uploads": {"en": "Uploads", "zh": "上传记录"},
    "data.no_uploads": {"en": "No uploads yet.", "zh": "还没有上传记录。"},
    "data.remove": {"en": "Remove upload", "zh": "删除上传"},
    "data.remove_pick": {"en": "Upload to remove", "zh": "要删除的上传"},
    "data.removed": {"en": "Removed upload {id}: {rows:,} rows.", "zh": "已删除上传 {id}：{rows:,} 行。"},
    "data.rejects": {"en": "Rows set aside", "zh": "被拒收的行"},
    "data.no_rejects": {"en": "No rows were set aside.", "zh": "没有被拒收的行。"},
    "data.template": {"en": "Download the template", "zh": "下载模板"},
    "data.template_help": {
        "en": "The sample workbook doubles as the template: keep the sheet and column names.",
        "zh": "示例工作簿即模板：请保留工作表名和列名。",
    },
    "data.workspace_path": {"en": "Workspace file: `{path}`", "zh": "工作区文件：`{path}`"},
    "col.table": {"en": "Table", "zh": "表"},
    "col.rows": {"en": "Rows", "zh": "行数"},
    "col.upload_id": {"en": "Upload", "zh": "上传编号"},
    "col.file_name": {"en": "File", "zh": "文件"},
    "col.sheet": {"en": "Sheet", "zh": "工作表"},
    "col.table_name": {"en": "Table", "zh": "表"},
    "col.rejected": {"en": "Set aside", "zh": "拒收"},
    "col.replaced": {"en": "Replaced", "zh": "覆盖"},
    "col.imported_at": {"en": "Imported", "zh": "导入时间"},
    "col.checksum": {"en": "SHA-256", "zh": "SHA-256"},
    "col.kpi": {"en": "KPI", "zh": "指标"},
    "col.value": {"en": "This period", "zh": "本期"},
    "col.previous": {"en": "Previous", "zh": "上期"},
    "col.delta": {"en": "Change", "zh": "变化"},
    "col.change": {"en": "Relative change", "zh": "相对变化"},
    "col.row_number": {"en": "Row", "zh": "行号"},
    "col.action": {"en": "Action", "zh": "处理"},
    "col.reason": {"en": "Reason", "zh": "原因"},
    "col.data": {"en": "Original values", "zh": "原始值"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The string ``key`` in ``lang`` (English when missing), formatted with ``params``."""
    entry = STRINGS.get(key)
    if entry is None:
        raise KeyError(f"no UI string {key!r}")
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def column_label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Display name of a table column: its ``col.<name>`` string, else the name itself."""
    return t(f"col.{column}", lang) if f"col.{column}" in STRINGS else column
