"""The Performance evaluation page."""

STRINGS: dict[str, dict[str, str]] = {
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
}
