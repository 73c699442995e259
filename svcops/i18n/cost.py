"""The Cost control page (服务成本控制)."""

STRINGS: dict[str, dict[str, str]] = {
    "cost.title": {"en": "Cost control", "zh": "服务成本控制"},
    "cost.nav": {"en": "Cost control", "zh": "成本控制"},
    # What the page needs and what each upload adds.
    "cost.needs.costs": {
        "en": "No cost report yet. Upload one (a sheet with period and amount, and cost centre, "
        "category, service or budget where you have them: a GL extract with one row per "
        "posting, a cost centre × month matrix, or a 费用 report) to see where the money goes, "
        "budget against actual and the year-end outlook.",
        "zh": "尚无成本报表。上传一份（含期间和金额的工作表，如有成本中心、类别、服务或预算列更好："
        "每笔记账一行的总账明细、成本中心 × 月份矩阵或费用报表），即可查看费用去向、预算与实际对比"
        "和年末展望。",
    },
    "cost.needs.budget": {
        "en": "No budget yet: a budget column in the cost report, or a `budget` sheet (period, "
        "budget, cost centre, category), would add budget against actual, the bridge and the "
        "year-end over- or under-spend.",
        "zh": "尚无预算：在成本报表中加入预算列，或上传 `budget` 工作表（期间、预算、成本中心、类别），"
        "即可看到预算与实际对比、预算到实际的桥图以及年末超支或结余。",
    },
    "cost.needs.tickets": {
        "en": "No tickets: a ticket export would add cost per ticket and per resolved ticket, "
        "and cost against CSAT and SLA attainment.",
        "zh": "尚无工单：上传工单导出即可看到单张工单成本、单张已解决工单成本，以及成本与满意度、"
        "SLA 达成率的对照。",
    },
    "cost.needs.roster": {
        "en": "No roster with hourly cost: a roster (date, team, agent, scheduled or worked "
        "hours, hourly cost) would add roster labour cost against the cost report, why labour "
        "cost moved (hours and rate) and the priced what-if.",
        "zh": "尚无含时薪的排班表：上传排班表（日期、团队、员工、排班或实际工时、时薪）即可看到排班"
        "人工成本与成本报表的核对、人工成本变动原因（工时与费率）以及定价的假设分析。",
    },
    "cost.needs.labour": {
        "en": "The cost report has no labour lines (a category such as Staff, Salaries, Wages, "
        "Payroll, 人工 or 工资), so roster labour cannot be checked against it.",
        "zh": "成本报表中没有人工类科目（如 Staff、Salaries、Wages、Payroll、人工或工资），"
        "因此无法与排班人工成本核对。",
    },
    "cost.months": {
        "en": "Cost figures count whole calendar months: {first:%Y-%m} to {last:%Y-%m}, "
        "compared with {pfirst:%Y-%m} to {plast:%Y-%m} and the same months a year earlier.",
        "zh": "成本数据按整月计算：{first:%Y-%m} 至 {last:%Y-%m}，对比 {pfirst:%Y-%m} 至 "
        "{plast:%Y-%m} 以及上年同期。",
    },
    "cost.mixed_currencies": {
        "en": "The cost report's lines are in {n} currencies ({codes}): every figure here "
        "adds their amounts as they are, nothing is converted. Convert the report to one "
        "currency before upload.",
        "zh": "成本报表的科目行涉及 {n} 种币种（{codes}）：本页各项数字按原金额直接相加，不做任何换算。"
        "请先将报表换算为同一币种再上传。",
    },
    "cost.currency_note": {
        "en": "Amounts in {currency}, as set below; never converted.",
        "zh": "金额单位：{currency}（在下方设置），不做任何换算。",
    },
    "cost.currency_unset": {
        "en": "Amounts in the cost report's own currency (name it in the settings); never "
        "converted.",
        "zh": "金额为成本报表自身的币种（可在设置中注明），不做任何换算。",
    },
    "cost.note.not_split": {
        "en": "The cost report is not split by team, channel, category or priority: breakdown, "
        "budget, unit costs and outlook show the whole report whatever those filters say. "
        "Roster figures follow the team filter; tickets follow every filter.",
        "zh": "成本报表没有按团队、渠道、类别或优先级拆分：费用构成、预算、单位成本和展望显示整份报表，"
        "不受这些筛选影响。排班数据按团队筛选，工单数据按全部筛选。",
    },
    "cost.no_months": {
        "en": "The cost report covers {first:%Y-%m} to {last:%Y-%m}; the period has no month in "
        "it. Pick a period in those months.",
        "zh": "成本报表覆盖 {first:%Y-%m} 至 {last:%Y-%m}，所选期间不在其中，请在此范围内选择期间。",
    },
    # Import.
    "cost.import.unpivoted": {
        "en": "Read as a month matrix: {months} month columns ({first:%Y-%m} to {last:%Y-%m}) "
        "became one row per filled cell, with period and {column}.",
        "zh": "按月份矩阵读取：{months} 个月份列（{first:%Y-%m} 至 {last:%Y-%m}）已转为每个非空单元格"
        "一行，含期间和 {column}。",
    },
    # Settings.
    "cost.settings": {"en": "Cost settings", "zh": "成本设置"},
    "cost.currency": {"en": "Currency of the amounts", "zh": "金额币种"},
    "cost.currency_help": {
        "en": "A label only (e.g. USD, EUR, CNY): amounts are shown as the report has them.",
        "zh": "仅作标注（如 USD、EUR、CNY）：金额按报表原值显示。",
    },
    "cost.fy_start": {"en": "Fiscal year starts in", "zh": "财年起始月"},
    "cost.hours": {"en": "Roster hours", "zh": "排班工时口径"},
    "cost.hours.worked": {"en": "Worked hours", "zh": "实际工时"},
    "cost.hours.scheduled": {"en": "Scheduled hours", "zh": "排班工时"},
    "cost.compare": {"en": "Compare labour cost with", "zh": "人工成本对比期"},
    "cost.compare.previous": {"en": "The months just before", "zh": "上一期"},
    "cost.compare.year_ago": {"en": "The same months a year ago", "zh": "上年同期"},
    "cost.month.1": {"en": "January", "zh": "一月"},
    "cost.month.2": {"en": "February", "zh": "二月"},
    "cost.month.3": {"en": "March", "zh": "三月"},
    "cost.month.4": {"en": "April", "zh": "四月"},
    "cost.month.5": {"en": "May", "zh": "五月"},
    "cost.month.6": {"en": "June", "zh": "六月"},
    "cost.month.7": {"en": "July", "zh": "七月"},
    "cost.month.8": {"en": "August", "zh": "八月"},
    "cost.month.9": {"en": "September", "zh": "九月"},
    "cost.month.10": {"en": "October", "zh": "十月"},
    "cost.month.11": {"en": "November", "zh": "十一月"},
    "cost.month.12": {"en": "December", "zh": "十二月"},
    # Breakdown.
    "cost.breakdown": {"en": "Where the money goes", "zh": "费用去向"},
    "cost.by": {"en": "Break down by", "zh": "拆分维度"},
    "cost.by.cost_center": {"en": "Cost centre", "zh": "成本中心"},
    "cost.by.category": {"en": "Category", "zh": "类别"},
    "cost.by.service": {"en": "Service", "zh": "服务"},
    "cost.drill": {"en": "Categories of cost centre", "zh": "查看成本中心的类别"},
    "cost.breakdown_chart": {"en": "Spend by {by}", "zh": "按{by}的支出"},
    "cost.no_service": {
        "en": "The cost report names no service; a service column would split spend by service.",
        "zh": "成本报表未注明服务；加入服务列即可按服务拆分支出。",
    },
    # Budget.
    "cost.budget": {"en": "Budget against actual", "zh": "预算与实际"},
    "cost.metric.actual": {"en": "Actual", "zh": "实际"},
    "cost.metric.budget": {"en": "Budget", "zh": "预算"},
    "cost.metric.variance": {"en": "Over / under budget", "zh": "超支/结余"},
    "cost.metric.ytd_variance": {
        "en": "Year to date, over / under",
        "zh": "财年累计超支/结余",
    },
    "cost.variance_chart": {
        "en": "Over (+) or under (−) budget by cost centre",
        "zh": "各成本中心超支（+）或结余（−）",
    },
    "cost.variance_axis": {"en": "Actual − budget", "zh": "实际 − 预算"},
    "cost.largest_over": {
        "en": "Largest overspend: {name}, {variance:,.0f} over budget ({pct}).",
        "zh": "超支最多：{name}，超出预算 {variance:,.0f}（{pct}）。",
    },
    "cost.no_overspend": {
        "en": "No line is over budget in these months.",
        "zh": "这几个月没有超出预算的科目。",
    },
    "cost.bridge": {"en": "From budget to actual, by category", "zh": "从预算到实际（按类别）"},
    "cost.bridge.budget": {"en": "Budget", "zh": "预算"},
    "cost.bridge.actual": {"en": "Actual", "zh": "实际"},
    "cost.bridge.others": {"en": "Others", "zh": "其他"},
    "cost.bridge.base": {"en": "Before", "zh": "对比期"},
    "cost.bridge.current": {"en": "Now", "zh": "本期"},
    "cost.bridge.volume": {"en": "Volume", "zh": "数量"},
    "cost.bridge.mix": {"en": "Mix", "zh": "结构"},
    "cost.bridge.rate": {"en": "Rate", "zh": "费率"},
    "cost.bridge_axis": {"en": "Amount", "zh": "金额"},
    "cost.bridge_step": {"en": "Step", "zh": "步骤"},
    "cost.lines": {
        "en": "Budget lines (cost centre × category)",
        "zh": "预算科目（成本中心 × 类别）",
    },
    "cost.monthly": {"en": "Month by month, fiscal year {fy}", "zh": "逐月，{fy} 财年"},
    "cost.monthly_chart": {"en": "Actual and budget by month", "zh": "每月实际与预算"},
    "cost.fy_label": {"en": "{first:%Y-%m} to {last:%Y-%m}", "zh": "{first:%Y-%m} 至 {last:%Y-%m}"},
    "cost.status.favourable": {"en": "Under budget", "zh": "结余"},
    "cost.status.unfavourable": {"en": "Over budget", "zh": "超支"},
    "cost.status.on_budget": {"en": "On budget", "zh": "持平"},
    "cost.status.unbudgeted": {"en": "No budget", "zh": "无预算"},
    # Unit costs.
    "cost.units": {"en": "Unit costs", "zh": "单位成本"},
    "cost.units_chart": {
        "en": "Cost per ticket, the 12 months to {last:%Y-%m}",
        "zh": "单张工单成本（截至 {last:%Y-%m} 的 12 个月）",
    },
    "cost.units_axis": {"en": "Cost per ticket", "zh": "单张工单成本"},
    "cost.units_note": {
        "en": "MetricNet/HDI definition: the month's operating expense (every cost line) ÷ the "
        "month's tickets (created) or resolved tickets.",
        "zh": "采用 MetricNet/HDI 定义：当月运营费用（全部成本科目）÷ 当月工单数（创建）或已解决工单数。",
    },
    "cost.units_split": {
        "en": "Cost per ticket is not shown with team, channel, category or priority filters: "
        "the cost report is not split by them.",
        "zh": "设置了团队、渠道、类别或优先级筛选时不显示单张工单成本：成本报表未按这些维度拆分。",
    },
    "cost.labour": {
        "en": "Roster labour against the cost report",
        "zh": "排班人工成本与成本报表核对",
    },
    "cost.labour_note": {
        "en": "Roster labour = {hours} × hourly cost; report labour = the cost lines whose "
        "category is labour ({categories}).",
        "zh": "排班人工 = {hours} × 时薪；报表人工 = 类别属于人工的成本科目（{categories}）。",
    },
    # Outlook.
    "cost.outlook": {"en": "Year-end outlook", "zh": "年末展望"},
    "cost.outlook.no_data": {
        "en": "The cost report has no month in this fiscal year yet.",
        "zh": "成本报表中尚无本财年的月份。",
    },
    "cost.outlook.no_last_year": {
        "en": "No seasonal forecast: the cost report does not cover the whole of last fiscal year.",
        "zh": "无季节性预测：成本报表未覆盖上一财年全年。",
    },
    "cost.outlook.caption": {
        "en": "Fiscal year {fy}, {n} of 12 months reported (to {as_of:%Y-%m}). Straight line: the "
        "average month so far continues. Seasonal: last year's remaining months scaled by this "
        "year's ratio to last year, with a 95% band.",
        "zh": "{fy} 财年，已报告 12 个月中的 {n} 个月（至 {as_of:%Y-%m}）。直线法：按迄今月均支出延续。"
        "季节法：上年剩余月份乘以今年与上年同期之比，附 95% 区间。",
    },
    "cost.outlook.unreported": {
        "en": "The cost report starts in {first:%Y-%m}, after the fiscal year's start: the "
        "months before it ({n}) are not in the report and are projected at the run rate, "
        "like the months left.",
        "zh": "成本报表从 {first:%Y-%m} 开始，晚于财年起始：此前的 {n} 个月不在报表中，"
        "与剩余月份一样按当前月均支出推算。",
    },
    "cost.outlook.budget_months": {
        "en": "The budget covers only {n} of the fiscal year's 12 months: the year-end "
        "over- or under-spend and the date the budget runs out compare a whole year's "
        "spend with that part-year budget.",
        "zh": "预算仅覆盖本财年 12 个月中的 {n} 个月：年末超支或结余以及预算耗尽日是用全年支出与"
        "这部分预算比较得出的。",
    },
    "cost.bridge_axis_note": {
        "en": "The bridge's axis does not start at zero, so the steps can be read.",
        "zh": "桥图的纵轴不从零开始，以便看清各步骤。",
    },
    "cost.metric.ytd": {"en": "Spent so far this fiscal year", "zh": "本财年已支出"},
    "cost.metric.run_rate": {"en": "Run rate per month", "zh": "月均支出"},
    "cost.metric.year_end": {"en": "Year end, straight line", "zh": "年末（直线法）"},
    "cost.metric.year_end_seasonal": {"en": "Year end, seasonal", "zh": "年末（季节法）"},
    "cost.metric.fy_budget": {"en": "Fiscal year budget", "zh": "财年预算"},
    "cost.metric.projected": {
        "en": "Projected over (+) / under (−)",
        "zh": "预计超支（+）/ 结余（−）",
    },
    "cost.metric.exhausted": {"en": "Budget runs out", "zh": "预算耗尽日"},
    "cost.exhausted.never": {"en": "Lasts the year", "zh": "可支撑全年"},
    "cost.exhausted.none": {"en": "No budget", "zh": "无预算"},
    "cost.exhausted.already": {
        "en": "The fiscal year's budget ran out on {day:%Y-%m-%d}.",
        "zh": "本财年预算已于 {day:%Y-%m-%d} 耗尽。",
    },
    "cost.exhausted.will": {
        "en": "At the rate so far the fiscal year's budget runs out on {day:%Y-%m-%d}, before the "
        "year ends on {end:%Y-%m-%d}.",
        "zh": "按迄今的支出速度，本财年预算将于 {day:%Y-%m-%d} 耗尽，早于财年结束日 {end:%Y-%m-%d}。",
    },
    "cost.band": {"en": "{low:,.0f} to {high:,.0f}", "zh": "{low:,.0f} 至 {high:,.0f}"},
    "cost.outlook_chart": {"en": "Cumulative spend to year end", "zh": "至年末的累计支出"},
    "cost.series.actual": {"en": "Actual", "zh": "实际"},
    "cost.series.budget": {"en": "Budget", "zh": "预算"},
    "cost.series.straight_line": {"en": "Straight line", "zh": "直线法"},
    "cost.series.seasonal": {"en": "Seasonal", "zh": "季节法"},
    "cost.series.cost_per_ticket": {"en": "Per ticket", "zh": "每张工单"},
    "cost.series.cost_per_resolved": {"en": "Per resolved ticket", "zh": "每张已解决工单"},
    "cost.series.band": {"en": "Seasonal 95% band", "zh": "季节法 95% 区间"},
    "cost.axis.month": {"en": "Month", "zh": "月份"},
    "cost.axis.amount": {"en": "Amount", "zh": "金额"},
    "cost.axis.series": {"en": "Series", "zh": "序列"},
    # Why it moved.
    "cost.why": {"en": "Why labour cost moved", "zh": "人工成本变动原因"},
    "cost.why.basis": {"en": "Split by", "zh": "拆分口径"},
    "cost.why.basis.hours": {
        "en": "Roster hours × hourly cost (teams)",
        "zh": "排班工时 × 时薪（按团队）",
    },
    "cost.why.basis.tickets": {
        "en": "Report labour ÷ tickets",
        "zh": "报表人工 ÷ 工单数",
    },
    "cost.why.sentence": {
        "en": "Labour cost {direction} {pct:.1%} ({change:+,.2f}): volume {volume:+.1f} points, "
        "rate {rate:+.1f} points ({unit}).",
        "zh": "人工成本{direction} {pct:.1%}（{change:+,.2f}）：数量 {volume:+.1f} 个百分点，"
        "费率 {rate:+.1f} 个百分点（{unit}）。",
    },
    "cost.why.sentence_mix": {
        "en": "Labour cost {direction} {pct:.1%} ({change:+,.2f}): volume {volume:+.1f} points, "
        "mix {mix:+.1f} points, rate {rate:+.1f} points ({unit}).",
        "zh": "人工成本{direction} {pct:.1%}（{change:+,.2f}）：数量 {volume:+.1f} 个百分点，"
        "结构 {mix:+.1f} 个百分点，费率 {rate:+.1f} 个百分点（{unit}）。",
    },
    "cost.why.rose": {"en": "rose", "zh": "上升"},
    "cost.why.fell": {"en": "fell", "zh": "下降"},
    "cost.why.flat": {"en": "did not change", "zh": "持平"},
    "cost.why.none": {"en": "No change to explain.", "zh": "没有需要解释的变动。"},
    "cost.why.unit.hours": {
        "en": "volume = roster hours, mix = the teams' shares of them, rate = cost per hour",
        "zh": "数量 = 排班工时，结构 = 各团队工时占比，费率 = 每小时成本",
    },
    "cost.why.unit.tickets": {
        "en": "volume = tickets created, rate = labour cost per ticket; no mix, the cost report "
        "is not split by channel or priority",
        "zh": "数量 = 创建工单数，费率 = 每张工单人工成本；无结构效应，成本报表未按渠道或优先级拆分",
    },
    "cost.why.basis.channel": {
        "en": "Report labour ÷ tickets, by channel",
        "zh": "报表人工 ÷ 工单数（按渠道）",
    },
    "cost.why.basis.priority": {
        "en": "Report labour ÷ tickets, by priority",
        "zh": "报表人工 ÷ 工单数（按优先级）",
    },
    "cost.why.unit.channel": {
        "en": "volume = tickets created, mix = the channels' shares of them, rate = labour "
        "cost per ticket of each channel, labour shared out by handle minutes",
        "zh": "数量 = 创建工单数，结构 = 各渠道工单占比，费率 = 各渠道每张工单人工成本，人工按处理时长分摊",
    },
    "cost.why.unit.priority": {
        "en": "volume = tickets created, mix = the priorities' shares of them, rate = labour "
        "cost per ticket of each priority, labour shared out by handle minutes",
        "zh": "数量 = 创建工单数，结构 = 各优先级工单占比，费率 = 各优先级每张工单人工成本，"
        "人工按处理时长分摊",
    },
    "cost.why.no_handle": {
        "en": "No split by channel or priority: it needs tickets with handle minutes and "
        "labour lines in every month of both periods, and no dimension filters.",
        "zh": "无法按渠道或优先级拆分：需要两个期间每个月都有含处理时长的工单和人工科目，且未设置维度筛选。",
    },
    "cost.why.no_data": {"en": "No cost data for these months.", "zh": "这几个月没有成本数据。"},
    "cost.why.no_hours": {
        "en": "The roster has no costed hours in one of the two periods compared.",
        "zh": "对比的两个期间之一没有含时薪的排班工时。",
    },
    "cost.why.no_tickets": {
        "en": "No split per ticket: one of the two periods compared has no labour lines, no "
        "tickets or a month not reported, or dimension filters are set (the cost report is "
        "not split by them).",
        "zh": "无法按工单拆分：对比的两个期间之一没有人工科目、没有工单或有未报告的月份，或设置了维度"
        "筛选（成本报表未按其拆分）。",
    },
    "cost.why_chart": {"en": "From before to now", "zh": "从对比期到本期"},
    "cost.why.sums": {
        "en": "Volume + mix + rate = {total:+,.2f}, the change to the cent.",
        "zh": "数量 + 结构 + 费率 = {total:+,.2f}，与变动额精确到分一致。",
    },
    # Cost against quality.
    "cost.quality": {"en": "Cost against quality", "zh": "成本与质量"},
    "cost.quality.measure": {"en": "Quality measure", "zh": "质量指标"},
    "cost.quality.sla_attainment": {"en": "SLA attainment", "zh": "SLA 达成率"},
    "cost.quality.csat_avg": {"en": "CSAT (1–5)", "zh": "满意度（1–5）"},
    "cost.quality_chart": {
        "en": "Cost per resolved ticket against {measure}, the 12 months to {last:%Y-%m}",
        "zh": "每张已解决工单成本与{measure}（截至 {last:%Y-%m} 的 12 个月，按月）",
    },
    "cost.quality_note": {
        "en": "Dashed lines: the medians. Bottom right: dearer and worse; top left: cheaper and "
        "better. A saving bought with worse service moves left and down.",
        "zh": "虚线为中位数。右下：更贵且更差；左上：更便宜且更好。以服务变差换来的节约会向左下移动。",
    },
    "cost.quality_none": {
        "en": "No month has both a cost and done tickets with {measure}.",
        "zh": "没有同时具备成本和含{measure}的已完成工单的月份。",
    },
    "cost.quality.by": {"en": "By", "zh": "对比维度"},
    "cost.quality.by.month": {"en": "Month", "zh": "月份"},
    "cost.quality.by.team": {"en": "Team (roster labour)", "zh": "团队（排班人工）"},
    "cost.quality_team_chart": {
        "en": "Roster labour per resolved ticket against {measure}, by team",
        "zh": "各团队每张已解决工单的排班人工成本与{measure}",
    },
    "cost.teams": {
        "en": "Roster labour per resolved ticket, by team",
        "zh": "各团队每张已解决工单的排班人工成本",
    },
    "cost.teams_note": {
        "en": "The cost report is not split by team; the roster is: roster labour "
        "({hours} × hourly cost) of each team over the tickets it resolved in these months. "
        "Other costs (tooling, facilities, contractors) are not in it.",
        "zh": "成本报表未按团队拆分，排班表则可以：各团队的排班人工（{hours} × 时薪）除以其在这几个月"
        "解决的工单数。不含其他成本（工具、场地、外包）。",
    },
    "cost.col.team": {"en": "Team", "zh": "团队"},
    "cost.col.labour_per_resolved": {
        "en": "Roster labour per resolved ticket",
        "zh": "每张已解决工单的排班人工",
    },
    # What-if.
    "cost.whatif": {"en": "What-if: staffing priced", "zh": "假设分析：人力成本定价"},
    "cost.whatif.volume": {"en": "Change in ticket volume (%)", "zh": "工单量变化（%）"},
    "cost.whatif.handle": {"en": "Change in handle time (%)", "zh": "处理时长变化（%）"},
    "cost.whatif.fte_hours": {"en": "Hours of one FTE a month", "zh": "每个全职人力每月工时"},
    "cost.whatif.caption": {
        "en": "Per month of the period: {tickets:,.0f} tickets × {aht:,.1f} min handle time; "
        "{hours:,.0f} roster hours at {rate:,.2f} an hour; {util:.0%} of roster hours handle "
        "tickets (kept the same).",
        "zh": "期间内每月：{tickets:,.0f} 张工单 × {aht:,.1f} 分钟处理时长；{hours:,.0f} 排班工时，"
        "每小时 {rate:,.2f}；排班工时中 {util:.0%} 用于处理工单（保持不变）。",
    },
    "cost.whatif.fte": {"en": "FTE needed", "zh": "所需全职人力"},
    "cost.whatif.cost": {"en": "Labour cost a month", "zh": "每月人工成本"},
    "cost.whatif.delta": {"en": "Change a month", "zh": "每月变化"},
    "cost.whatif.no_data": {
        "en": "The what-if needs a roster with hourly cost and tickets with handle time in the "
        "period.",
        "zh": "假设分析需要期间内含时薪的排班表和含处理时长的工单。",
    },
    # Table columns.
    "cost.col.name": {"en": "Name", "zh": "名称"},
    "cost.col.cost_center": {"en": "Cost centre", "zh": "成本中心"},
    "cost.col.category": {"en": "Category", "zh": "类别"},
    "cost.col.amount": {"en": "Spend", "zh": "支出"},
    "cost.col.share": {"en": "Share", "zh": "占比"},
    "cost.col.previous": {"en": "Previous months", "zh": "上一期"},
    "cost.col.change_pct": {"en": "Change", "zh": "环比"},
    "cost.col.year_ago": {"en": "A year ago", "zh": "上年同期"},
    "cost.col.yoy_pct": {"en": "Change on a year ago", "zh": "同比"},
    "cost.col.actual": {"en": "Actual", "zh": "实际"},
    "cost.col.budget": {"en": "Budget", "zh": "预算"},
    "cost.col.variance": {"en": "Over (+) / under (−)", "zh": "超支（+）/ 结余（−）"},
    "cost.col.variance_pct": {"en": "Over / under %", "zh": "超支/结余 %"},
    "cost.col.status": {"en": "Status", "zh": "状态"},
    "cost.col.month": {"en": "Month", "zh": "月份"},
    "cost.col.ytd_actual": {"en": "Actual, year to date", "zh": "财年累计实际"},
    "cost.col.ytd_budget": {"en": "Budget, year to date", "zh": "财年累计预算"},
    "cost.col.ytd_variance": {"en": "Over / under, year to date", "zh": "财年累计超支/结余"},
    "cost.col.opex": {"en": "Operating expense", "zh": "运营费用"},
    "cost.col.labour": {"en": "Labour lines", "zh": "人工科目"},
    "cost.col.tickets": {"en": "Tickets", "zh": "工单数"},
    "cost.col.resolved": {"en": "Resolved", "zh": "已解决"},
    "cost.col.cost_per_ticket": {"en": "Per ticket", "zh": "每张工单"},
    "cost.col.cost_per_resolved": {"en": "Per resolved ticket", "zh": "每张已解决工单"},
    "cost.col.roster_hours": {"en": "Roster hours", "zh": "排班工时"},
    "cost.col.roster_cost": {"en": "Roster labour", "zh": "排班人工成本"},
    "cost.col.report_labour": {"en": "Report labour", "zh": "报表人工成本"},
    "cost.col.difference": {"en": "Report − roster", "zh": "报表 − 排班"},
    "cost.col.difference_pct": {"en": "Difference %", "zh": "差异 %"},
    "cost.col.effect": {"en": "Effect", "zh": "效应"},
    "cost.col.points": {"en": "Points of the base", "zh": "占对比期百分点"},
    "cost.col.segment": {"en": "Team", "zh": "团队"},
    "cost.col.channel": {"en": "Channel", "zh": "渠道"},
    "cost.col.priority": {"en": "Priority", "zh": "优先级"},
    "cost.col.base_tickets": {"en": "Tickets before", "zh": "对比期工单数"},
    "cost.col.current_tickets": {"en": "Tickets now", "zh": "本期工单数"},
    "cost.col.base_volume": {"en": "Hours before", "zh": "对比期工时"},
    "cost.col.current_volume": {"en": "Hours now", "zh": "本期工时"},
    "cost.col.base_cost": {"en": "Cost before", "zh": "对比期成本"},
    "cost.col.current_cost": {"en": "Cost now", "zh": "本期成本"},
    "cost.col.csat_avg": {"en": "CSAT", "zh": "满意度"},
    "cost.col.sla_attainment": {"en": "SLA attainment", "zh": "SLA 达成率"},
}
