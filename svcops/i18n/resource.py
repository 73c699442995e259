"""The Resource management page and the forecast's messages."""

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
}
