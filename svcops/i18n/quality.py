"""The Quality control page."""

STRINGS: dict[str, dict[str, str]] = {
    "quality.title": {"en": "Quality control", "zh": "质量控制"},
    "quality.spc": {"en": "Is the process stable?", "zh": "流程是否稳定？"},
    "quality.metric": {"en": "Control chart of", "zh": "控制图指标"},
    # The measures the control chart can show (the chart's title names the chart drawn).
    "quality.measure.volume": {"en": "Tickets created", "zh": "新建工单"},
    "quality.measure.resolution": {"en": "Median resolution hours", "zh": "解决时长中位数"},
    "quality.measure.sla": {"en": "SLA breach rate", "zh": "SLA 违约率"},
    "quality.metric.volume": {
        "en": "Tickets created per day (XmR)",
        "zh": "每日新建工单（单值-移动极差图）",
    },
    "quality.metric.resolution": {
        "en": "Median resolution hours per day (XmR)",
        "zh": "每日解决时长中位数（单值-移动极差图）",
    },
    "quality.metric.sla": {
        "en": "SLA breach rate per day (p-chart)",
        "zh": "每日 SLA 违约率（p 控制图）",
    },
    "quality.baseline": {
        "en": "Baseline period (sets centre line and limits)",
        "zh": "基准期（决定中心线与控制限）",
    },
    "quality.limits": {
        "en": "Centre {centre} · UCL {ucl} · LCL {lcl} · from {baseline}.",
        "zh": "中心线 {centre} · 上控制限 {ucl} · 下控制限 {lcl} · 基于 {baseline}。",
    },
    "quality.limits_p": {
        "en": "p̄ {centre} · limits p̄ ± 3√(p̄(1−p̄)/nᵢ), nᵢ the tickets judged at each "
        "point · from {baseline}.",
        "zh": "p̄ {centre} · 控制限 p̄ ± 3√(p̄(1−p̄)/nᵢ)，nᵢ 为每个点判定的工单数 · 基于 {baseline}。",
    },
    "quality.flagged": {"en": "Out of control", "zh": "失控"},
    "quality.violations": {
        "en": "{n} point(s) flagged by the Western Electric rules",
        "zh": "{n} 个点触发西电规则",
    },
    "quality.no_violations": {
        "en": "No Western Electric rule fires: the process is in "
        "statistical control over this period.",
        "zh": "未触发任何西电规则：本期间流程处于统计受控状态。",
    },
    "quality.rule.1": {"en": "Rule 1: one point beyond 3σ", "zh": "规则 1：一点超出 3σ"},
    "quality.rule.2": {
        "en": "Rule 2: 2 of 3 beyond 2σ, same side",
        "zh": "规则 2：连续 3 点中 2 点超出 2σ（同侧）",
    },
    "quality.rule.3": {
        "en": "Rule 3: 4 of 5 beyond 1σ, same side",
        "zh": "规则 3：连续 5 点中 4 点超出 1σ（同侧）",
    },
    "quality.rule.4": {
        "en": "Rule 4: 8 in a row on one side",
        "zh": "规则 4：连续 8 点位于中心线同侧",
    },
    # Which points set a control chart's limits (ControlChart.baseline).
    "quality.baseline.all": {"en": "all points ({n} points)", "zh": "全部点（{n} 个点）"},
    "quality.baseline.all_one": {"en": "all points ({n} point)", "zh": "全部点（{n} 个点）"},
    "quality.baseline.selected": {"en": "selected points ({n} points)", "zh": "所选点（{n} 个点）"},
    "quality.baseline.selected_one": {
        "en": "selected points ({n} point)",
        "zh": "所选点（{n} 个点）",
    },
    "quality.baseline.range": {
        "en": "{start} to {end} ({n} points)",
        "zh": "{start} 至 {end}（{n} 个点）",
    },
    "quality.baseline.range_one": {
        "en": "{start} to {end} ({n} point)",
        "zh": "{start} 至 {end}（{n} 个点）",
    },
    # Why a control chart has no limits (ControlChart.note).
    "quality.note.too_few_baseline": {
        "en": "the baseline needs at least 2 consecutive points to estimate sigma; it has {n}",
        "zh": "基准期至少需要 2 个连续的点才能估计 σ；目前只有 {n} 个",
    },
    "quality.note.no_items": {
        "en": "the baseline has no items to judge; no limits",
        "zh": "基准期没有可判定的项目；无法给出控制限",
    },
    # Which control chart is drawn and why (ControlChart.reason).
    "quality.why.p_auto": {
        "en": "p-chart: the variation between consecutive points is {sigma_z:.2f}× what "
        "the binomial model expects (σz, at most {bound:.2f} on {n} points), so its "
        "limits fit.",
        "zh": "p 控制图：相邻点之间的波动是二项模型预期的 {sigma_z:.2f} 倍（σz，{n} 个点时不超过 "
        "{bound:.2f}），控制限适用。",
    },
    "quality.why.laney_auto": {
        "en": "Laney p′ chart: the variation between consecutive points is {sigma_z:.2f}× "
        "what the binomial model expects (σz above {bound:.2f} on {n} points), so a "
        "p-chart's limits would be too narrow and flag ordinary days; p′ widens them by σz.",
        "zh": "Laney p′ 控制图：相邻点之间的波动是二项模型预期的 {sigma_z:.2f} 倍（σz，{n} 个点时"
        "超过 {bound:.2f}），p 控制图的控制限过窄，会把普通的日子标为失控；p′ 按 σz 放宽控制限。",
    },
    "quality.why.p_user": {
        "en": "p-chart, as chosen (σz {sigma_z:.2f}; the automatic choice takes p′ above "
        "{bound:.2f} on {n} points).",
        "zh": "p 控制图（手动选择；σz 为 {sigma_z:.2f}，{n} 个点时超过 {bound:.2f} 会自动改用 p′）。",
    },
    "quality.why.laney_user": {
        "en": "Laney p′ chart, as chosen: limits p̄ ± 3·σz·√(p̄(1−p̄)/nᵢ) with σz "
        "{sigma_z:.2f} (the automatic choice takes p′ above {bound:.2f} on {n} points).",
        "zh": "Laney p′ 控制图（手动选择）：控制限 p̄ ± 3·σz·√(p̄(1−p̄)/nᵢ)，σz 为 {sigma_z:.2f}"
        "（{n} 个点时超过 {bound:.2f} 会自动改用 p′）。",
    },
    "quality.why.weekday_auto": {
        "en": "Adjusted for the day of the week: the weekly cycle would dominate a plain "
        "chart (σ {raw:,.1f} a day, {adjusted:,.1f} after adjusting), so each day is "
        "judged against its own weekday's average and limits.",
        "zh": "按星期几调整：每周周期会主导普通控制图（σ 每天 {raw:,.1f}，调整后 {adjusted:,.1f}），"
        "因此每天都与其所在星期几的平均值和控制限比较。",
    },
    "quality.why.day_auto": {
        "en": "Daily counts (XmR): no weekly cycle worth adjusting for (σ {raw:,.1f} a "
        "day, {adjusted:,.1f} after adjusting for the weekday).",
        "zh": "每日数量（单值-移动极差图）：没有值得调整的每周周期（σ 每天 {raw:,.1f}，"
        "按星期几调整后 {adjusted:,.1f}）。",
    },
    "quality.why.weekday_user": {
        "en": "Adjusted for the day of the week, as chosen: each day is judged against "
        "its own weekday's average and limits (σ {adjusted:,.1f} a day; {raw:,.1f} "
        "unadjusted).",
        "zh": "按星期几调整（手动选择）：每天都与其所在星期几的平均值和控制限比较"
        "（σ 每天 {adjusted:,.1f}；未调整为 {raw:,.1f}）。",
    },
    "quality.why.day_user": {
        "en": "Daily counts (XmR), as chosen, without weekday adjustment (σ {raw:,.1f} a "
        "day; {adjusted:,.1f} adjusted).",
        "zh": "每日数量（单值-移动极差图，手动选择），未按星期几调整（σ 每天 {raw:,.1f}；"
        "调整后 {adjusted:,.1f}）。",
    },
    "quality.why.week_user": {
        "en": "Weekly totals (XmR), Monday to Sunday; weeks the period covers only in "
        "part are left out.",
        "zh": "每周合计（单值-移动极差图），周一至周日；期间只覆盖部分天数的周不计入。",
    },
    "quality.why.p_short": {
        "en": "p-chart: too few consecutive points to measure the variation between "
        "them (σz), so the binomial limits are used.",
        "zh": "p 控制图：相邻点太少，无法衡量点间波动（σz），因此使用二项分布控制限。",
    },
    "quality.why.day_short": {
        "en": "Daily counts (XmR): too few days of each weekday (two of every weekday "
        "are needed) to judge a weekly cycle, so the counts are charted as they are.",
        "zh": "每日数量（单值-移动极差图）：每个星期几的天数太少（每个星期几至少需要两天），"
        "无法判断每周周期，因此按原始数量作图。",
    },
    "quality.note.weekday_short": {
        "en": "weekday adjustment needs at least two baseline days of every weekday",
        "zh": "按星期几调整需要基准期内每个星期几至少两天",
    },
    "quality.chart": {"en": "Chart", "zh": "图表"},
    "quality.chart.auto": {"en": "Automatic", "zh": "自动"},
    "quality.chart.p": {"en": "p", "zh": "p"},
    "quality.chart.laney": {"en": "Laney p′", "zh": "Laney p′"},
    "quality.chart.day": {"en": "Daily", "zh": "每日"},
    "quality.chart.weekday": {"en": "Weekday-adjusted", "zh": "按星期几调整"},
    "quality.chart.week": {"en": "Weekly totals", "zh": "每周合计"},
    "quality.grain": {"en": "Points", "zh": "点"},
    "quality.grain.day": {"en": "Days", "zh": "按日"},
    "quality.grain.week": {"en": "Weeks", "zh": "按周"},
    "quality.limits_laney": {
        "en": "p̄ {centre} · limits p̄ ± 3·σz·√(p̄(1−p̄)/nᵢ), σz {sigma_z} · from {baseline}.",
        "zh": "p̄ {centre} · 控制限 p̄ ± 3·σz·√(p̄(1−p̄)/nᵢ)，σz {sigma_z} · 基于 {baseline}。",
    },
    "quality.limits_weekday": {
        "en": "Adjusted centre {centre} a day · σ {sigma} on a day of average volume · "
        "each weekday's centre scaled by its share f of the average day, its σ by √f "
        "(count noise grows with the square root of the volume) · from {baseline}.",
        "zh": "调整后中心线每天 {centre} · 平均业务量日的 σ 为 {sigma} · 每个星期几的中心线按其占平均日的"
        "比例 f 缩放，σ 按 √f 缩放（计数的波动随业务量的平方根增长）· 基于 {baseline}。",
    },
    "quality.lcl_floored": {
        "en": "The lower limit is drawn at 0 where 3σ below the centre would be negative: "
        "a count cannot go below 0.",
        "zh": "中心线下方 3σ 为负数时，下控制限画在 0：数量不可能小于 0。",
    },
    "quality.metric.volume_week": {
        "en": "Tickets created per week (XmR)",
        "zh": "每周新建工单（单值-移动极差图）",
    },
    "quality.metric.volume_weekday": {
        "en": "Tickets created per day, adjusted for weekday",
        "zh": "每日新建工单（按星期几调整）",
    },
    "quality.metric.sla_laney": {
        "en": "SLA breach rate per day (Laney p′ chart)",
        "zh": "每日 SLA 违约率（Laney p′ 控制图）",
    },
    "quality.metric.sla_week": {
        "en": "SLA breach rate per week (p-chart)",
        "zh": "每周 SLA 违约率（p 控制图）",
    },
    "quality.metric.sla_laney_week": {
        "en": "SLA breach rate per week (Laney p′ chart)",
        "zh": "每周 SLA 违约率（Laney p′ 控制图）",
    },
    "quality.mr": {"en": "Moving range", "zh": "移动极差"},
    "quality.mr_weekday": {
        "en": "Moving range of the weekday-adjusted counts",
        "zh": "按星期几调整后数量的移动极差",
    },
    "quality.customers": {"en": "What customers say", "zh": "客户评价"},
    "quality.csat_dist": {
        "en": "CSAT scores of tickets resolved in the period",
        "zh": "本期已解决工单的满意度评分分布",
    },
    "quality.csat_trend": {"en": "CSAT mean over time", "zh": "满意度均值趋势"},
    "quality.no_csat": {
        "en": "No CSAT scores in this period: add a `csat` column (1–5) to the tickets sheet.",
        "zh": "本期没有满意度评分：请在工单表中加入 `csat` 列（1–5）。",
    },
    "quality.nps": {"en": "NPS (surveys dated in the period)", "zh": "NPS（本期问卷）"},
    "quality.promoters": {"en": "Promoters (9–10)", "zh": "推荐者（9–10）"},
    "quality.passives": {"en": "Passives (7–8)", "zh": "中立者（7–8）"},
    "quality.detractors": {"en": "Detractors (0–6)", "zh": "贬损者（0–6）"},
    "quality.no_nps": {
        "en": "No NPS in this period: upload a `surveys` sheet with `date` and `nps` (0–10).",
        "zh": "本期没有 NPS：请上传含 `date` 与 `nps`（0–10）的 `surveys` 工作表。",
    },
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
    "quality.no_defects": {
        "en": "No defects of this type in the period.",
        "zh": "本期没有此类缺陷。",
    },
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
        "（维度：tangibles 有形性、reliability 可靠性、responsiveness 响应性、assurance 保证性、"
        "empathy 移情性）的问卷可显示服务质量差距。",
    },
    # SERVQUAL's five dimensions (Parasuraman, Zeithaml and Berry), as in the survey columns.
    "quality.dimension.tangibles": {"en": "Tangibles", "zh": "有形性"},
    "quality.dimension.reliability": {"en": "Reliability", "zh": "可靠性"},
    "quality.dimension.responsiveness": {"en": "Responsiveness", "zh": "响应性"},
    "quality.dimension.assurance": {"en": "Assurance", "zh": "保证性"},
    "quality.dimension.empathy": {"en": "Empathy", "zh": "移情性"},
    "quality.expectation": {"en": "Expectation", "zh": "期望"},
    "quality.perception": {"en": "Perception", "zh": "感知"},
    "quality.dimension": {"en": "Dimension", "zh": "维度"},
    # A control chart's lines, as its tooltip names them.
    "quality.centre": {"en": "Centre line", "zh": "中心线"},
    "quality.ucl": {"en": "UCL", "zh": "控制上限"},
    "quality.lcl": {"en": "LCL", "zh": "控制下限"},
}
