"""The Overview page, its headline sentences and the KPI names."""

STRINGS: dict[str, dict[str, str]] = {
    "overview.title": {"en": "Service overview", "zh": "服务总览"},
    "overview.caption": {
        "en": "{start} to {end} ({days} days), compared with {pstart} to {pend}",
        "zh": "{start} 至 {end}（{days} 天），对比 {pstart} 至 {pend}",
    },
    "overview.headlines": {"en": "Headlines", "zh": "要点"},
    "overview.no_series": {
        "en": "{chart}: no ticket in this period has the data for it (see the KPIs above).",
        "zh": "{chart}：本期没有工单含有所需数据（见上方指标）。",
    },
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
    # How the outcome figures were taken (svcops.kpi.Definitions.notes), under the scorecard.
    "kpi.rule.sla_flag": {
        "en": "SLA attainment follows the source's own SLA flag (tickets judged: {n:,}), not "
        "the policy's hours.",
        "zh": "SLA 达成率采用来源系统自带的 SLA 标记（{n:,} 张工单），而非策略时限。",
    },
    "kpi.rule.sla_policy": {
        "en": "SLA attainment holds each ticket's resolution time against its target: its "
        "own SLA hours, else the policy for its priority (tickets judged: {n:,}).",
        "zh": "SLA 达成率以每张工单的解决时长对照其时限：工单自带的 SLA 小时数，否则按其优先级的"
        "策略（{n:,} 张工单）。",
    },
    "kpi.rule.sla_mixed": {
        "en": "SLA attainment follows the source's own SLA flag where a ticket has one "
        "({flag:,}) and the target hours (own, else the priority policy) for the rest "
        "({policy:,}).",
        "zh": "SLA 达成率：{flag:,} 张工单采用来源系统自带的 SLA 标记，{policy:,} 张按时限"
        "（工单自带，否则按优先级策略）判定。",
    },
    "kpi.rule.timed_to_close": {
        "en": "Done tickets with no resolve time ({n:,} of {done:,}) are timed to their close, "
        "which lengthens their resolution time.",
        "zh": "已完成的 {done:,} 张工单中有 {n:,} 张没有解决时间，按关闭时间计时，其解决时长因此偏长。",
    },
    "kpi.rule.reopened": {
        "en": "Reopened tickets ({n:,}) count once, at their final resolution.",
        "zh": "{n:,} 张重开过的工单只计一次，按最后一次解决计。",
    },
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
    # Said when no group explains the change (the data has no team, channel or category):
    # a group named "(none)" explains nothing.
    "headline.volume_up_total": {
        "en": "Volume rose {pct:.0%} on the previous {days} days to {n:,} tickets.",
        "zh": "工单量较前 {days} 天上升 {pct:.0%}，达 {n:,} 张。",
    },
    "headline.volume_down_total": {
        "en": "Volume fell {pct:.0%} on the previous {days} days to {n:,} tickets.",
        "zh": "工单量较前 {days} 天下降 {pct:.0%}，为 {n:,} 张。",
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
    "headline.sla_down_total": {
        "en": "SLA attainment fell {pts:.1f} points to {value:.1%}.",
        "zh": "SLA 达成率下降 {pts:.1f} 个百分点至 {value:.1%}。",
    },
    "headline.sla_up_total": {
        "en": "SLA attainment rose {pts:.1f} points to {value:.1%}.",
        "zh": "SLA 达成率上升 {pts:.1f} 个百分点至 {value:.1%}。",
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
}
