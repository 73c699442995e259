"""The Process design page (服务流程设计)."""

STRINGS: dict[str, dict[str, str]] = {
    "process.title": {"en": "Process design", "zh": "服务流程设计"},
    "process.nav": {"en": "Process design", "zh": "流程设计"},
    # Which events the page reads.
    "process.source.events": {
        "en": "From the uploaded event log: {events:,} events of the {cases:,} tickets created "
        "in the period.",
        "zh": "数据来自上传的事件日志：本期创建的 {cases:,} 张工单共 {events:,} 个事件。",
    },
    "process.source.tickets": {
        "en": "From the tickets' own timestamps: created → first response → resolved → closed "
        "({cases:,} tickets created in the period). An event log (a status or assignment "
        "history with ticket, status, time and team, such as a ServiceNow audit export) "
        "would add handovers, waiting states and reopen loops.",
        "zh": "数据来自工单自身的时间戳：创建 → 首次响应 → 解决 → 关闭（本期创建 {cases:,} 张工单）。"
        "上传事件日志（含工单号、状态、时间和团队的状态或转派历史，例如 ServiceNow 审计导出）"
        "即可看到转派、等待状态和重开循环。",
    },
    "process.no_cases": {
        "en": "No ticket created from {start} to {end} has events. The event log covers tickets "
        "created from {first} to {last}: pick a period in it.",
        "zh": "{start} 至 {end} 创建的工单没有事件。事件日志覆盖 {first} 至 {last} 创建的工单，"
        "请在此范围内选择期间。",
    },
    "process.derived.created": {"en": "Created", "zh": "创建"},
    "process.derived.first_response": {"en": "First response", "zh": "首次响应"},
    "process.derived.resolved": {"en": "Resolved", "zh": "解决"},
    "process.derived.closed": {"en": "Closed", "zh": "关闭"},
    "process.start": {"en": "Start", "zh": "开始"},
    "process.end": {"en": "End", "zh": "结束"},
    "process.hours": {"en": "{value:,.1f} h", "zh": "{value:,.1f} 小时"},
    "process.days": {"en": "{value:,.1f} d", "zh": "{value:,.1f} 天"},
    # Durations.
    "process.settings": {"en": "How durations are measured", "zh": "时长计算方式"},
    "process.clock": {"en": "Durations in", "zh": "时长口径"},
    "process.clock.calendar": {"en": "Calendar hours", "zh": "日历小时"},
    "process.clock.business": {
        "en": "Business hours (weekdays 09:00–17:00)",
        "zh": "工作小时（工作日 09:00–17:00）",
    },
    "process.country": {"en": "Less the public holidays of", "zh": "扣除以下国家/地区的法定假日"},
    "process.country.none": {"en": "(no holidays)", "zh": "（不扣除假日）"},
    "process.skip_waiting": {
        "en": "Leave out time in waiting states (on hold, pending customer)",
        "zh": "扣除等待状态的时间（挂起、等待客户）",
    },
    "process.waiting_states": {
        "en": "Waiting states in this log: {names}.",
        "zh": "本日志中的等待状态：{names}。",
    },
    "process.no_waiting_states": {
        "en": "No activity of this log looks like a waiting state (on hold, pending, awaiting).",
        "zh": "本日志中没有看起来属于等待状态的活动（挂起、等待、待处理）。",
    },
    "process.clock_note.business": {
        "en": "Durations in business hours: weekdays 09:00–17:00{holidays}.",
        "zh": "时长按工作小时计：工作日 09:00–17:00{holidays}。",
    },
    "process.clock_note.holidays": {
        "en": ", less {country} public holidays",
        "zh": "，扣除 {country} 法定假日",
    },
    "process.clock_note.waiting": {
        "en": " Time in waiting states is left out.",
        "zh": "已扣除等待状态的时间。",
    },
    # The map.
    "process.map": {"en": "Process map", "zh": "流程图"},
    "process.map_caption": {
        "en": "{cases:,} tickets · {shown} of {activities} activities · {paths} of {all_paths} "
        "paths. Thicker paths are taken more often. Click an activity or a path to follow "
        "only the tickets that pass through it.",
        "zh": "{cases:,} 张工单 · 显示 {activities} 个活动中的 {shown} 个 · {all_paths} 条路径中的 "
        "{paths} 条。路径越粗，经过越多。点击活动或路径，只看经过它的工单。",
    },
    "process.activities_slider": {"en": "Activities shown (%)", "zh": "显示的活动（%）"},
    "process.paths_slider": {"en": "Paths shown (%)", "zh": "显示的路径（%）"},
    "process.colour": {"en": "Colour activities by", "zh": "活动着色依据"},
    "process.colour.frequency": {"en": "Tickets", "zh": "工单数"},
    "process.colour.time": {"en": "Median time", "zh": "停留时间"},
    "process.label": {"en": "Write on paths", "zh": "路径标注"},
    "process.label.cases": {"en": "Tickets", "zh": "工单数"},
    "process.label.events": {"en": "Times taken", "zh": "经过次数"},
    "process.label.median": {"en": "Median wait", "zh": "等待时间中位数"},
    "process.label.mean": {"en": "Mean wait", "zh": "平均等待时间"},
    "process.label.p90": {"en": "P90 wait", "zh": "P90 等待时间"},
    "process.label.total": {"en": "Total wait", "zh": "总等待时间"},
    "process.legend.frequency": {"en": "Tickets", "zh": "工单数"},
    "process.legend.time": {"en": "Median hours in it", "zh": "停留小时中位数"},
    "process.through.node": {
        "en": "Following the {cases:,} tickets that pass through {activity}.",
        "zh": "正在查看经过「{activity}」的 {cases:,} 张工单。",
    },
    "process.through.edge": {
        "en": "Following the {cases:,} tickets that go from {source} to {target}.",
        "zh": "正在查看从「{source}」到「{target}」的 {cases:,} 张工单。",
    },
    "process.through.clear": {"en": "Show all tickets", "zh": "显示全部工单"},
    "process.map_download": {"en": "Paths of the map", "zh": "流程图路径"},
    # Variants.
    "process.variants": {
        "en": "Variants: the paths tickets take",
        "zh": "流程变体：工单走过的路径",
    },
    "process.variants_caption": {
        "en": "{n:,} variants; the {top} most common cover {share:.0%} of the tickets.",
        "zh": "共 {n:,} 个变体；最常见的 {top} 个覆盖 {share:.0%} 的工单。",
    },
    "process.variant_times": {
        "en": "Median throughput of the top 10 (hours)",
        "zh": "前 10 个变体的通过时间中位数（小时）",
    },
    "process.variant_pareto": {"en": "Variant Pareto (top 20)", "zh": "变体帕累托图（前 20）"},
    "process.variant_label": {"en": "#{n}", "zh": "#{n}"},
    # Service-desk lenses.
    "process.lenses": {"en": "Rework, reopens and handovers", "zh": "返工、重开与转派"},
    "process.rework_caption": {
        "en": "{rework:,} of {cases:,} tickets ({share:.0%}) repeat an activity; {reopened:,} "
        "({reopened_share:.0%}) were reopened after being resolved.",
        "zh": "{cases:,} 张工单中有 {rework:,} 张（{share:.0%}）重复某个活动；{reopened:,} 张"
        "（{reopened_share:.0%}）在解决后被重开。",
    },
    "process.reopen_from_count": {
        "en": "Reopens are counted from the tickets' reopen count: their timestamps do not say when.",
        "zh": "重开次数取自工单的重开计数：时间戳无法说明何时重开。",
    },
    "process.loops": {"en": "Reopen loops", "zh": "重开循环"},
    "process.no_loops": {
        "en": "No ticket went on after being resolved or closed.",
        "zh": "没有工单在解决或关闭后继续流转。",
    },
    "process.repeats": {"en": "Repeated activities", "zh": "重复的活动"},
    "process.by": {"en": "Handovers between", "zh": "转派对象"},
    "process.by.team": {"en": "Teams", "zh": "团队"},
    "process.by.resource": {"en": "People", "zh": "人员"},
    "process.handover_caption": {
        "en": "{alone:.0%} of the done tickets were resolved without a handover; {pingpong:,} "
        "tickets went back and forth (A → B → A).",
        "zh": "已完成工单中 {alone:.0%} 无需转派即解决；{pingpong:,} 张工单来回转派（A → B → A）。",
    },
    "process.no_handover_data.events": {
        "en": "The events name no team or person at this level: an event log with an "
        "assignment group or assignee column shows handovers.",
        "zh": "事件中没有该层级的团队或人员：含处理组或处理人列的事件日志才能显示转派。",
    },
    "process.no_handover_data.tickets": {
        "en": "A ticket export holds only each ticket's last team and agent: upload an event "
        "log with the assignment history to see handovers and ping-pong.",
        "zh": "工单导出只含每张工单最后的团队和处理人：上传含转派历史的事件日志，"
        "才能看到转派与来回转派。",
    },
    "process.reassignments": {"en": "Reassignments per ticket", "zh": "每张工单的转派次数"},
    "process.matrix": {
        "en": "Handovers: from (rows) → to (columns), median wait",
        "zh": "转派：从（行）→ 到（列），等待时间中位数",
    },
    "process.ping_pong": {"en": "Ping-pong: work sent back", "zh": "来回转派"},
    "process.no_ping_pong": {
        "en": "No work went back and forth between the same two.",
        "zh": "没有在同两方之间来回转派的工作。",
    },
    # Bottlenecks.
    "process.bottlenecks": {"en": "Where work waits", "zh": "工作在哪里等待"},
    "process.bottleneck_caption": {
        "en": "Ranked by total waiting hours (times taken × mean wait). {source} → {target} "
        "holds {share:.0%} of all the waiting; {breach:.0%} of the SLA breaches passed "
        "through it.",
        "zh": "按总等待小时排序（经过次数 × 平均等待）。「{source}」→「{target}」占全部等待的 "
        "{share:.0%}；{breach:.0%} 的 SLA 违约工单经过这里。",
    },
    "process.bottleneck_before": {
        "en": " Before resolution, most waiting is on {source} → {target} ({share:.0%}).",
        "zh": "解决之前，等待最多的是「{source}」→「{target}」（{share:.0%}）。",
    },
    "process.team_waits_note": {
        "en": "Time in each status by the team holding the ticket, largest total first; time "
        "after a resolving or closing status is left out (the ticket no longer waits "
        "for a team).",
        "zh": "按当时负责的团队统计各状态停留时间，总量大者在前；解决或关闭之后的时间不计"
        "（工单已不再等待团队处理）。",
    },
    "process.bottleneck_paths": {"en": "Paths by total waiting hours", "zh": "各路径总等待小时"},
    "process.bottleneck_paths_table": {"en": "Paths", "zh": "路径"},
    "process.bottleneck_steps": {"en": "Statuses by total hours in them", "zh": "各状态停留总小时"},
    "process.stage_times": {
        "en": "Hours in each status: P10–P90, median",
        "zh": "各状态停留小时：P10–P90、中位数",
    },
    "process.team_waits": {"en": "Where each team's tickets wait", "zh": "各团队工单在哪里等待"},
    # Flow.
    "process.flow": {
        "en": "Flow: arrivals, completions and work in progress",
        "zh": "流量：到达、完成与在制工单",
    },
    "process.flow_chart": {"en": "Tickets per day", "zh": "每日工单"},
    "process.flow_series.arrivals": {"en": "Created", "zh": "新建"},
    "process.flow_series.completions": {"en": "Done", "zh": "完成"},
    "process.flow_series.wip": {"en": "Open at day end", "zh": "日末未结"},
    "process.little.holds": {
        "en": "Little's law holds: on average {wip:,.1f} tickets were open, and {rate:,.1f} "
        "created a day × {w:,.2f} days in the system = {predicted:,.1f}. Arrivals and "
        "completions balanced ({arrivals:,} created, {completions:,} done; open {start:,} → "
        "{end:,}). {open:,} of the period's tickets are still open.",
        "zh": "利特尔法则成立：平均在制 {wip:,.1f} 张工单，每天新建 {rate:,.1f} 张 × 平均在系统中 "
        "{w:,.2f} 天 = {predicted:,.1f}。到达与完成基本平衡（新建 {arrivals:,}，完成 "
        "{completions:,}；未结 {start:,} → {end:,}）。本期工单仍有 {open:,} 张未结。",
    },
    "process.little.differs": {
        "en": "Arrivals and completions balanced ({arrivals:,} created, {completions:,} done), "
        "but the {wip:,.1f} tickets open on average differ from {rate:,.1f} a day × "
        "{w:,.2f} days = {predicted:,.1f}: old tickets carried in (open {start:,} → "
        "{end:,}) or long ones still open weigh on it. {open:,} of the period's tickets "
        "are still open.",
        "zh": "到达与完成基本平衡（新建 {arrivals:,}，完成 {completions:,}），但平均在制 {wip:,.1f} "
        "张与每天 {rate:,.1f} 张 × {w:,.2f} 天 = {predicted:,.1f} 不符：带入的旧工单（未结 "
        "{start:,} → {end:,}）或仍未结的长工单影响了结果。本期工单仍有 {open:,} 张未结。",
    },
    "process.little.growing": {
        "en": "Not a steady state: {arrivals:,} tickets were created and {completions:,} done, "
        "so the backlog grew from {start:,} to {end:,}. Little's law ({wip:,.1f} open on "
        "average against {rate:,.1f} a day × {w:,.2f} days = {predicted:,.1f}) assumes a "
        "steady state, so read it with care. {open:,} of the period's tickets are still "
        "open.",
        "zh": "非稳态：新建 {arrivals:,} 张、完成 {completions:,} 张，积压从 {start:,} 增至 "
        "{end:,}。利特尔法则（平均在制 {wip:,.1f}，对比每天 {rate:,.1f} 张 × {w:,.2f} 天 = "
        "{predicted:,.1f}）以稳态为前提，请谨慎解读。本期工单仍有 {open:,} 张未结。",
    },
    "process.little.shrinking": {
        "en": "Not a steady state: {completions:,} tickets were done and {arrivals:,} created, "
        "so the backlog fell from {start:,} to {end:,}. Little's law ({wip:,.1f} open on "
        "average against {rate:,.1f} a day × {w:,.2f} days = {predicted:,.1f}) assumes a "
        "steady state, so read it with care. {open:,} of the period's tickets are still "
        "open.",
        "zh": "非稳态：完成 {completions:,} 张、新建 {arrivals:,} 张，积压从 {start:,} 降至 "
        "{end:,}。利特尔法则（平均在制 {wip:,.1f}，对比每天 {rate:,.1f} 张 × {w:,.2f} 天 = "
        "{predicted:,.1f}）以稳态为前提，请谨慎解读。本期工单仍有 {open:,} 张未结。",
    },
    "process.little.no_done": {
        "en": "No ticket created in the period is done yet, so the time in the system is not "
        "known: {arrivals:,} created, {wip:,.1f} open on average, {open:,} still open.",
        "zh": "本期创建的工单尚无完成，无法得知在系统中的时间：新建 {arrivals:,} 张，平均在制 "
        "{wip:,.1f} 张，{open:,} 张仍未结。",
    },
    "process.little.empty": {
        "en": "No tickets were open or created in the period.",
        "zh": "本期没有未结或新建的工单。",
    },
    # Compare.
    "process.compare": {"en": "Compare", "zh": "对比"},
    "process.compare.with": {"en": "Compare", "zh": "对比方式"},
    "process.compare.previous": {"en": "This period with the one before", "zh": "本期与上一期"},
    "process.compare.teams": {"en": "Two teams", "zh": "两个团队"},
    "process.compare.team_a": {"en": "Team A (before)", "zh": "团队 A（对照）"},
    "process.compare.team_b": {"en": "Team B (after)", "zh": "团队 B（比较）"},
    "process.compare.periods": {
        "en": "{before_start} to {before_end} (before) against {after_start} to {after_end}.",
        "zh": "{before_start} 至 {before_end}（对照）与 {after_start} 至 {after_end} 对比。",
    },
    "process.compare.caption": {
        "en": "Paths new: {appeared} · gone: {vanished} · in both: {changed}.",
        "zh": "新增路径：{appeared} · 消失：{vanished} · 两边都有：{changed}。",
    },
    "process.compare.no_teams": {
        "en": "The tickets name fewer than two teams.",
        "zh": "工单中的团队少于两个。",
    },
    "process.change.appeared": {"en": "new", "zh": "新增"},
    "process.change.vanished": {"en": "gone", "zh": "消失"},
    "process.change.both": {"en": "in both", "zh": "两边都有"},
    # Table headings.
    "process.col.source": {"en": "From", "zh": "从"},
    "process.col.target": {"en": "To", "zh": "到"},
    "process.col.cases": {"en": "Tickets", "zh": "工单数"},
    "process.col.events": {"en": "Times taken", "zh": "经过次数"},
    "process.col.median_hours": {"en": "Median hours", "zh": "中位小时"},
    "process.col.mean_hours": {"en": "Mean hours", "zh": "平均小时"},
    "process.col.q10_hours": {"en": "P10 (h)", "zh": "P10（小时）"},
    "process.col.q25_hours": {"en": "Lower quartile (h)", "zh": "下四分位（小时）"},
    "process.col.q75_hours": {"en": "Upper quartile (h)", "zh": "上四分位（小时）"},
    "process.col.p90_hours": {"en": "P90 hours", "zh": "P90 小时"},
    "process.col.total_hours": {"en": "Total hours", "zh": "总小时"},
    "process.col.breach_share": {"en": "Share of SLA breaches", "zh": "SLA 违约占比"},
    "process.col.activity": {"en": "Activity", "zh": "活动"},
    "process.col.variant": {"en": "Variant", "zh": "变体"},
    "process.col.activities": {"en": "Path", "zh": "路径"},
    "process.col.steps": {"en": "Steps", "zh": "步数"},
    "process.col.share": {"en": "Share", "zh": "占比"},
    "process.col.cumulative": {"en": "Cumulative", "zh": "累计"},
    "process.col.repeat_cases": {"en": "Tickets repeating it", "zh": "重复的工单数"},
    "process.col.repeat_share": {"en": "Share repeating", "zh": "重复占比"},
    "process.col.self_loops": {"en": "Self-loops", "zh": "自循环"},
    "process.col.from_activity": {"en": "After", "zh": "之前"},
    "process.col.to_activity": {"en": "Went on to", "zh": "之后"},
    "process.col.times": {"en": "Times", "zh": "次数"},
    "process.col.from_who": {"en": "From", "zh": "从"},
    "process.col.to_who": {"en": "To", "zh": "到"},
    "process.col.handovers": {"en": "Handovers", "zh": "转派次数"},
    "process.col.a": {"en": "Between", "zh": "在"},
    "process.col.b": {"en": "And", "zh": "与"},
    "process.col.bounces": {"en": "Sent back", "zh": "退回次数"},
    "process.col.team": {"en": "Team", "zh": "团队"},
    "process.col.change": {"en": "Change", "zh": "变化"},
    "process.col.cases_before": {"en": "Tickets before", "zh": "对照工单数"},
    "process.col.cases_after": {"en": "Tickets after", "zh": "比较工单数"},
    "process.col.share_change": {"en": "Share change (points)", "zh": "占比变化（百分点）"},
    "process.col.median_before": {"en": "Median hours before", "zh": "对照中位小时"},
    "process.col.median_after": {"en": "Median hours after", "zh": "比较中位小时"},
    "process.col.median_change": {"en": "Median change (h)", "zh": "中位数变化（小时）"},
    "process.axis.tickets": {"en": "Tickets", "zh": "工单数"},
    "process.axis.hours": {"en": "Hours", "zh": "小时"},
    "process.axis.reassignments": {"en": "Reassignments", "zh": "转派次数"},
    "process.axis.share": {"en": "Share of tickets", "zh": "工单占比"},
    "process.axis.cumulative": {"en": "Cumulative share", "zh": "累计占比"},
}

# Message keys of the steps a plain ticket export's timestamps become (the process map's
# derived activities) and of where a map's events came from: the Process page and the
# review pack word them alike.
DERIVED_STEPS = {
    "Created": "process.derived.created",
    "First response": "process.derived.first_response",
    "Resolved": "process.derived.resolved",
    "Closed": "process.derived.closed",
}
EVENT_SOURCES = {"events": "process.source.events", "tickets": "process.source.tickets"}
