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
    # A KPI named where a targets sheet needs its key (the editor's help, its errors).
    "performance.kpi_key": {"en": "{kpi}", "zh": "{name}（{kpi}）"},
    "performance.kpi_sep": {"en": ", ", "zh": "、"},
    "performance.save": {"en": "Save targets", "zh": "保存目标"},
    "performance.saved": {"en": "Targets saved ({n} rows).", "zh": "目标已保存（{n} 行）。"},
    "performance.sample_readonly": {
        "en": "The sample workspace is read-only; switch to your workspace to keep targets.",
        "zh": "示例工作区为只读；切换到您自己的工作区即可保存目标。",
    },
    "performance.rankings": {"en": "Team and agent rankings", "zh": "团队与个人排名"},
    "performance.rank_by": {"en": "Rank", "zh": "排名对象"},
    "performance.rank_kpi": {"en": "On", "zh": "指标"},
    "performance.min_volume": {
        "en": "Minimum resolved tickets to be ranked",
        "zh": "参与排名的最少解决工单数",
    },
    "performance.unranked": {
        "en": "{n} with fewer than {min} resolved tickets are listed but not ranked.",
        "zh": "{n} 个对象解决工单少于 {min} 张，已列出但不参与排名。",
    },
    "performance.compare": {
        "en": "Against the previous period and a year ago",
        "zh": "与上期及去年同期对比",
    },
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
    # Which way a KPI is better (a target's direction).
    "performance.better.higher": {"en": "higher", "zh": "越高越好"},
    "performance.better.lower": {"en": "lower", "zh": "越低越好"},
    "performance.note.no_weight": {"en": "no weight", "zh": "无权重"},
    "performance.note.no_target": {"en": "no target", "zh": "无目标"},
    "performance.note.no_actual": {"en": "no actual", "zh": "无实际值"},
    "performance.note.no_direction": {"en": "no direction", "zh": "无方向"},
    # What is wrong with an uploaded targets row (load_targets' ``problem``).
    "performance.problem.kpi": {
        "en": "kpi {kpi!r} is not a known KPI",
        "zh": "kpi {kpi!r} 不是已知指标",
    },
    "performance.problem.direction": {
        "en": "direction {direction!r} is not 'higher' or 'lower'",
        "zh": "direction {direction!r} 不是 'higher' 或 'lower'",
    },
    "performance.problem.margin": {
        "en": "amber_margin {margin:g} is negative; 0 used",
        "zh": "amber_margin {margin:g} 为负数；已按 0 处理",
    },
    # Why edited targets cannot be used or saved (TargetsError).
    "performance.error.columns": {
        "en": "targets need the column(s) {columns}",
        "zh": "目标表需要以下列：{columns}",
    },
    "performance.error.kpi": {
        "en": "targets row {row}: kpi must be one of {kpis} (got {got!r})",
        "zh": "目标第 {row} 行：kpi 必须是以下之一：{kpis}（实际为 {got!r}）",
    },
    "performance.error.kpi_blank": {
        "en": "targets row {row}: kpi must be one of {kpis} (got blank)",
        "zh": "目标第 {row} 行：kpi 必须是以下之一：{kpis}（实际为空）",
    },
    "performance.error.target": {
        "en": "targets row {row}: target must be a number (got {got!r})",
        "zh": "目标第 {row} 行：target 必须是数字（实际为 {got!r}）",
    },
    "performance.error.target_blank": {
        "en": "targets row {row}: target must be a number (got blank)",
        "zh": "目标第 {row} 行：target 必须是数字（实际为空）",
    },
    "performance.error.rate": {
        "en": "targets row {row}: target must be a fraction from 0 to 1 for {kpi} (got {got:g}; "
        "90% is 0.9)",
        "zh": "目标第 {row} 行：{kpi} 的 target 必须是 0 到 1 之间的小数（实际为 {got:g}；"
        "90% 应写作 0.9）",
    },
    "performance.error.no_direction": {
        "en": "targets row {row}: direction must be 'higher' or 'lower' for {kpi}, which has no "
        "better direction of its own (got blank)",
        "zh": "目标第 {row} 行：{kpi} 本身没有更优方向，direction 必须为 'higher' 或 'lower'（实际为空）",
    },
    "performance.error.direction": {
        "en": "targets row {row}: direction must be 'higher' or 'lower' (got {got!r})",
        "zh": "目标第 {row} 行：direction 必须为 'higher' 或 'lower'（实际为 {got!r}）",
    },
    "performance.error.margin": {
        "en": "targets row {row}: amber_margin must be a non-negative number (got {got!r})",
        "zh": "目标第 {row} 行：amber_margin 必须是非负数（实际为 {got!r}）",
    },
    "performance.error.duplicate": {
        "en": "targets row {row}: kpi {kpi} for all teams is already set in row {first}",
        "zh": "目标第 {row} 行：所有团队的 kpi {kpi} 已在第 {first} 行设置",
    },
    "performance.error.duplicate_team": {
        "en": "targets row {row}: kpi {kpi} for team {team!r} is already set in row {first}",
        "zh": "目标第 {row} 行：团队 {team!r} 的 kpi {kpi} 已在第 {first} 行设置",
    },
    "performance.error.read_only": {
        "en": "targets cannot be saved: the workspace is open read-only",
        "zh": "无法保存目标：工作区以只读方式打开",
    },
}
