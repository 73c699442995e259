"""The Innovation management page (服务创新管理) and the innovation command."""

STRINGS: dict[str, dict[str, str]] = {
    "innovation.title": {"en": "Innovation management", "zh": "服务创新管理"},
    "innovation.nav": {"en": "Innovation management", "zh": "创新管理"},
    "innovation.question": {
        "en": "Is the improvement portfolio paying off?",
        "zh": "改进项目组合是否带来回报？",
    },
    # What to upload.
    "innovation.no_register": {
        "en": "No initiatives yet. Upload the improvement register on the Data page (sheet "
        "`initiatives` or `创新项目`; columns `initiative_id`, `name` and `stage` at least). "
        "`investment`, `running_cost` and `expected_annual_benefit` add the business case; the "
        "stage dates (`assessment_date` … `stopped_date`) add days in stage; `go_live_date`, "
        "`linked_kpi`, `segment_by`, `segment` and `benefit_per_unit`, with a ticket export, "
        "add the measured benefit; `adoption_channel` and `target_adoption` add adoption.",
        "zh": "还没有创新项目。请在“数据”页面上传改进项目登记表（工作表 `initiatives` 或 "
        "`创新项目`，至少包含 `initiative_id`、`name`、`stage` 列）。`investment`、"
        "`running_cost`、`expected_annual_benefit` 用于商业论证；各阶段日期（"
        "`assessment_date` … `stopped_date`）用于阶段停留天数；`go_live_date`、`linked_kpi`、"
        "`segment_by`、`segment`、`benefit_per_unit` 加上工单导出，用于实测收益；"
        "`adoption_channel` 与 `target_adoption` 用于采用率。",
    },
    "innovation.no_tickets": {
        "en": "No tickets in this workspace: the benefits cannot be measured. Upload a ticket "
        "export (sheet `tickets`) to see each linked KPI before and after go-live.",
        "zh": "本工作区没有工单，无法实测收益。上传工单导出（工作表 `tickets`）后，"
        "可查看每个关联指标在上线前后的变化。",
    },
    "innovation.no_links": {
        "en": "No initiative names a KPI to move. Add `linked_kpi` ({kpis}), `segment_by` and "
        "`segment` (for example category = Access), `go_live_date` and `benefit_per_unit` to "
        "the register to measure its benefit on the tickets.",
        "zh": "没有项目关联要改善的指标。请在登记表中加入 `linked_kpi`（{kpis}）、"
        "`segment_by` 与 `segment`（例如 category = Access）、`go_live_date` 和 "
        "`benefit_per_unit`，即可用工单实测其收益。",
    },
    "innovation.no_investment": {
        "en": "{n} initiatives not stopped have an expected benefit but no investment ({names}): "
        "their business cases, and the portfolio's, count the investment as 0. Fill in "
        "`investment` (a number; 0 when nothing is invested).",
        "zh": "{n} 个未停止的创新项目有预期收益但没有投资额（{names}）：其商业论证及组合合计均按投资 0 计算。"
        "请填写 `investment`（数字；确无投资填 0）。",
    },
    "innovation.no_money": {
        "en": "The register has no investment or expected benefit: every business case is 0. "
        "Add `investment`, `running_cost` and `expected_annual_benefit`.",
        "zh": "登记表没有投资或预期收益，商业论证均为 0。请加入 `investment`、"
        "`running_cost` 和 `expected_annual_benefit`。",
    },
    # Settings.
    "innovation.rate": {"en": "Discount rate (% a year)", "zh": "折现率（年，%）"},
    "innovation.years": {"en": "Horizon (years)", "zh": "评估期（年）"},
    "innovation.delay": {"en": "Benefit delay (years)", "zh": "收益延迟（年）"},
    "innovation.window": {
        "en": "Days before and after go-live",
        "zh": "上线前后对比天数",
    },
    "innovation.budget": {"en": "Budget to allocate", "zh": "可分配预算"},
    "innovation.budget_stages": {"en": "Candidates: stages", "zh": "候选阶段"},
    "innovation.settings": {
        "en": "Discount rate {rate:.1%} · horizon {years} years · benefit delay {delay:g} "
        "years · {window} days each side of go-live.",
        "zh": "折现率 {rate:.1%} · 评估期 {years} 年 · 收益延迟 {delay:g} 年 · "
        "上线前后各 {window} 天。",
    },
    # Headlines.
    "innovation.count": {"en": "Initiatives", "zh": "项目数"},
    "innovation.active_investment": {"en": "Active investment", "zh": "在途投资"},
    "innovation.portfolio_npv": {"en": "Portfolio NPV", "zh": "组合净现值"},
    "innovation.portfolio_irr": {"en": "Portfolio IRR", "zh": "组合内部收益率"},
    "innovation.portfolio_payback": {"en": "Portfolio payback", "zh": "组合回收期"},
    "innovation.years_value": {"en": "{years:.1f} years", "zh": "{years:.1f} 年"},
    "innovation.not_reached": {"en": "not within {years} years", "zh": "{years} 年内未回收"},
    "innovation.none": {"en": "none", "zh": "无"},
    "innovation.confirmed_count": {
        "en": "Benefits confirmed by the tickets: {n} of the {total} initiatives linked to a KPI.",
        "zh": "经工单证实的收益：关联指标的 {total} 个项目中有 {n} 个。",
    },
    # Funnel.
    "innovation.funnel": {"en": "Funnel by stage", "zh": "阶段漏斗"},
    "innovation.funnel_caption": {
        "en": "{total} initiatives, {stopped} stopped: kill rate {kill:.0%}. Conversion = "
        "reached the next stage ÷ reached this one; a stage's kill rate = stopped after it ÷ "
        "(stopped after it + went on).",
        "zh": "共 {total} 个项目，已停止 {stopped} 个：淘汰率 {kill:.0%}。转化率 = 进入下一阶段"
        "的项目数 ÷ 进入本阶段的项目数；阶段淘汰率 = 在本阶段后停止的 ÷（停止的 + 继续推进的）。",
    },
    "innovation.no_stage_dates": {
        "en": "The register has no stage dates: days in stage need `start_date` and the "
        "`<stage>_date` columns.",
        "zh": "登记表没有阶段日期：阶段停留天数需要 `start_date` 和各 `<阶段>_date` 列。",
    },
    "innovation.stage.idea": {"en": "Idea", "zh": "构想"},
    "innovation.stage.assessment": {"en": "Assessment", "zh": "评估"},
    "innovation.stage.pilot": {"en": "Pilot", "zh": "试点"},
    "innovation.stage.rollout": {"en": "Rollout", "zh": "推广"},
    "innovation.stage.scaled": {"en": "Scaled", "zh": "规模化"},
    "innovation.stage.stopped": {"en": "Stopped", "zh": "已停止"},
    "innovation.stage.other": {"en": "Other", "zh": "其他"},
    # Business case.
    "innovation.case": {"en": "Business case", "zh": "商业论证"},
    "innovation.formulas": {"en": "How these figures are computed", "zh": "计算方法"},
    "innovation.formulas_text": {
        "en": "Cash flows from the organisation's side: money out negative, money in or saved "
        "positive. Year 0: −investment. Year t = 1…H: expected annual benefit × min(max(t − "
        "delay, 0), 1) − running cost. H is the horizon.\n\n"
        "- **NPV** = Σₜ₌₀..H CFₜ / (1 + r)ᵗ at the discount rate r. Year 0 is not "
        "discounted (as numpy-financial's `npv`; Excel's `NPV()` discounts its first value, "
        "so the same figure in Excel is `CF₀ + NPV(r, CF₁:CF_H)`).\n"
        "- **IRR**: the rate at which NPV = 0; none when every flow has one sign.\n"
        "- **ROI** = (Σ benefits − Σ running costs − investment) ÷ investment over the "
        "horizon, not discounted.\n"
        "- **Payback**: years until the running total of the flows reaches 0, within the "
        "year pro rata; **discounted payback** the same on the discounted flows. "
        "“Not reached” when the horizon ends first.\n"
        "- **Portfolio**: the initiatives not stopped, their flows added year by year, each "
        "from its own year 0.",
        "zh": "现金流以组织视角计：流出为负，流入或节省为正。第 0 年：−投资。第 t = 1…H 年："
        "预期年收益 × min(max(t − 延迟, 0), 1) − 年运行成本。H 为评估期。\n\n"
        "- **净现值 NPV** = Σₜ₌₀..H CFₜ / (1 + r)ᵗ，r 为折现率。第 0 年不折现（同 "
        "numpy-financial 的 `npv`；Excel 的 `NPV()` 会折现第一个值，在 Excel 中应写作 "
        "`CF₀ + NPV(r, CF₁:CF_H)`）。\n"
        "- **内部收益率 IRR**：使 NPV = 0 的折现率；若现金流全为同一符号则无。\n"
        "- **投资回报率 ROI** =（Σ 收益 − Σ 运行成本 − 投资）÷ 投资，评估期内、不折现。\n"
        "- **回收期**：现金流累计值回到 0 所需年数，年内按比例折算；**折现回收期**按折现后"
        "现金流计算。评估期结束仍未回收则为“未回收”。\n"
        "- **组合**：未停止的项目，各自从其第 0 年起逐年相加。",
    },
    "innovation.sensitivity_rate": {
        "en": "Portfolio NPV by discount rate",
        "zh": "组合净现值随折现率变化",
    },
    "innovation.sensitivity_delay": {
        "en": "Portfolio NPV by benefit delay",
        "zh": "组合净现值随收益延迟变化",
    },
    "innovation.axis.rate": {"en": "Discount rate", "zh": "折现率"},
    "innovation.axis.delay": {"en": "Benefit delay (years)", "zh": "收益延迟（年）"},
    "innovation.axis.npv": {"en": "NPV", "zh": "净现值"},
    "innovation.axis.investment": {"en": "Investment", "zh": "投资"},
    "innovation.axis.benefit": {"en": "Expected annual benefit", "zh": "预期年收益"},
    "innovation.axis.adoption": {"en": "Adoption", "zh": "采用率"},
    "innovation.axis.stage": {"en": "Stage", "zh": "阶段"},
    "innovation.axis.initiatives": {"en": "Initiatives", "zh": "项目数"},
    "innovation.axis.initiative": {"en": "Initiative", "zh": "项目"},
    "innovation.axis.cumulative": {"en": "Cumulative investment", "zh": "累计投资"},
    "innovation.axis.share": {"en": "Share of tickets", "zh": "工单占比"},
    "innovation.axis.month": {"en": "Month", "zh": "月份"},
    "innovation.axis.day": {"en": "Day", "zh": "日期"},
    "innovation.current": {"en": "chosen", "zh": "当前取值"},
    # Value vs cost.
    "innovation.value": {"en": "Value against cost", "zh": "价值与成本"},
    "innovation.bubble": {
        "en": "Investment vs expected benefit",
        "zh": "投资与预期年收益",
    },
    "innovation.in_budget": {"en": "in budget", "zh": "在预算内"},
    "innovation.out_budget": {"en": "over budget", "zh": "超出预算"},
    "innovation.not_candidate": {"en": "not a candidate", "zh": "非候选"},
    "innovation.fit_chart": {
        "en": "Ranked candidates and the budget",
        "zh": "候选项目排序与预算",
    },
    "innovation.budget_line": {"en": "Budget", "zh": "预算"},
    "innovation.fit_caption": {
        "en": "{n} of {candidates} candidates fit {budget}: they invest {spent} for an NPV of "
        "{npv}. Ranked by NPV ÷ investment; one that no longer fits is skipped and a smaller one "
        "further down may still be taken (a greedy choice, not every combination).",
        "zh": "{candidates} 个候选项目中有 {n} 个在 {budget} 预算内：投资 {spent}，净现值 {npv}。"
        "按净现值 ÷ 投资排序；放不下的项目跳过，排名靠后的较小项目仍可入选（贪心选择，"
        "非穷举所有组合）。",
    },
    "innovation.no_candidates": {
        "en": "No candidate in these stages has an investment and a positive NPV.",
        "zh": "所选阶段中没有既有投资又有正净现值的候选项目。",
    },
    # Measured benefit.
    "innovation.measured": {"en": "Benefit realisation, measured", "zh": "收益实现（实测）"},
    "innovation.measured_caption": {
        "en": "Each linked KPI on its segment of tickets, {window} days before go-live against "
        "{window} days from it. A change is confirmed when the Mann-Whitney test gives p < "
        "{alpha:.2f}, the KPI moved the better way and the control chart (limits from the days "
        "before) shows 8 days in a row after go-live on the better side. Realised benefit a "
        "year = improvement × tickets a year × value per unit. The sidebar's team, channel, "
        "category and priority filters apply; its dates do not.",
        "zh": "每个关联指标在其工单细分上，比较上线前 {window} 天与上线后 {window} 天。"
        "当 Mann-Whitney 检验 p < {alpha:.2f}、指标朝好的方向变化、且控制图（控制限取自上线前）"
        "在上线后出现连续 8 天位于好的一侧时，判定变化成立。年度实现收益 = 改善量 × 每年工单数 "
        "× 单位收益。侧栏的团队、渠道、类别、优先级筛选适用；日期筛选不适用。",
    },
    "innovation.pick": {"en": "Initiative", "zh": "项目"},
    "innovation.effect_chart": {
        "en": "{kpi} per day, {segment}",
        "zh": "每日{kpi}，{segment}",
    },
    "innovation.all_tickets": {"en": "all tickets", "zh": "全部工单"},
    "innovation.segment": {"en": "{by} = {value}", "zh": "{by} = {value}"},
    "innovation.go_live": {"en": "Go-live", "zh": "上线"},
    "innovation.centre": {"en": "Centre (before)", "zh": "中心线（上线前）"},
    "innovation.ucl": {"en": "UCL", "zh": "上控制限"},
    "innovation.lcl": {"en": "LCL", "zh": "下控制限"},
    "innovation.shift_point": {"en": "run of 8", "zh": "连续 8 点"},
    "innovation.effect_summary": {
        "en": "{name}: {kpi} {before} before, {after} after ({change}); p {p}: {verdict}.",
        "zh": "{name}：{kpi} 上线前 {before}，上线后 {after}（{change}）；p {p}：{verdict}。",
    },
    "innovation.realised_vs_plan": {
        "en": "Measured benefit {realised} a year against {expected} planned and {claimed} "
        "claimed.",
        "zh": "实测收益每年 {realised}，计划 {expected}，申报 {claimed}。",
    },
    "innovation.claim_not_shown": {
        "en": "{name} claims {claimed} a year, but the tickets do not confirm a change.",
        "zh": "{name} 申报每年收益 {claimed}，但工单数据未证实存在变化。",
    },
    "innovation.verdict.confirmed": {"en": "confirmed", "zh": "已证实"},
    "innovation.verdict.worse": {"en": "worse", "zh": "变差"},
    "innovation.verdict.unclear": {"en": "unclear", "zh": "不确定"},
    "innovation.verdict.no_change": {"en": "no change shown", "zh": "未见变化"},
    "innovation.verdict.no_data": {"en": "too little data", "zh": "数据不足"},
    "innovation.verdict.not_live": {"en": "not live", "zh": "未上线"},
    "innovation.verdict.no_link": {"en": "no KPI to measure", "zh": "无可测指标"},
    "innovation.reason.no_kpi": {"en": "no linked KPI", "zh": "未关联指标"},
    "innovation.reason.unknown_kpi": {
        "en": "“{kpi}” is not a KPI this page measures",
        "zh": "“{kpi}”不是本页可测量的指标",
    },
    "innovation.reason.unknown_segment": {
        "en": "“{segment_by}” is not a ticket column to segment by",
        "zh": "“{segment_by}”不是可用于细分的工单列",
    },
    "innovation.reason.no_tickets": {"en": "no tickets", "zh": "没有工单"},
    "innovation.reason.no_go_live": {"en": "no go-live date", "zh": "没有上线日期"},
    "innovation.reason.live_after": {
        "en": "goes live after the last ticket ({last})",
        "zh": "上线日期晚于最后一张工单（{last}）",
    },
    "innovation.reason.few_days": {
        "en": "{before} days with data before go-live and {after} after; {min} needed on each side",
        "zh": "上线前有数据 {before} 天、上线后 {after} 天；每侧至少需要 {min} 天",
    },
    "innovation.reason.no_channel": {"en": "no adoption channel", "zh": "未指定采用渠道"},
    "innovation.reason.no_segment_tickets": {
        "en": "no ticket in the segment",
        "zh": "该细分没有工单",
    },
    "innovation.kpi.handle_minutes": {"en": "Handle time (min)", "zh": "处理时长（分钟）"},
    # Adoption.
    "innovation.adoption": {"en": "Adoption", "zh": "采用情况"},
    "innovation.adoption_chart": {
        "en": "Share of {segment} through {channel}, by month",
        "zh": "{segment} 中经 {channel} 渠道的占比（按月）",
    },
    "innovation.target": {"en": "Target", "zh": "目标"},
    "innovation.adoption_caption": {
        "en": "Last 30 days: {current:.0%} through {channel}, target {target}.",
        "zh": "最近 30 天：经 {channel} 渠道占 {current:.0%}，目标 {target}。",
    },
    "innovation.no_adoption": {
        "en": "No initiative names an adoption channel. Add `adoption_channel` (the channel "
        "whose share of the segment's tickets shows use) and `target_adoption`.",
        "zh": "没有项目指定采用渠道。请加入 `adoption_channel`（以该渠道在细分工单中的占比衡量"
        "使用情况）和 `target_adoption`。",
    },
    # Table columns.
    "innovation.col.initiative_id": {"en": "ID", "zh": "编号"},
    "innovation.col.name": {"en": "Initiative", "zh": "项目"},
    "innovation.col.stage": {"en": "Stage", "zh": "阶段"},
    "innovation.col.count": {"en": "Now in stage", "zh": "当前数量"},
    "innovation.col.investment": {"en": "Investment", "zh": "投资"},
    "innovation.col.reached": {"en": "Reached", "zh": "曾进入"},
    "innovation.col.conversion": {"en": "Conversion", "zh": "转化率"},
    "innovation.col.stopped_here": {"en": "Stopped after", "zh": "于此后停止"},
    "innovation.col.kill_rate": {"en": "Kill rate", "zh": "淘汰率"},
    "innovation.col.median_days": {"en": "Median days (left)", "zh": "停留天数中位数（已离开）"},
    "innovation.col.left": {"en": "Stays counted", "zh": "计入次数"},
    "innovation.col.median_days_now": {
        "en": "Median days so far (still in)",
        "zh": "至今停留天数中位数（仍在）",
    },
    "innovation.col.running_cost": {"en": "Running cost / yr", "zh": "年运行成本"},
    "innovation.col.expected_annual_benefit": {"en": "Expected benefit / yr", "zh": "预期年收益"},
    "innovation.col.roi": {"en": "ROI", "zh": "投资回报率"},
    "innovation.col.npv": {"en": "NPV", "zh": "净现值"},
    "innovation.col.irr": {"en": "IRR", "zh": "内部收益率"},
    "innovation.col.payback_years": {"en": "Payback (yrs)", "zh": "回收期（年）"},
    "innovation.col.discounted_payback_years": {
        "en": "Discounted payback (yrs)",
        "zh": "折现回收期（年）",
    },
    "innovation.col.npv_per_investment": {"en": "NPV / investment", "zh": "净现值 / 投资"},
    "innovation.col.rank": {"en": "Rank", "zh": "排名"},
    "innovation.col.fits": {"en": "Fits", "zh": "入选"},
    "innovation.col.cumulative_investment": {"en": "Invested so far", "zh": "累计投资"},
    "innovation.col.kpi": {"en": "KPI", "zh": "指标"},
    "innovation.col.segment": {"en": "Segment", "zh": "细分"},
    "innovation.col.go_live": {"en": "Go-live", "zh": "上线日期"},
    "innovation.col.before": {"en": "Before", "zh": "上线前"},
    "innovation.col.after": {"en": "After", "zh": "上线后"},
    "innovation.col.change": {"en": "Change", "zh": "变化"},
    "innovation.col.p_value": {"en": "p", "zh": "p 值"},
    "innovation.col.shift": {"en": "Run of 8", "zh": "连续 8 点"},
    "innovation.col.verdict": {"en": "Verdict", "zh": "结论"},
    "innovation.col.realised": {"en": "Measured / yr", "zh": "实测年收益"},
    "innovation.col.expected": {"en": "Planned / yr", "zh": "计划年收益"},
    "innovation.col.claimed": {"en": "Claimed / yr", "zh": "申报年收益"},
    "innovation.col.reason": {"en": "Why not measured", "zh": "未测原因"},
    # The command line.
    "innovation.cli.none": {
        "en": "No initiatives in this workspace.",
        "zh": "本工作区没有创新项目。",
    },
}
