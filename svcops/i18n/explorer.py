"""Strings of the SQL explorer (SQL 查询) and its schema panel: ``explorer.*``."""


def _both(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


STRINGS: dict[str, dict[str, str]] = {
    # -- page ----------------------------------------------------------------------------
    "explorer.title": _both("SQL explorer", "SQL 查询"),
    "explorer.nav": _both("SQL explorer", "SQL 查询"),
    "explorer.intro": _both(
        "Ask your own questions of the workspace in SQL (DuckDB). One SELECT runs on a "
        "read-only copy of the data: it cannot change the workspace, read files or reach the "
        "network. At most {rows:,} rows come back, and a query still running after "
        "{seconds:.0f} s is stopped. The sidebar's filters do not apply here: write them into "
        "the query.",
        "用 SQL（DuckDB）向工作区提出自己的问题。每次运行一条 SELECT 语句，作用于数据的只读副本："
        "它不能修改工作区，也不能读取文件或访问网络。最多返回 {rows:,} 行，运行超过 {seconds:.0f} "
        "秒的查询会被停止。侧边栏的筛选条件在此不起作用：请直接写进查询语句。",
    ),
    "explorer.example": _both("Start from an example", "从示例开始"),
    "explorer.example_none": _both("(your own query)", "（自己的查询）"),
    "explorer.query": _both("Query", "查询语句"),
    "explorer.run": _both("Run", "运行"),
    "explorer.link": _both(
        "The query is in this page's link: copy the address to share it or to run it again later.",
        "查询语句已写入本页链接：复制地址即可分享，或以后再次运行。",
    ),
    "explorer.rows": _both(
        "{rows:,} rows in {seconds:.2f} s.", "{rows:,} 行，用时 {seconds:.2f} 秒。"
    ),
    "explorer.truncated": _both(
        "Showing the first {rows:,} rows: the query returned more. Add a WHERE, a GROUP BY or "
        "a LIMIT to see what you need.",
        "仅显示前 {rows:,} 行：查询返回的行数更多。可加上 WHERE、GROUP BY 或 LIMIT 缩小结果。",
    ),
    "explorer.truncated_size": _both(
        "Showing the first {rows:,} rows: the rest would pass the {mb} MB a result may hold. "
        "Select fewer or shorter columns, or add a WHERE or a GROUP BY.",
        "仅显示前 {rows:,} 行：其余行会超出结果允许的 {mb} MB。请少选或缩短列，或加上 WHERE、"
        "GROUP BY 缩小结果。",
    ),
    "explorer.no_rows": _both("The query returned no rows.", "查询没有返回任何行。"),
    "explorer.chart": _both("Quick chart: {y} by {x}", "快速图表：按 {x} 的 {y}"),
    "explorer.no_chart": _both(
        "No quick chart: it needs a column of labels or dates followed by a column of numbers.",
        "无快速图表：结果需要先有一列标签或日期，再有一列数值。",
    ),
    "explorer.chart_rows": _both(
        "The chart draws the first {rows:,} rows.", "图表只绘制前 {rows:,} 行。"
    ),
    "explorer.download_xlsx": _both("Download Excel", "下载 Excel"),
    "explorer.schema": _both("Tables", "数据表"),
    "explorer.schema_intro": _both(
        "The workspace's tables as the data contract names them. Every row also carries "
        "_upload_id, the upload it came from.",
        "工作区中的数据表，名称与数据约定一致。每一行还带有 _upload_id，即其来源的上传批次。",
    ),
    "explorer.table_rows": _both("{table} · {rows:,} rows", "{table} · {rows:,} 行"),
    "explorer.required": _both("required", "必填"),
    "explorer.schema.column": _both("Column", "列"),
    "explorer.schema.type": _both("Type", "类型"),
    "explorer.schema.about": _both("Meaning", "含义"),
    # -- errors (svcops.explorer) -----------------------------------------------------------
    "explorer.error.empty": _both("Write a SELECT query first.", "请先写一条 SELECT 查询。"),
    "explorer.error.syntax": _both(
        "The query does not parse: {detail}", "查询语句无法解析：{detail}"
    ),
    "explorer.error.too_long": _both(
        "The query is {chars:,} characters long; at most {limit:,} run here.",
        "查询语句长 {chars:,} 个字符；此处最多运行 {limit:,} 个字符。",
    ),
    "explorer.error.several": _both(
        "Only one statement runs at a time, and this text has {count}.",
        "每次只能运行一条语句，而这段文字包含 {count} 条。",
    ),
    "explorer.error.not_select": _both(
        "Only SELECT queries run here; this is a {kind} statement.",
        "这里只能运行 SELECT 查询；这是一条 {kind} 语句。",
    ),
    "explorer.error.parameters": _both(
        "The query has parameters ({names}); write the values into it instead.",
        "查询中含有参数（{names}）；请直接写入取值。",
    ),
    "explorer.error.external": _both(
        "Files, the network and extensions are out of reach here: query the workspace's tables.",
        "此处不能访问文件、网络或扩展：请查询工作区中的数据表。",
    ),
    "explorer.error.timeout": _both(
        "Stopped after {seconds:.0f} s: the query took too long. Narrow it (WHERE, GROUP BY) or "
        "check its joins.",
        "查询运行超过 {seconds:.0f} 秒，已被停止。请缩小范围（WHERE、GROUP BY）或检查连接条件。",
    ),
    "explorer.error.memory": _both(
        "Stopped: the query needed more than {limit} of memory. Narrow it or check its joins.",
        "查询所需内存超过 {limit}，已被停止。请缩小范围或检查连接条件。",
    ),
    "explorer.error.too_large": _both(
        "Stopped: a single row of the result is larger than the {mb} MB a result may hold. "
        "Select fewer or shorter columns.",
        "已停止：结果中单独一行就超过了结果允许的 {mb} MB。请少选或缩短列。",
    ),
    "explorer.error.query": _both("The query failed: {detail}", "查询失败：{detail}"),
    "explorer.error.snapshot": _both(
        "The workspace could not be copied for querying: {detail}",
        "无法复制工作区以供查询：{detail}",
    ),
    # -- example library (svcops.explorer.EXAMPLES) -------------------------------------
    "explorer.example.kpis": _both(
        "Ticket KPIs over the whole period (the Overview's SQL)",
        "整个期间的工单 KPI（服务总览所用的 SQL）",
    ),
    "explorer.example.kpis_by_team": _both("Ticket KPIs by team", "按团队的工单 KPI"),
    "explorer.example.monthly_volume": _both("Tickets created per month", "每月新建工单数"),
    "explorer.example.monthly_sla": _both(
        "SLA attainment per month (by month done)", "每月 SLA 达成率（按完成月份）"
    ),
    "explorer.example.breaches_by_category": _both(
        "SLA breaches by category", "按类别的 SLA 违约数"
    ),
    # -- tables (svcops.schema.TABLES) ---------------------------------------------------
    "explorer.table.tickets": _both(
        "One row per service request or incident.", "每个服务请求或事件一行。"
    ),
    "explorer.table.events": _both(
        "Process event log: one row per step a case went through.",
        "流程事件日志：案例经过的每一步一行。",
    ),
    "explorer.table.intervals": _both(
        "Contact-centre statistics per interval (e.g. every 30 minutes).",
        "呼叫中心按时段（如每 30 分钟）的统计。",
    ),
    "explorer.table.calls": _both(
        "Contact-centre call log: one row per call (intervals are counted from it).",
        "呼叫中心通话记录：每通电话一行（时段统计由此得出）。",
    ),
    "explorer.table.roster": _both(
        "Staffing roster: one row per agent shift or day.", "排班表：每个坐席每个班次或每天一行。"
    ),
    "explorer.table.costs": _both(
        "Cost report: spend per period and cost line.", "费用报表：每个期间、每个费用项的支出。"
    ),
    "explorer.table.budget": _both(
        "Budgets, when they come in a separate sheet.", "预算（以单独工作表提供时）。"
    ),
    "explorer.table.availability": _both(
        "Service availability: planned and down minutes per service and day.",
        "服务可用性：每项服务每天的计划分钟数与停机分钟数。",
    ),
    "explorer.table.risks": _both("Risk register: one row per risk.", "风险登记册：每项风险一行。"),
    "explorer.table.initiatives": _both(
        "Improvement portfolio: one row per initiative.", "改进项目组合：每个举措一行。"
    ),
    "explorer.table.surveys": _both(
        "Customer survey responses (CSAT, NPS, SERVQUAL).", "客户调查答卷（CSAT、NPS、SERVQUAL）。"
    ),
    "explorer.table.targets": _both(
        "KPI targets, edited on the Performance page.", "KPI 目标，在绩效评估页编辑。"
    ),
    "explorer.table.kri_thresholds": _both(
        "Thresholds of the key risk indicators, edited on the Risk page.",
        "关键风险指标的阈值，在风险管理页编辑。",
    ),
    "explorer.table.risk_history": _both(
        "Risk score history: a risk's ratings each time they changed.",
        "风险评分历史：风险每次评级变化时的记录。",
    ),
    # -- columns (every canonical column, by name) ------------------------------------
    "explorer.col._upload_id": _both(
        "The upload the row came from (the uploads table).", "该行来源的上传批次（uploads 表）。"
    ),
    "explorer.col._seq": _both(
        "The row's position within its upload (keeps the file's order).",
        "该行在其上传批次中的位置（保留文件中的顺序）。",
    ),
    "explorer.col.ticket_id": _both("The ticket's id.", "工单编号。"),
    "explorer.col.created_at": _both("When the ticket was created.", "工单创建时间。"),
    "explorer.col.first_response_at": _both(
        "First response to the customer.", "首次响应客户的时间。"
    ),
    "explorer.col.resolved_at": _both(
        "When it was resolved; empty while still open.", "解决时间；未解决时为空。"
    ),
    "explorer.col.closed_at": _both("When it was closed.", "关闭时间。"),
    "explorer.col.status": _both(
        "Status: a ticket's normalised state (new, open, pending, resolved, closed), or a "
        "risk's status as written.",
        "状态：工单的标准化状态（new、open、pending、resolved、closed），或风险登记中的原始状态。",
    ),
    "explorer.col.channel": _both(
        "Contact channel (phone, email, chat, portal, ...).",
        "联络渠道（电话、邮件、在线聊天、门户等）。",
    ),
    "explorer.col.category": _both("Category.", "类别。"),
    "explorer.col.subcategory": _both("Subcategory.", "子类别。"),
    "explorer.col.priority": _both("Priority, normalised to P1-P4.", "优先级，标准化为 P1-P4。"),
    "explorer.col.team": _both("Team.", "团队。"),
    "explorer.col.agent": _both("Agent who handled it.", "处理人。"),
    "explorer.col.customer_segment": _both("Customer segment.", "客户细分。"),
    "explorer.col.region": _both("Region.", "区域。"),
    "explorer.col.sla_hours": _both(
        "Resolution target in hours; when empty, the priority's SLA policy applies.",
        "解决时限（小时）；为空时按优先级的 SLA 策略。",
    ),
    "explorer.col.sla_met": _both(
        "The source's own verdict: the SLA was met (true/false). It wins over sla_hours "
        "and the policy.",
        "来源系统自己的判定：是否达成 SLA（true/false），优先于 sla_hours 与策略。",
    ),
    "explorer.col.sla_breached": _both(
        "The source's own verdict, the other way round: the SLA was missed (true/false).",
        "来源系统自己的判定（反向）：是否超出 SLA（true/false）。",
    ),
    "explorer.col.first_contact_resolved": _both(
        "Resolved at the first contact (true/false).", "是否首次联络即解决（true/false）。"
    ),
    "explorer.col.reopen_count": _both("Times the ticket was reopened.", "工单被重新打开的次数。"),
    "explorer.col.csat": _both("Customer satisfaction, 1-5.", "客户满意度，1-5 分。"),
    "explorer.col.handle_minutes": _both("Agent effort in minutes.", "坐席处理工作量（分钟）。"),
    "explorer.col.cost": _both("The ticket's cost (currency).", "工单成本（货币）。"),
    "explorer.col.priority_raw": _both(
        "Priority as the export wrote it.", "导出文件中的原始优先级。"
    ),
    "explorer.col.csat_raw": _both("CSAT as the export wrote it.", "导出文件中的原始满意度。"),
    "explorer.col.case_id": _both(
        "The case (ticket) the event belongs to.", "事件所属的案例（工单）。"
    ),
    "explorer.col.activity": _both("The step or status reached.", "到达的步骤或状态。"),
    "explorer.col.timestamp": _both("When the event happened.", "事件发生时间。"),
    "explorer.col.resource": _both("Who did it.", "执行人。"),
    "explorer.col.interval_start": _both("Start of the interval.", "时段开始时间。"),
    "explorer.col.offered": _both("Contacts offered.", "呼入（提供）的联络量。"),
    "explorer.col.answered": _both("Contacts answered.", "已接听的联络量。"),
    "explorer.col.abandoned": _both("Contacts abandoned.", "放弃的联络量。"),
    "explorer.col.aht_seconds": _both("Average handle time, seconds.", "平均处理时长（秒）。"),
    "explorer.col.asa_seconds": _both("Average speed of answer, seconds.", "平均应答速度（秒）。"),
    "explorer.col.service_level": _both(
        "Share answered within the target time, 0-1.", "目标时间内接听的比例，0-1。"
    ),
    "explorer.col.call_id": _both("The call's id.", "呼叫编号。"),
    "explorer.col.arrived_at": _both("When the call arrived.", "来电时间。"),
    "explorer.col.queued_at": _both("When it joined the queue.", "进入队列的时间。"),
    "explorer.col.answered_at": _both(
        "When an agent answered; empty when abandoned.", "坐席接听时间；放弃时为空。"
    ),
    "explorer.col.ended_at": _both("When the call ended.", "通话结束时间。"),
    "explorer.col.queue_seconds": _both("Seconds in the queue.", "排队时长（秒）。"),
    "explorer.col.service_seconds": _both("Seconds of service (talk).", "服务（通话）时长（秒）。"),
    "explorer.col.outcome": _both("How the call ended, as written.", "导出文件中的通话结果。"),
    "explorer.col.queue": _both("Queue or call type.", "队列或业务类型。"),
    "explorer.col.counted_as": _both(
        "How the call counts in its interval (answered, abandoned, ...).",
        "该通电话在其时段中的计数方式（接听、放弃等）。",
    ),
    "explorer.col.wait_seconds": _both("Seconds the caller waited.", "来电者等待时长（秒）。"),
    "explorer.col.handle_seconds": _both("Handle time, seconds.", "处理时长（秒）。"),
    "explorer.col.date": _both("The day.", "日期。"),
    "explorer.col.shift_start": _both("Shift start.", "班次开始时间。"),
    "explorer.col.shift_end": _both("Shift end.", "班次结束时间。"),
    "explorer.col.scheduled_hours": _both("Hours scheduled.", "排班工时。"),
    "explorer.col.worked_hours": _both("Hours worked.", "实际工时。"),
    "explorer.col.hourly_cost": _both("Cost per hour (currency).", "每小时成本（货币）。"),
    "explorer.col.period": _both("The month (its first day).", "月份（该月第一天）。"),
    "explorer.col.amount": _both("Amount spent (currency).", "支出金额（货币）。"),
    "explorer.col.cost_center": _both("Cost centre.", "成本中心。"),
    "explorer.col.service": _both("Service.", "服务。"),
    "explorer.col.budget": _both("Budget (currency).", "预算（货币）。"),
    "explorer.col.currency": _both("Currency as written.", "导出文件中的货币。"),
    "explorer.col.planned_minutes": _both(
        "Minutes the service should be up (1,440 a day when empty).",
        "服务计划可用的分钟数（为空时按每天 1,440 分钟）。",
    ),
    "explorer.col.downtime_minutes": _both("Minutes the service was down.", "服务停机分钟数。"),
    "explorer.col.risk_id": _both("The risk's id.", "风险编号。"),
    "explorer.col.title": _both("The risk's title.", "风险名称。"),
    "explorer.col.likelihood": _both("Inherent likelihood, 1-5.", "固有可能性，1-5。"),
    "explorer.col.impact": _both("Inherent impact, 1-5.", "固有影响，1-5。"),
    "explorer.col.owner": _both("Owner.", "负责人。"),
    "explorer.col.residual_likelihood": _both(
        "Likelihood after mitigation, 1-5.", "应对后的可能性，1-5。"
    ),
    "explorer.col.residual_impact": _both("Impact after mitigation, 1-5.", "应对后的影响，1-5。"),
    "explorer.col.mitigation": _both("The mitigation.", "应对措施。"),
    "explorer.col.due_date": _both("When the mitigation is due.", "应对措施的到期日。"),
    "explorer.col.last_review": _both("Last review of the risk.", "风险上次评审日期。"),
    "explorer.col.raised_on": _both("When the risk was raised.", "风险提出日期。"),
    "explorer.col.target_likelihood": _both("Likelihood aimed for, 1-5.", "目标可能性，1-5。"),
    "explorer.col.target_impact": _both("Impact aimed for, 1-5.", "目标影响，1-5。"),
    "explorer.col.review_cycle_days": _both("Days between reviews.", "评审周期（天）。"),
    "explorer.col.indicators": _both(
        "Key risk indicators that bear on the risk.", "与该风险相关的关键风险指标。"
    ),
    "explorer.col.initiative_id": _both("The initiative's id.", "举措编号。"),
    "explorer.col.name": _both("The initiative's name.", "举措名称。"),
    "explorer.col.stage": _both(
        "Stage: idea, assessment, pilot, rollout, scaled or stopped.",
        "阶段：构想、评估、试点、推广、规模化或已停止。",
    ),
    "explorer.col.start_date": _both("Start date.", "开始日期。"),
    "explorer.col.investment": _both("One-off investment (currency).", "一次性投资（货币）。"),
    "explorer.col.expected_annual_benefit": _both(
        "Expected benefit per year (currency).", "预期年收益（货币）。"
    ),
    "explorer.col.realised_benefit": _both(
        "Benefit the owner reports as realised, per year (currency).",
        "负责人报告的已实现年收益（货币）。",
    ),
    "explorer.col.adoption_rate": _both("Adoption, 0-1.", "采用率，0-1。"),
    "explorer.col.running_cost": _both(
        "Running cost per year once live (currency).", "上线后的年运行成本（货币）。"
    ),
    "explorer.col.go_live_date": _both("Go-live date.", "上线日期。"),
    "explorer.col.linked_kpi": _both("The KPI the initiative should move.", "该举措应改善的 KPI。"),
    "explorer.col.segment_by": _both(
        "Dimension of the tickets it acts on (team, channel, ...).",
        "其作用的工单维度（团队、渠道等）。",
    ),
    "explorer.col.segment": _both("Value of that dimension.", "该维度的取值。"),
    "explorer.col.benefit_per_unit": _both(
        "Money per unit of improvement of the linked KPI, per ticket.",
        "关联 KPI 每改善一个单位、每张工单带来的金额。",
    ),
    "explorer.col.target_adoption": _both("Adoption aimed for, 0-1.", "目标采用率，0-1。"),
    "explorer.col.adoption_channel": _both(
        "The channel whose share measures adoption.", "以其占比衡量采用率的渠道。"
    ),
    "explorer.col.assessment_date": _both("Entered assessment.", "进入评估阶段的日期。"),
    "explorer.col.pilot_date": _both("Entered pilot.", "进入试点阶段的日期。"),
    "explorer.col.rollout_date": _both("Entered rollout.", "进入推广阶段的日期。"),
    "explorer.col.scaled_date": _both("Reached scale.", "达到规模化的日期。"),
    "explorer.col.stopped_date": _both("Stopped.", "停止的日期。"),
    "explorer.col.response_id": _both("The survey response's id.", "问卷答卷编号。"),
    "explorer.col.nps": _both("Likelihood to recommend, 0-10.", "推荐意愿，0-10 分。"),
    "explorer.col.tangibles_expectation": _both(
        "SERVQUAL tangibles: expectation.", "SERVQUAL 有形性：期望。"
    ),
    "explorer.col.tangibles_perception": _both(
        "SERVQUAL tangibles: perception.", "SERVQUAL 有形性：感知。"
    ),
    "explorer.col.reliability_expectation": _both(
        "SERVQUAL reliability: expectation.", "SERVQUAL 可靠性：期望。"
    ),
    "explorer.col.reliability_perception": _both(
        "SERVQUAL reliability: perception.", "SERVQUAL 可靠性：感知。"
    ),
    "explorer.col.responsiveness_expectation": _both(
        "SERVQUAL responsiveness: expectation.", "SERVQUAL 响应性：期望。"
    ),
    "explorer.col.responsiveness_perception": _both(
        "SERVQUAL responsiveness: perception.", "SERVQUAL 响应性：感知。"
    ),
    "explorer.col.assurance_expectation": _both(
        "SERVQUAL assurance: expectation.", "SERVQUAL 保证性：期望。"
    ),
    "explorer.col.assurance_perception": _both(
        "SERVQUAL assurance: perception.", "SERVQUAL 保证性：感知。"
    ),
    "explorer.col.empathy_expectation": _both(
        "SERVQUAL empathy: expectation.", "SERVQUAL 移情性：期望。"
    ),
    "explorer.col.empathy_perception": _both(
        "SERVQUAL empathy: perception.", "SERVQUAL 移情性：感知。"
    ),
    "explorer.col.kpi": _both("KPI key (e.g. sla_attainment).", "KPI 键名（如 sla_attainment）。"),
    "explorer.col.target": _both("Target value (rates 0-1).", "目标值（比率为 0-1）。"),
    "explorer.col.direction": _both(
        "Which way is better: higher or lower.", "方向：越高越好（higher）或越低越好（lower）。"
    ),
    "explorer.col.amber_margin": _both(
        "How far from the target still reads amber.", "偏离目标多少以内仍为黄灯。"
    ),
    "explorer.col.indicator": _both("Key risk indicator.", "关键风险指标。"),
    "explorer.col.amber": _both("Amber from this value.", "达到该值即为黄灯。"),
    "explorer.col.red": _both("Red from this value.", "达到该值即为红灯。"),
    "explorer.col.periods": _both("Periods looked back on.", "回看的周期数。"),
    "explorer.col.changed_on": _both("When the ratings changed.", "评级变更日期。"),
    "explorer.col.changed_by": _both("Who changed them.", "变更人。"),
    "explorer.col.note": _both("Note.", "备注。"),
}
