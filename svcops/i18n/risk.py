"""Strings of the Risk management page (服务风险管理) and its analyses: ``risk.*``."""

STRINGS: dict[str, dict[str, str]] = {
    # -- import of a register (svcops.risk.scale, through the importer) ----------------
    "risk.scale.three_level": {
        "en": "low / medium / high read as 1 / 3 / 5 on the 5-point scale",
        "zh": "低 / 中 / 高 按五级量表读作 1 / 3 / 5",
    },
    # The importer's reason for a likelihood or impact it cannot read (reason_sql's key).
    "ingest.reason.risk_scale": {
        "en": '{column} ({source}): "{value}" is not a level 1-5 or a word such as Rare, '
        "Likely, Almost certain, Minor, Major, Catastrophic, low, medium, high",
        "zh": "{column}（{source}）：“{value}”不是 1-5 级，也不是可识别的等级词"
        "（如 很低、低、中、高、很高、罕见、可能、几乎确定、轻微、重大、灾难性）",
    },
    # -- page ----------------------------------------------------------------------------
    "risk.title": {"en": "Risk management", "zh": "服务风险管理"},
    "risk.nav": {"en": "Risk management", "zh": "风险管理"},
    "risk.as_of": {
        "en": "As of {as_of}: the register's dates are judged on this day, and the indicators "
        "look back {periods} periods of {days} days ending on it.",
        "zh": "截至 {as_of}：登记册中的日期以这一天为准，风险指标从这一天起向前回看 {periods} 个周期（每期 {days} 天）。",
    },
    "risk.upload.register": {
        "en": "No risk register yet. Upload one (Data page; a sheet with risk id, title, "
        "likelihood and impact, 1-5 or words such as Rare … Almost certain or 低/中/高) to see "
        "the heat map, scores and bands, top risks, overdue mitigations, stale reviews and "
        "which risks the indicators below suggest reviewing.",
        "zh": "尚无风险登记册。上传一份（数据页；含风险编号、名称、可能性和影响，取值 1-5 或 罕见…几乎确定、"
        "低/中/高 等词）即可看到热力图、风险评分与等级、重大风险、逾期应对措施、逾期评审，"
        "以及下方指标建议复核的风险。",
    },
    "risk.upload.tickets": {
        "en": "No tickets yet. Upload a ticket export to measure the key risk indicators "
        "(SLA breaches, backlog growth and ageing, P1 resolution, reopens, volume anomalies, "
        "single-agent dependency) and to learn which risks they suggest reviewing.",
        "zh": "尚无工单。上传工单导出即可计算关键风险指标（SLA 违约、积压增长与老化、P1 解决时长、"
        "重开率、工单量异常、单人依赖），并得知哪些风险需要复核。",
    },
    "risk.settings": {"en": "Bands, appetite and review", "zh": "等级、风险偏好与评审"},
    "risk.band_critical": {"en": "Critical from score", "zh": "严重：分值不低于"},
    "risk.band_high": {"en": "High from score", "zh": "高：分值不低于"},
    "risk.band_medium": {"en": "Medium from score", "zh": "中：分值不低于"},
    "risk.appetite": {"en": "Risk appetite: residual score below", "zh": "风险偏好：剩余分值低于"},
    "risk.review_days": {
        "en": "Review cycle when the register gives none (days)",
        "zh": "登记册未给出时的评审周期（天）",
    },
    "risk.since": {"en": "Last review meeting", "zh": "上次评审会日期"},
    "risk.bands_caption": {
        "en": "Score = likelihood × impact (1-25). Critical ≥ {critical}, high ≥ {high}, "
        "medium ≥ {medium}, else low. Outside appetite: residual score ≥ {appetite}.",
        "zh": "分值 = 可能性 × 影响（1-25）。严重 ≥ {critical}，高 ≥ {high}，中 ≥ {medium}，其余为低。"
        "超出风险偏好：剩余分值 ≥ {appetite}。",
    },
    # headline figures
    "risk.metric.open": {"en": "Open risks", "zh": "未关闭风险"},
    "risk.metric.severe": {"en": "Critical or high", "zh": "严重或高"},
    "risk.metric.appetite": {"en": "Outside appetite", "zh": "超出风险偏好"},
    "risk.metric.overdue": {"en": "Overdue mitigations", "zh": "逾期应对措施"},
    "risk.metric.stale": {"en": "Reviews overdue", "zh": "逾期评审"},
    "risk.metric.review": {"en": "Review suggested", "zh": "建议复核"},
    # review suggestions
    "risk.review.heading": {"en": "Likelihood review suggested", "zh": "建议复核可能性"},
    "risk.review.none": {
        "en": "No indicator has been red long enough to suggest reviewing a linked risk.",
        "zh": "没有指标持续红色到需要复核其关联风险。",
    },
    "risk.review.none_linked": {
        "en": "Indicators red long enough: {names}. No open risk in the register links them; "
        "add their keys to a risk's linked indicators to have it marked.",
        "zh": "持续红色的指标：{names}。登记册中没有未关闭风险关联它们；在风险的关联风险指标中填写其键名即可标记。",
    },
    "risk.review.item": {
        "en": "{risk} {title}: likelihood review suggested. {evidence}",
        "zh": "{risk} {title}：建议复核可能性。{evidence}",
    },
    "risk.review.evidence": {
        "en": "{indicator} has been red for {run} periods in a row",
        "zh": "{indicator}已连续 {run} 个周期为红色",
    },
    "risk.review.evidence_ahead": {
        "en": "{indicator} is red in each of the next {run} forecast periods",
        "zh": "{indicator}在接下来的 {run} 个预测周期均为红色",
    },
    "risk.kris_ahead": {
        "en": "The forecast staff shortfall looks ahead: its periods are the Resource page's "
        "plan with its default settings, {days} days from {start}.",
        "zh": "预测人力缺口是前瞻指标：其周期为资源管理页默认设置下的排班计划，自 {start} 起 {days} 天。",
    },
    "risk.review.where": {"en": "{indicator} ({scope})", "zh": "{indicator}（{scope}）"},
    "risk.review.decide": {"en": "Record a decision", "zh": "记录复核结论"},
    "risk.review.help": {
        "en": "Set the risk's current ratings after review; the change is kept with its date, "
        "and the register shows it from then on (and under what changed since the last review).",
        "zh": "复核后设定风险的当前评级；变更连同日期一起保存，登记册自此显示新评分（并列入“自上次评审以来的变化”）。",
    },
    "risk.review.risk": {"en": "Risk", "zh": "风险"},
    "risk.decide.likelihood": {"en": "Likelihood (inherent)", "zh": "可能性（固有）"},
    "risk.decide.impact": {"en": "Impact (inherent)", "zh": "影响（固有）"},
    "risk.decide.residual_likelihood": {"en": "Likelihood (residual)", "zh": "可能性（剩余）"},
    "risk.decide.residual_impact": {"en": "Impact (residual)", "zh": "影响（剩余）"},
    "risk.review.date": {"en": "Decided on", "zh": "决定日期"},
    "risk.review.by": {"en": "Decided by", "zh": "决定人"},
    "risk.review.note": {"en": "Why", "zh": "理由"},
    "risk.review.save": {"en": "Keep this score", "zh": "保存此评分"},
    "risk.review.saved": {
        "en": "Kept: {risk} now scores {score} (residual {residual}) from {day}.",
        "zh": "已保存：{risk} 自 {day} 起评分为 {score}（剩余 {residual}）。",
    },
    "risk.review.sample_readonly": {
        "en": "The sample is read-only: decisions can be recorded in your own workspace.",
        "zh": "示例数据为只读：可在您自己的工作区中记录复核结论。",
    },
    "risk.evidence": {"en": "Evidence: {indicator}", "zh": "证据：{indicator}"},
    # heat map
    "risk.heatmap": {"en": "Heat map", "zh": "风险热力图"},
    "risk.basis": {"en": "Ratings", "zh": "评级"},
    "risk.basis.inherent": {"en": "Inherent", "zh": "固有"},
    "risk.basis.residual": {"en": "Residual", "zh": "剩余"},
    "risk.basis.target": {"en": "Target", "zh": "目标"},
    "risk.arrows": {"en": "Show inherent → residual movement", "zh": "显示固有 → 剩余的变化"},
    "risk.heatmap_caption": {
        "en": "{n} open risks. Each cell shows how many risks it holds and their ids; the "
        "dashed line encloses the scores outside the appetite. Click a cell to list its risks "
        "(the tables below follow); double-click to clear.",
        "zh": "{n} 个未关闭风险。每格显示风险数量及编号；虚线框内为超出风险偏好的分值。"
        "点击格子可列出其中的风险（下方表格随之筛选）；双击清除。",
    },
    "risk.no_target": {
        "en": "No risk has both target ratings (target likelihood and target impact).",
        "zh": "没有风险同时填写目标可能性和目标影响。",
    },
    "risk.cell_picked": {
        "en": "Likelihood {likelihood} × impact {impact} ({basis}): {n} risks.",
        "zh": "可能性 {likelihood} × 影响 {impact}（{basis}）：{n} 个风险。",
    },
    "risk.cell_clear": {"en": "Show all risks", "zh": "显示全部风险"},
    "risk.chart.likelihood": {"en": "Likelihood", "zh": "可能性"},
    "risk.chart.impact": {"en": "Impact", "zh": "影响"},
    "risk.chart.score": {"en": "Score", "zh": "分值"},
    "risk.chart.band": {"en": "Band", "zh": "等级"},
    "risk.chart.count": {"en": "Risks", "zh": "风险数"},
    "risk.chart.ids": {"en": "Risk ids", "zh": "风险编号"},
    "risk.chart.more": {"en": "+{n}", "zh": "+{n}"},
    "risk.chart.from": {"en": "Inherent (L × I)", "zh": "固有（可能性 × 影响）"},
    "risk.chart.to": {"en": "Residual (L × I)", "zh": "剩余（可能性 × 影响）"},
    "risk.chart.appetite": {"en": "Risk appetite", "zh": "风险偏好"},
    "risk.chart.end": {"en": "Period ending", "zh": "周期截止"},
    "risk.chart.value": {"en": "Value", "zh": "数值"},
    "risk.chart.status": {"en": "Status", "zh": "状态"},
    "risk.chart.threshold": {"en": "Threshold", "zh": "阈值"},
    "risk.chart.amber": {"en": "Amber", "zh": "黄色阈值"},
    "risk.chart.red": {"en": "Red", "zh": "红色阈值"},
    # bands and statuses
    "risk.band.critical": {"en": "Critical", "zh": "严重"},
    "risk.band.high": {"en": "High", "zh": "高"},
    "risk.band.medium": {"en": "Medium", "zh": "中"},
    "risk.band.low": {"en": "Low", "zh": "低"},
    "risk.register_status.new": {"en": "New", "zh": "新建"},
    "risk.register_status.open": {"en": "Open", "zh": "未关闭"},
    "risk.register_status.in_progress": {"en": "In progress", "zh": "处理中"},
    "risk.register_status.pending": {"en": "Pending", "zh": "待定"},
    "risk.register_status.resolved": {"en": "Resolved", "zh": "已解决"},
    "risk.register_status.closed": {"en": "Closed", "zh": "已关闭"},
    "risk.register_status.cancelled": {"en": "Cancelled", "zh": "已取消"},
    "risk.status.green": {"en": "green", "zh": "绿色"},
    "risk.status.amber": {"en": "amber", "zh": "黄色"},
    "risk.status.red": {"en": "red", "zh": "红色"},
    "risk.status.none": {"en": "no data", "zh": "无数据"},
    # tables
    "risk.top": {"en": "Top risks", "zh": "重大风险"},
    "risk.top_caption": {
        "en": "Open risks by residual score, then inherent score.",
        "zh": "未关闭风险按剩余分值、再按固有分值排序。",
    },
    "risk.changes": {"en": "What changed since the last review", "zh": "自上次评审以来的变化"},
    "risk.changes_none": {
        "en": "Nothing changed between {since} and {as_of}: no risk raised, closed, re-scored "
        "or newly overdue.",
        "zh": "{since} 至 {as_of} 之间没有变化：无新增、关闭、重新评分或新逾期的风险。",
    },
    "risk.change.new": {"en": "new", "zh": "新增"},
    "risk.change.closed": {"en": "closed", "zh": "已关闭"},
    "risk.change.up": {"en": "moved up", "zh": "上升"},
    "risk.change.down": {"en": "moved down", "zh": "下降"},
    "risk.change.overdue": {"en": "mitigation fell due", "zh": "应对措施到期未完成"},
    "risk.register": {"en": "Register", "zh": "风险登记册"},
    "risk.overdue": {"en": "Overdue mitigations", "zh": "逾期应对措施"},
    "risk.overdue_none": {
        "en": "No open mitigation is past its due date.",
        "zh": "没有逾期的应对措施。",
    },
    "risk.stale": {"en": "Reviews overdue", "zh": "逾期评审"},
    "risk.stale_none": {
        "en": "Every open risk was reviewed within its review cycle.",
        "zh": "所有未关闭风险都在评审周期内完成了评审。",
    },
    "risk.unknown_links": {
        "en": "Linked indicators this page does not know (ignored): {links}. Known keys: {known}.",
        "zh": "本页无法识别的关联指标（已忽略）：{links}。可用的键名：{known}。",
    },
    "risk.col.risk_id": {"en": "Risk", "zh": "风险编号"},
    "risk.col.title": {"en": "Title", "zh": "风险名称"},
    "risk.col.category": {"en": "Category", "zh": "类别"},
    "risk.col.owner": {"en": "Owner", "zh": "负责人"},
    "risk.col.status": {"en": "Status", "zh": "状态"},
    "risk.col.inherent": {"en": "Inherent L × I", "zh": "固有 可能性×影响"},
    "risk.col.score": {"en": "Score", "zh": "分值"},
    "risk.col.band": {"en": "Band", "zh": "等级"},
    "risk.col.residual": {"en": "Residual L × I", "zh": "剩余 可能性×影响"},
    "risk.col.residual_score": {"en": "Residual score", "zh": "剩余分值"},
    "risk.col.residual_band": {"en": "Residual band", "zh": "剩余等级"},
    "risk.col.target": {"en": "Target L × I", "zh": "目标 可能性×影响"},
    "risk.col.mitigation": {"en": "Mitigation", "zh": "应对措施"},
    "risk.col.due_date": {"en": "Due", "zh": "到期日"},
    "risk.col.days_overdue": {"en": "Days overdue", "zh": "逾期天数"},
    "risk.col.last_review": {"en": "Last review", "zh": "上次评审"},
    "risk.col.next_review": {"en": "Review due", "zh": "应评审日期"},
    "risk.col.indicators": {"en": "Linked indicators", "zh": "关联风险指标"},
    "risk.col.review": {"en": "Review suggested", "zh": "建议复核"},
    "risk.col.change": {"en": "Change", "zh": "变化"},
    "risk.col.before": {"en": "Residual score before", "zh": "之前剩余分值"},
    "risk.col.after": {"en": "Residual score now", "zh": "当前剩余分值"},
    "risk.col.on": {"en": "On", "zh": "日期"},
    "risk.col.indicator": {"en": "Indicator", "zh": "指标"},
    "risk.col.scope": {"en": "Where (worst)", "zh": "范围（最差）"},
    "risk.col.value": {"en": "Latest period", "zh": "最近一期"},
    "risk.col.kri_status": {"en": "Status", "zh": "状态"},
    "risk.col.red_run": {"en": "Red periods in a row", "zh": "连续红色周期"},
    "risk.col.amber": {"en": "Amber from", "zh": "黄色阈值"},
    "risk.col.red": {"en": "Red from", "zh": "红色阈值"},
    "risk.col.periods": {"en": "Red periods before review", "zh": "触发复核的连续红色周期"},
    "risk.col.direction": {"en": "Direction", "zh": "方向"},
    "risk.col.trend": {"en": "Trend", "zh": "趋势"},
    "risk.col.linked": {"en": "Linked risks", "zh": "关联风险"},
    "risk.col.about": {"en": "Note", "zh": "说明"},
    "risk.direction.higher_worse": {"en": "higher is worse", "zh": "越高越差"},
    # indicators
    "risk.kris": {"en": "Key risk indicators", "zh": "关键风险指标"},
    "risk.kris_caption": {
        "en": "Measured from the operational data for {periods} periods of {days} days ending "
        "{end}; the global team, channel, category and priority filters apply. A scoped "
        "indicator shows its worst team or category.",
        "zh": "基于运营数据计算，共 {periods} 个周期（每期 {days} 天），截至 {end}；全局的团队、渠道、类别和优先级筛选均适用。"
        "分范围的指标显示最差的团队或类别。",
    },
    "risk.kri.pick": {"en": "Chart an indicator", "zh": "查看指标走势"},
    "risk.kri.sla_breach_rate": {"en": "SLA breach rate", "zh": "SLA 违约率"},
    "risk.kri.backlog_growth": {"en": "Backlog growth over 4 periods", "zh": "积压 4 个周期增长率"},
    "risk.kri.backlog_ageing": {
        "en": "Backlog open > 14 days",
        "zh": "积压中超过 14 天未解决的占比",
    },
    "risk.kri.p1_resolution_hours": {
        "en": "P1 median resolution (h)",
        "zh": "P1 解决时长中位数（小时）",
    },
    "risk.kri.reopen_rate": {"en": "Reopen rate", "zh": "重开率"},
    "risk.kri.volume_anomalies": {
        "en": "Volume anomaly days",
        "zh": "工单量异常天数",
    },
    "risk.kri.single_agent_share": {
        "en": "Single-agent dependency",
        "zh": "单人依赖度",
    },
    "risk.kri.reassignment_rate": {"en": "Reassignment rate", "zh": "转派率"},
    "risk.kri.downtime_share": {"en": "Downtime share", "zh": "停机时间占比"},
    "risk.kri.cost_overrun": {
        "en": "Projected year-end overspend",
        "zh": "预计年末超支比例",
    },
    "risk.kri.forecast_understaffing": {
        "en": "Forecast staff shortfall",
        "zh": "预测人力缺口",
    },
    "risk.kri.none.cost_overrun": {
        "en": "needs a cost report and a budget for the fiscal year (upload both on the Data page)",
        "zh": "需要本财年的费用报表和预算（请在数据页上传）",
    },
    "risk.kri.none.forecast_understaffing": {
        "en": "needs a roster with shift times and enough ticket history for the Resource "
        "page's forecast",
        "zh": "需要含班次时间的排班表，以及足够资源管理页预测所用的工单历史",
    },
    "risk.kri.none.reassignment_rate": {
        "en": "needs an event log or assignment history (upload one) to see team changes",
        "zh": "需要事件日志或分派历史（请上传）才能看到团队间的转派",
    },
    "risk.kri.none.downtime_share": {
        "en": "no availability data for the latest period (upload an availability sheet)",
        "zh": "最近一期没有可用性数据（请上传可用性表）",
    },
    "risk.kri.needs_tickets": {
        "en": "needs tickets",
        "zh": "需要工单数据",
    },
    "risk.kri.none.sla_breach_rate": {
        "en": "no ticket done in the latest period has an SLA target (sla_hours or a priority policy)",
        "zh": "最近一期完成的工单都没有 SLA 时限（sla_hours 或优先级策略）",
    },
    "risk.kri.none.backlog_growth": {
        "en": "no ticket was open in the latest period",
        "zh": "最近一期没有未解决工单",
    },
    "risk.kri.none.backlog_ageing": {
        "en": "no ticket was open at the end of the latest period",
        "zh": "最近一期末没有未解决工单",
    },
    "risk.kri.none.p1_resolution_hours": {
        "en": "no P1 ticket was done in the latest period (upload a priority column, or the filters exclude P1)",
        "zh": "最近一期没有完成的 P1 工单（请上传优先级列，或筛选条件排除了 P1）",
    },
    "risk.kri.none.reopen_rate": {
        "en": "no ticket done in the latest period says how often it was reopened (upload reopen_count)",
        "zh": "最近一期完成的工单没有重开次数（请上传 reopen_count 列）",
    },
    "risk.kri.none.volume_anomalies": {
        "en": "no ticket was created in these periods",
        "zh": "这些周期内没有新建工单",
    },
    "risk.kri.none.single_agent_share": {
        "en": "no category had 20 tickets done by named agents in the latest period (upload an agent column)",
        "zh": "最近一期没有类别有 20 张由具名处理人完成的工单（请上传处理人列）",
    },
    "risk.thresholds": {"en": "Indicator thresholds", "zh": "指标阈值"},
    "risk.thresholds_ignored": {
        "en": "The stored thresholds of {indicators} cannot be used (amber above red, a "
        "negative threshold, or periods outside 1-{most}), so the defaults apply; save corrected "
        "ones here.",
        "zh": "{indicators} 已保存的阈值无法使用（黄色阈值高于红色阈值、阈值为负，或连续周期不在 1-{most} 之间），"
        "因此采用默认值；请在此处保存更正后的阈值。",
    },
    "risk.thresholds_help": {
        "en": "Every indicator is worse when higher: amber from the amber value, red from the "
        "red value (shares as fractions, 0.25 = 25%). Red for the number of periods in a row "
        "marks the linked risks for review. Saved in the workspace, like targets.",
        "zh": "所有指标都是越高越差：达到黄色阈值为黄色，达到红色阈值为红色（比例以小数表示，0.25 = 25%）。"
        "连续红色达到设定的周期数时，关联风险会被标记为建议复核。阈值保存在工作区中，与目标相同。",
    },
    "risk.thresholds_save": {"en": "Save thresholds", "zh": "保存阈值"},
    "risk.thresholds_saved": {"en": "Saved {n} thresholds.", "zh": "已保存 {n} 项阈值。"},
    "risk.thresholds_sample": {
        "en": "The sample is read-only: thresholds can be saved in your own workspace.",
        "zh": "示例数据为只读：可在您自己的工作区中保存阈值。",
    },
    "risk.download": {"en": "Download the register", "zh": "下载风险登记册"},
    # -- errors (svcops.risk) -----------------------------------------------------------
    "risk.error.band_whole": {
        "en": "The {band} band must start at a whole score (got {got}).",
        "zh": "{band} 等级的起点必须是整数分值（收到 {got}）。",
    },
    "risk.error.band_range": {
        "en": "The {band} band must start at a score from 2 to 25 (got {got}).",
        "zh": "{band} 等级的起点必须是 2 到 25 之间的分值（收到 {got}）。",
    },
    "risk.error.band_order": {
        "en": "Bands must rise: critical ({critical}) above high ({high}) above medium ({medium}).",
        "zh": "等级阈值须依次降低：严重（{critical}）> 高（{high}）> 中（{medium}）。",
    },
    "risk.error.level": {
        "en": "{field} must be a whole level from 1 to 5 (got {got!r}).",
        "zh": "{field} 必须是 1 到 5 的整数等级（收到 {got!r}）。",
    },
    "risk.error.read_only": {
        "en": "This workspace is read-only; nothing was saved.",
        "zh": "此工作区为只读，未保存任何内容。",
    },
    "risk.error.unknown_risk": {
        "en": "There is no risk {risk} in the register.",
        "zh": "登记册中没有风险 {risk}。",
    },
    "risk.error.basis": {
        "en": "Ratings must be inherent, residual or target (got {got}).",
        "zh": "评级必须是固有、剩余或目标（收到 {got}）。",
    },
    "risk.error.threshold": {
        "en": "Row {row}: {field} must be a number of 0 or more (got {got!r}).",
        "zh": "第 {row} 行：{field} 必须是不小于 0 的数字（收到 {got!r}）。",
    },
    "risk.error.indicator": {
        "en": "Row {row}: unknown indicator {got!r}; known: {known}.",
        "zh": "第 {row} 行：未知指标 {got!r}；可用：{known}。",
    },
    "risk.error.indicator_twice": {
        "en": "Row {row}: {indicator} has thresholds twice.",
        "zh": "第 {row} 行：{indicator} 的阈值重复。",
    },
    "risk.error.amber_above_red": {
        "en": "Row {row}: amber ({amber}) must not be above red ({red}).",
        "zh": "第 {row} 行：黄色阈值（{amber}）不能高于红色阈值（{red}）。",
    },
    "risk.error.periods": {
        "en": "Row {row}: periods must be a whole number from 1 to {most} (got {got!r}).",
        "zh": "第 {row} 行：周期数必须是 1 到 {most} 的整数（收到 {got!r}）。",
    },
}
