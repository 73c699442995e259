"""The Resource management page, and the messages of the forecast, staffing and plan."""

STRINGS: dict[str, dict[str, str]] = {
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
    "resource.forecast_chart": {
        "en": "Tickets per day: last 8 weeks and forecast",
        "zh": "每日工单：最近 8 周与预测",
    },
    "resource.forecast_chart_calls": {
        "en": "Calls offered per day: last 8 weeks and forecast",
        "zh": "每日来电量：最近 8 周与预测",
    },
    "resource.axis.calls": {"en": "Calls offered", "zh": "来电量"},
    # The forecast chart's legend: the history line, the dashed forecast and its band.
    "resource.legend.actual": {"en": "Actual", "zh": "实际"},
    "resource.legend.forecast": {"en": "Forecast", "zh": "预测"},
    "resource.legend.band": {"en": "Likely range", "zh": "可能区间"},
    "resource.legend.lower": {"en": "Likely range, low", "zh": "可能区间下限"},
    "resource.legend.upper": {"en": "Likely range, high", "zh": "可能区间上限"},
    "resource.series_note": {"en": "{series}: {message}", "zh": "{series}：{message}"},
    # -- forecast accuracy (svcops.forecast.describe_accuracy) --
    # -- forecast accuracy (svcops.forecast.describe_accuracy): MAE and WAPE judge,
    # MAPE (days with tickets only) is shown beside --
    "resource.accuracy.scored": {
        "en": "Model: {model}, the best by MAE of the {count} tried in the backtest. On the "
        "{days} days scored ({first} to {last}) it missed by {mae:,} tickets a day, {wape:.0%} "
        "of the tickets (WAPE); the naive weekly repeat missed by {baseline_mae:,} a day "
        "({baseline_wape:.0%}). MAPE, on the {ticket_days} days with tickets: {mape:.0%} "
        "against {baseline_mape:.0%}.",
        "zh": "模型：{model}，在回测的 {count} 个模型中平均绝对误差（MAE）最小。在回测的 {days} 天"
        "（{first} 至 {last}）里，平均每天偏差 {mae:,} 张，占工单量的 {wape:.0%}（WAPE）；"
        "按上周重复每天偏差 {baseline_mae:,} 张（{baseline_wape:.0%}）。"
        "MAPE（仅计有工单的 {ticket_days} 天）：{mape:.0%}，按上周重复为 {baseline_mape:.0%}。",
    },
    "resource.accuracy.scored_naive": {
        "en": "Model: {model}, the best by MAE of the {count} tried in the backtest. On the "
        "{days} days scored ({first} to {last}) it missed by {mae:,} tickets a day, {wape:.0%} "
        "of the tickets (WAPE; MAPE {mape:.0%} on the {ticket_days} days with tickets).",
        "zh": "模型：{model}，在回测的 {count} 个模型中平均绝对误差（MAE）最小。在回测的 {days} 天"
        "（{first} 至 {last}）里，平均每天偏差 {mae:,} 张，占工单量的 {wape:.0%}（WAPE；"
        "仅计有工单的 {ticket_days} 天，MAPE 为 {mape:.0%}）。",
    },
    "resource.accuracy.brief": {
        "en": "{model}, missed by {mae:,} tickets a day ({wape:.0%} of the tickets, WAPE) on "
        "the {days} days to {last}; the naive weekly repeat by {baseline_mae:,} "
        "({baseline_wape:.0%}).",
        "zh": "{model}：截至 {last} 的 {days} 天回测中每天偏差 {mae:,} 张（WAPE {wape:.0%}）；"
        "按上周重复为 {baseline_mae:,} 张（{baseline_wape:.0%}）。",
    },
    "resource.accuracy.brief_naive": {
        "en": "{model}, missed by {mae:,} tickets a day ({wape:.0%} of the tickets, WAPE) on "
        "the {days} days to {last}; no model tried did better.",
        "zh": "{model}：截至 {last} 的 {days} 天回测中每天偏差 {mae:,} 张（WAPE {wape:.0%}）；"
        "所试模型无一更好。",
    },
    "resource.accuracy.no_tickets": {
        "en": "Model: {model}. The {days} days scored ({first} to {last}) had no tickets; "
        "it forecast {mae:,} a day on them, the naive weekly repeat {baseline_mae:,}.",
        "zh": "模型：{model}。回测的 {days} 天（{first} 至 {last}）没有工单；"
        "它对这些天平均每天预测 {mae:,} 张，按上周重复为 {baseline_mae:,} 张。",
    },
    "resource.accuracy.unavailable": {
        "en": "There is not enough history yet to measure how accurate the forecast is.",
        "zh": "历史数据不足，暂无法衡量预测准确度。",
    },
    # -- the forecast models (ForecastResult.model), and what each is --
    "resource.forecast_model.seasonal_naive": {"en": "naive weekly repeat", "zh": "按上周重复"},
    "resource.forecast_model.weekly_profile": {"en": "weekly profile", "zh": "周量分摊"},
    "resource.forecast_model.combined": {
        "en": "Prophet and naive mean",
        "zh": "Prophet 与按上周重复的平均",
    },
    "resource.forecast_model.prophet": {"en": "Prophet", "zh": "Prophet"},
    "resource.forecast_models_note": {
        "en": "Each series uses the model that missed least, by mean absolute error (MAE), "
        "over the backtest's last days (each refitted on the days before): the naive weekly "
        "repeat (each day as the same weekday a week earlier); the weekly profile (the last "
        "4 weeks' mean weekly total, spread by the last 13 weeks' weekday shares); Prophet "
        "(trend, weekly pattern and, when set, public holidays); or the mean of Prophet and "
        "the naive repeat. WAPE is the absolute error over the tickets, zero days included; "
        "MAPE leaves days without tickets out, so it is shown but never used to choose.",
        "zh": "每个序列使用回测中平均绝对误差（MAE）最小的模型（每次只用回测日之前的数据重新拟合）："
        "按上周重复（每天取一周前同一天的量）；周量分摊（最近 4 周的平均周量，按最近 13 周各星期的"
        "占比分到每天）；Prophet（趋势、周规律，以及设置时的公共假日）；或 Prophet 与按上周重复"
        "的平均。WAPE 为绝对误差占工单量的比例，包含没有工单的日子；MAPE 不计没有工单的日子，"
        "因此只作参考，不用于选择模型。",
    },
    # -- why Prophet was not tried or not used (ForecastResult.message) --
    "resource.fallback.short_history": {
        "en": "Only {days} days of history; Prophet needs at least {min_days} days "
        "({min_weeks} weeks), so only the simple models were tried.",
        "zh": "仅有 {days} 天的历史数据；Prophet 至少需要 {min_days} 天（{min_weeks} 周），"
        "因此只比较了简单模型。",
    },
    "resource.fallback.sparse_history": {
        "en": "Tickets on only {active} of {days} days; Prophet needs tickets on at least "
        "{min_active} days, so only the simple models were tried.",
        "zh": "{days} 天中仅 {active} 天有工单；Prophet 至少需要 {min_active} 天有工单，"
        "因此只比较了简单模型。",
    },
    "resource.fallback.untestable": {
        "en": "{days} days of history are too few to backtest Prophet (it needs "
        "{min_days}), so only the simple models were tried.",
        "zh": "{days} 天的历史数据不足以回测 Prophet（需要 {min_days} 天），因此只比较了简单模型。",
    },
    "resource.fallback.fit_failed": {
        "en": "The Prophet model could not be fitted ({error}); the forecast repeats the "
        "last week.",
        "zh": "Prophet 模型无法拟合（{error}），因此预测沿用最近一周的数据。",
    },
    # -- the roster (Roster.reason) --
    "resource.roster.none": {"en": "no roster uploaded", "zh": "尚未上传排班表"},
    "resource.roster.no_times": {
        "en": "the roster has no shift start and end times",
        "zh": "排班表没有班次的开始和结束时间",
    },
    # -- inputs refused by the forecast, the staffing maths and the plan settings --
    "resource.history.empty": {
        "en": "history is empty: no tickets in the selected range",
        "zh": "历史数据为空：所选范围内没有工单",
    },
    "resource.history.too_short": {
        "en": "only {days} day(s) of arrivals ({first} to {last}); a forecast needs at least "
        "{min_days} days (two weeks)",
        "zh": "可用于预测的到达数据仅 {days} 天（{first} 至 {last}）；预测至少需要 {min_days} 天"
        "（两周）",
    },
    "resource.history.columns": {
        "en": "history must have columns 'ds' and 'y' (missing: {missing})",
        "zh": "历史数据必须包含 'ds' 和 'y' 两列（缺少：{missing}）",
    },
    "resource.history.several_series": {
        "en": "history has several unique_id values; use forecast_many for many series",
        "zh": "历史数据含有多个 unique_id；多个序列请使用 forecast_many",
    },
    "resource.history.bad_dates": {
        "en": "history has {count} row(s) whose 'ds' is not a date",
        "zh": "历史数据中有 {count} 行的 'ds' 不是日期",
    },
    "resource.history.bad_counts": {
        "en": "history has {count} row(s) whose 'y' is not a number",
        "zh": "历史数据中有 {count} 行的 'y' 不是数字",
    },
    "resource.history.negative": {
        "en": "history has {count} row(s) with a negative 'y'; counts cannot be negative",
        "zh": "历史数据中有 {count} 行的 'y' 为负数；计数不能为负",
    },
    "resource.history.unique_ids": {
        "en": "unique_id values must stay distinct as text (e.g. not both 1 and '1')",
        "zh": "unique_id 的值转为文本后必须互不相同（例如不能同时有 1 和 '1'）",
    },
    "resource.missing_column": {
        "en": "{frame} must have a '{column}' column",
        "zh": "{frame} 必须包含 '{column}' 列",
    },
    "resource.missing_columns": {
        "en": "{frame} must have a '{column}' or '{other}' column",
        "zh": "{frame} 必须包含 '{column}' 或 '{other}' 列",
    },
    "resource.must_be.positive": {
        "en": "{name} must be a positive number",
        "zh": "{name} 必须是正数",
    },
    "resource.must_be.non_negative": {
        "en": "{name} must be a non-negative number",
        "zh": "{name} 必须是非负数",
    },
    "resource.must_be.positive_whole": {
        "en": "{name} must be a positive whole number",
        "zh": "{name} 必须是正整数",
    },
    "resource.must_be.whole": {
        "en": "{name} must be a non-negative whole number",
        "zh": "{name} 必须是非负整数",
    },
    "resource.must_be.fraction": {
        "en": "{name} must be a number strictly between 0 and 1",
        "zh": "{name} 必须是严格介于 0 与 1 之间的数",
    },
    "resource.must_be.below_one": {
        "en": "{name} must be a number from 0 up to, but not including, 1",
        "zh": "{name} 必须是不小于 0 且小于 1 的数",
    },
    "resource.must_be.up_to_one": {
        "en": "{name} must be a number above 0 and at most 1",
        "zh": "{name} 必须大于 0 且不超过 1",
    },
    "resource.must_be.either": {
        "en": "{name} must be '{first}' or '{second}'",
        "zh": "{name} 必须是 '{first}' 或 '{second}'",
    },
    "resource.by_choice": {
        "en": "by must be None, 'channel' or 'team'",
        "zh": "by 必须是 None、'channel' 或 'team'",
    },
    "resource.too_much_traffic": {
        "en": "the interval's traffic is {traffic:,.0f} Erlangs (volume × handle time ÷ "
        "interval), more than the {most:,} one queue can be planned for: check the volume "
        "and handle time, or split the queue",
        "zh": "该时段话务量为 {traffic:,.0f} 爱尔兰（量 × 处理时长 ÷ 时段），超过单一队列可规划的 "
        "{most:,}：请检查量与处理时长，或拆分队列",
    },
    "resource.too_much_traffic_vast": {
        "en": "the interval's traffic (volume × handle time ÷ interval) is far more than the "
        "{most:,} Erlangs one queue can be planned for: check the volume, handle time and "
        "interval length",
        "zh": "该时段话务量（量 × 处理时长 ÷ 时段）远超单一队列可规划的 {most:,} 爱尔兰：请检查量、"
        "处理时长与时段长度",
    },
    "resource.must_be.given": {
        "en": "{name} must be given, as a column of frame or as an argument",
        "zh": "必须提供 {name}：作为 frame 的一列或作为参数",
    },
    "resource.burn_down_needed": {
        "en": "burn_down_days must be given when there is a backlog",
        "zh": "有积压时必须提供 burn_down_days",
    },
    "resource.unknown_country": {
        "en": "unknown country code '{code}': use an ISO code such as 'US', 'GB', 'CN' or 'DE'",
        "zh": "未知的国家代码 '{code}'：请使用 ISO 代码，例如 'US'、'GB'、'CN' 或 'DE'",
    },
    "resource.horizon_range": {
        "en": "horizon_days must be between 1 and 366",
        "zh": "horizon_days 必须在 1 到 366 之间",
    },
    "resource.growth_range": {
        "en": "volume_growth must be above -1 (-100%)",
        "zh": "volume_growth 必须大于 -1（-100%）",
    },
    "resource.intraday.no_arrivals": {
        "en": "no arrivals to build an intraday profile from",
        "zh": "没有到达记录，无法建立日内分布",
    },
    "resource.intraday.interval": {
        "en": "interval_minutes must be a whole number of minutes that divides a day",
        "zh": "interval_minutes 必须是能整除一天的整数分钟数",
    },
    "resource.intraday.grid": {
        "en": "profile slots are not on a {minutes}-minute grid",
        "zh": "分布的时段不在 {minutes} 分钟的网格上",
    },
    "resource.intraday.weekdays": {
        "en": "profile does not cover every weekday in daily_forecast",
        "zh": "分布未覆盖 daily_forecast 中的每个星期几",
    },
    "resource.intraday": {
        "en": "Forecast arrivals per 30 minutes (average day of week)",
        "zh": "每 30 分钟预测到达量（按星期平均）",
    },
    "resource.models": {"en": "How each channel is staffed", "zh": "各渠道的人力模型"},
    "resource.source.tickets": {"en": "tickets", "zh": "工单"},
    "resource.source.tickets_all": {
        "en": "all its tickets (none in the last 13 weeks)",
        "zh": "全部历史工单（最近 13 周没有）",
    },
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
        "plus the tickets open when the plan starts on {start} (Open now) cleared over "
        "{burn:.0f} days; occupancy at most {occ:.0%}.",
        "zh": "工作量模型：到达的工作量（业务量 × 处理时长）分配到排班时段，"
        "并在 {burn:.0f} 天内清理计划开始时（{start}）的未结工单（当前未结）；"
        "占用率不超过 {occ:.0%}。",
    },
    "resource.shrinkage_note": {
        "en": "Staff to roster = staff needed ÷ (1 − shrinkage {shrink:.0%}).",
        "zh": "需排班人数 = 所需人数 ÷（1 − 缩减率 {shrink:.0%}）。",
    },
    # The axes name weekday and hour; a longer title is cut short in a half-width column.
    "resource.gap": {"en": "Rostered minus needed (red: short)", "zh": "排班减需求（红色为不足）"},
    "resource.weekly": {"en": "Required vs rostered FTE per week", "zh": "每周需求与排班 FTE"},
    "resource.weeks_at_risk": {
        "en": "Weeks at risk (roster short by more than 5% of needed hours): {weeks}.",
        "zh": "风险周（排班缺口超过所需工时的 5%）：{weeks}。",
    },
    "resource.no_weeks_at_risk": {
        "en": "No week is short by more than 5% of needed hours.",
        "zh": "没有任何一周的缺口超过所需工时的 5%。",
    },
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
    "resource.totals_cost": {
        "en": ", about {cost:,.0f} at {rate:,.2f} an hour",
        "zh": "，按每小时 {rate:,.2f} 计约 {cost:,.0f}",
    },
    "resource.error": {
        "en": "The forecast could not be made: {message}",
        "zh": "无法生成预测：{message}",
    },
}
