"""Canonical tables of the workspace: names, column types, keys and header aliases.

Every upload is mapped onto these tables (SPEC "Data contract"). Column and table
names are the SPEC's, so users can query them in the SQL explorer. Aliases are
the headers real exports use, in English and Chinese; matching ignores case,
spaces, underscores and punctuation (see :func:`normalise_header`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# DuckDB types used by the canonical columns.
TEXT = "VARCHAR"
TIMESTAMP = "TIMESTAMP"
DATE = "DATE"
NUMBER = "DOUBLE"
INTEGER = "BIGINT"
BOOLEAN = "BOOLEAN"


# What a number column measures, where the importer reads it by its unit: an amount of
# money (it may carry its currency: svcops.ingest.coerce, money columns) or a share 0-1
# (it may be written as a percentage: share columns).
MONEY = "money"
SHARE = "share"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    unit: str | None = None  # MONEY, SHARE or None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    # Columns that identify a row: re-importing a row with the same key replaces it
    # (the newest upload wins) instead of adding a second copy.
    key: tuple[str, ...]
    description: str = ""
    # Extra columns kept alongside the canonical ones (raw values before normalisation).
    extras: tuple[Column, ...] = field(default=())
    # Whether two rows of one sheet with the same key are a mistake (keep the last).
    dedupe_within_sheet: bool = True
    # Whether the order of rows in the file means something: each stored row then keeps
    # its position within its upload (``store.SEQ_COL``), so an event log's events with
    # equal timestamps stay in the order the file has them.
    ordered: bool = False
    # Columns worked out from others when no header gives them: (column, the columns it
    # is worked out from, columns of which one must also be there; see
    # ``svcops.ingest.mapping.Mapping.derived`` and ``svcops.ingest.coerce``).
    derivable: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    # Columns by which a newer upload's rows replace an earlier upload's, when fewer than
    # the key: a roster exported again after a shift moved replaces the agent's shifts of
    # that day, though the key (with the shift's start) tells two shifts of a day apart.
    replaces_by: tuple[str, ...] = ()

    @property
    def replace_key(self) -> tuple[str, ...]:
        """The columns a newer upload replaces an earlier upload's rows by."""
        return self.replaces_by or self.key

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        for c in (*self.columns, *self.extras):
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(
    name: str, type_: str, *aliases: str, required: bool = False, unit: str | None = None
) -> Column:
    return Column(name, type_, required, aliases, unit)


# Headers that name when a row was *changed* in a state-history export (one row per
# update): the event time of an event log whose rows also describe the ticket.
EVENT_TIME_HEADERS = (
    "sys updated at",
    "updated",
    "updated at",
    "update time",
    "last updated",
    "change date+time",
    "modified",
    "modified at",
    "sys_updated_on",
    "event time",
    "timestamp",
    "更新时间",
    "修改时间",
)
# Headers that name who made the change in such an export.
EVENT_ACTOR_HEADERS = ("sys updated by", "updated by", "modified by", "changed by", "更新人")

TICKETS = Table(
    "tickets",
    (
        _c(
            "ticket_id",
            TEXT,
            "ticket",
            "id",
            "number",
            "ticket number",
            "incident",
            "incident id",
            "incident number",
            "case id",
            "case number",
            "issue key",
            "key",
            "request id",
            "ticket id",
            "unique key",
            "sr number",
            "service request number",
            "request number",
            "ticket no",
            "incident no",
            "case no",
            "request no",
            "ticket #",
            "no",
            "工单编号",
            "工单号",
            "单号",
            "事件编号",
            "编号",
            required=True,
        ),
        _c(
            "created_at",
            TIMESTAMP,
            "created",
            "opened",
            "opened at",
            "created date",
            "date created",
            "create time",
            "created time",
            "creation date",
            "submitted",
            "submitted at",
            "reported",
            "open date",
            "open time",
            "date opened",
            "创建时间",
            "提交时间",
            "开单时间",
            "创建日期",
            required=True,
        ),
        _c(
            "first_response_at",
            TIMESTAMP,
            "first response",
            "first responded at",
            "first reply",
            "first replied at",
            "responded at",
            "initial response time",
            "first response date",
            "首次响应时间",
            "首次回复时间",
        ),
        _c(
            "resolved_at",
            TIMESTAMP,
            "resolved",
            "resolved date",
            "resolution date",
            "solved at",
            "solved",
            "resolved time",
            "resolution time stamp",
            "解决时间",
            "完成时间",
            "解决日期",
        ),
        _c(
            "closed_at",
            TIMESTAMP,
            "closed",
            "closed date",
            "close time",
            "closed time",
            "date closed",
            "关闭时间",
            "关闭日期",
        ),
        _c(
            "status",
            TEXT,
            "state",
            "ticket status",
            "incident state",
            "request status",
            "状态",
            "工单状态",
        ),
        _c(
            "channel",
            TEXT,
            "source",
            "contact type",
            "via",
            "origin",
            "open data channel type",
            "channel type",
            "渠道",
            "来源",
            "来源渠道",
        ),
        _c(
            "category",
            TEXT,
            "type",
            "issue type",
            "request type",
            "ticket type",
            "complaint type",
            "类别",
            "分类",
            "类型",
            "问题类型",
        ),
        _c("subcategory", TEXT, "sub category", "subtype", "descriptor", "子类别", "子分类"),
        _c("priority", TEXT, "urgency", "severity", "优先级", "紧急程度"),
        _c(
            "team",
            TEXT,
            "assignment group",
            "group",
            "queue",
            "support group",
            "agency",
            "团队",
            "处理组",
            "支持组",
            "处理部门",
        ),
        _c(
            "agent",
            TEXT,
            "assigned to",
            "assignee",
            "owner",
            "resolved by",
            "assignee name",
            "处理人",
            "受理人",
            "负责人",
        ),
        _c("customer_segment", TEXT, "segment", "customer type", "客户类型", "客户分层"),
        _c("region", TEXT, "location", "country", "site", "borough", "区域", "地区"),
        _c(
            "sla_hours",
            NUMBER,
            "sla",
            "sla target",
            "resolution target hours",
            "sla时限",
            "时限小时",
        ),
        # The source's own SLA verdict, which wins over the policy (svcops.tickets).
        _c(
            "sla_met",
            BOOLEAN,
            "made sla",
            "sla met",
            "met sla",
            "within sla",
            "sla achieved",
            "sla compliant",
            "sla ok",
            "sla status",
            "sla result",
            "sla状态",
            "sla结果",
            "是否达标",
            "sla达标",
            "是否满足sla",
            "sla是否达标",
            "达标",
        ),
        # The same verdict said the other way round (true: the target was missed).
        _c(
            "sla_breached",
            BOOLEAN,
            "sla breached",
            "breached sla",
            "sla breach",
            "sla violated",
            "sla missed",
            "breached",
            "是否超时",
            "超时",
            "sla超时",
            "是否违约",
            "sla违约",
            "has breached",
        ),
        _c(
            "first_contact_resolved",
            BOOLEAN,
            "fcr",
            "first contact resolution",
            "resolved on first contact",
            "一次解决",
            "首次解决",
        ),
        _c(
            "reopen_count",
            INTEGER,
            "reopens",
            "reopened",
            "times reopened",
            "reopen count",
            "重开次数",
        ),
        _c(
            "csat",
            NUMBER,
            "satisfaction",
            "satisfaction score",
            "customer satisfaction",
            "csat score",
            "satisfaction rating",
            "customer satisfaction rating",
            # Survey headings several tools use for the rating (Freshdesk "Survey
            # results"; Jira's "Custom field (Satisfaction)" is read as "Satisfaction").
            "survey results",
            "survey result",
            "survey rating",
            "survey score",
            "satisfaction survey",
            "csat rating",
            "customer satisfaction score",
            "满意度",
            "满意度评分",
            "满意度调查",
            "满意度调查结果",
            "满意度评价",
            "服务评价",
            "客户评价",
        ),
        _c(
            "handle_minutes",
            NUMBER,
            "handle time",
            "handling time",
            "effort minutes",
            "time worked",
            "处理时长",
            "处理分钟",
        ),
        _c("cost", NUMBER, "ticket cost", "费用", "成本", unit=MONEY),
    ),
    key=("ticket_id",),
    description="one row per service request or incident",
    extras=(_c("priority_raw", TEXT), _c("csat_raw", TEXT)),
)

EVENTS = Table(
    "events",
    (
        _c(
            "case_id",
            TEXT,
            "ticket id",
            "number",
            "case",
            "incident",
            "case:concept:name",
            "case concept name",
            "sr number",
            "工单编号",
            "案例编号",
            required=True,
        ),
        _c(
            "activity",
            TEXT,
            "event",
            "action",
            "activity name",
            "concept:name",
            "concept name",
            "活动",
            "事件",
            required=True,
        ),
        _c(
            "timestamp",
            TIMESTAMP,
            "time",
            "event time",
            "time:timestamp",
            "complete timestamp",
            "change date+time",
            "change date time",
            "时间",
            "时间戳",
            required=True,
        ),
        _c("resource", TEXT, "user", "performer", "org:resource", "org resource", "处理人", "资源"),
        _c(
            "team",
            TEXT,
            "group",
            "assignment group",
            "org:group",
            "org group",
            "involved st",
            "团队",
        ),
    ),
    # The same event uploaded again replaces itself (no doubling); next month's log
    # appends. Repeated events within one sheet are all kept (real logs repeat them).
    key=("case_id", "activity", "timestamp"),
    description="process event log",
    dedupe_within_sheet=False,
    ordered=True,
)

INTERVALS = Table(
    "intervals",
    (
        _c(
            "interval_start",
            TIMESTAMP,
            "interval",
            "start",
            "period start",
            "时段",
            "时段开始",
            required=True,
        ),
        _c(
            "offered",
            INTEGER,
            "calls offered",
            "contacts offered",
            "volume",
            "来电量",
            "呼入量",
            required=True,
        ),
        _c("channel", TEXT, "queue", "渠道"),
        _c("answered", INTEGER, "calls answered", "handled", "接通量"),
        _c("abandoned", INTEGER, "calls abandoned", "放弃量"),
        _c("aht_seconds", NUMBER, "aht", "average handle time", "平均处理时长"),
        _c("asa_seconds", NUMBER, "asa", "average speed of answer", "平均应答时间"),
        _c("service_level", NUMBER, "sl", "service level %", "服务水平", unit=SHARE),
    ),
    key=("interval_start", "channel"),
    description="contact-centre interval statistics",
)

# A per-call log (ACD/CDR export: one row per call). Each call is kept; the import
# derives ``intervals`` from them (svcops/ingest/calls.py) and records on every call
# the interval it counts in and how (the extras).
CALLS = Table(
    "calls",
    (
        _c("call_id", TEXT, "call", "call id", "呼叫编号", "通话编号"),
        _c(
            "arrived_at",
            TIMESTAMP,
            "vru entry",
            "ivr entry",
            "call start",
            "call start time",
            "arrival time",
            "arrived at",
            "呼入时间",
            "来电时间",
            required=True,
        ),
        _c(
            "queued_at",
            TIMESTAMP,
            "q start",
            "queue start",
            "queue entry",
            "queue entry time",
            "time entered queue",
            "entered queue",
            "queued at",
            "enqueued at",
            "入队时间",
            "排队开始时间",
        ),
        _c(
            "answered_at",
            TIMESTAMP,
            "ser start",
            "service start",
            "service start time",
            "answer time",
            "time answered",
            "answered time",
            "answered at",
            "接通时间",
            "应答时间",
        ),
        _c(
            "ended_at",
            TIMESTAMP,
            "ser exit",
            "service end",
            "service end time",
            "time ended",
            "ended at",
            "call end",
            "call end time",
            "hang up time",
            "挂机时间",
        ),
        _c("queue_seconds", NUMBER, "q time", "queue time", "queue seconds", "排队时长"),
        _c("service_seconds", NUMBER, "ser time", "talk time", "service time", "通话时长"),
        _c("outcome", TEXT, "call outcome", "call result", "result", "disposition", "呼叫结果"),
        _c("queue", TEXT, "type", "service type", "skill", "call type", "队列", "业务类型"),
        _c("agent", TEXT, "server", "agent name", "agent id", "坐席", "座席"),
    ),
    key=("call_id", "arrived_at"),
    description="contact-centre call log (one row per call)",
    extras=(
        _c("interval_start", TIMESTAMP),
        _c("counted_as", TEXT),
        _c("wait_seconds", NUMBER),
        _c("handle_seconds", NUMBER),
    ),
    dedupe_within_sheet=False,
)

ROSTER = Table(
    "roster",
    (
        _c("date", DATE, "shift date", "day", "日期", required=True),
        _c("team", TEXT, "group", "团队"),
        _c("agent", TEXT, "employee", "name", "staff", "员工", "姓名"),
        _c("shift_start", TIMESTAMP, "start", "start time", "上班时间"),
        _c("shift_end", TIMESTAMP, "end", "end time", "下班时间"),
        _c("scheduled_hours", NUMBER, "hours", "planned hours", "排班时长", required=True),
        _c("worked_hours", NUMBER, "actual hours", "实际工时"),
        _c("hourly_cost", NUMBER, "rate", "hourly rate", "时薪", unit=MONEY),
    ),
    key=("date", "team", "agent", "shift_start"),
    replaces_by=("date", "team", "agent"),
    description="staffing roster",
    # A roster that gives each shift's start and end (most workforce tools do) and
    # whose shifts they are, but no hours: its hours are the shifts' lengths (SPEC).
    derivable=(("scheduled_hours", ("shift_start", "shift_end"), ("agent", "team")),),
)

COSTS = Table(
    "costs",
    (
        _c(
            "period",
            DATE,
            "month",
            "date",
            "posting date",
            "posted date",
            "gl date",
            "document date",
            "accounting date",
            "fiscal period",
            "期间",
            "月份",
            "会计期间",
            "费用期间",
            "费用月份",
            "所属期间",
            "记账日期",
            "过账日期",
            "凭证日期",
            "发生日期",
            required=True,
        ),
        _c(
            "amount",
            NUMBER,
            "actual",
            "cost",
            "spend",
            "actual amount",
            "actual cost",
            "amount lc",
            "amount in local currency",
            "local amount",
            "net amount",
            "posted amount",
            "expense",
            "expenses",
            "金额",
            "实际",
            "费用金额",
            "实际金额",
            "实际费用",
            "实际支出",
            "发生额",
            "本期发生额",
            "支出",
            "费用",
            required=True,
            unit=MONEY,
        ),
        _c(
            "cost_center",
            TEXT,
            "cost centre",
            "department",
            "cost center name",
            "cost centre name",
            "cost center description",
            "成本中心",
            "部门",
            "成本中心名称",
            "部门名称",
            "费用部门",
            "责任中心",
        ),
        _c(
            "category",
            TEXT,
            "cost category",
            "account",
            "gl account",
            "gl account name",
            "account name",
            "cost element",
            "cost element name",
            "expense type",
            "expense category",
            "类别",
            "科目",
            "费用类别",
            "费用类型",
            "费用项目",
            "费用科目",
            "科目名称",
            "会计科目",
        ),
        _c("service", TEXT, "service name", "服务", "服务名称"),
        _c(
            "budget",
            NUMBER,
            "plan",
            "budget amount",
            "planned amount",
            "plan amount",
            "预算",
            "预算金额",
            "预算数",
            "计划金额",
            unit=MONEY,
        ),
        # The currency a line's amounts are in, when the report names it: never used to
        # convert; the Cost page warns when the report holds more than one.
        _c("currency", TEXT, "currency code", "curr", "local currency", "币种", "货币", "币别"),
    ),
    # A re-issued report replaces the lines of the periods and accounts it holds; one
    # sheet may hold several lines for the same account (several vendors): all kept.
    key=("period", "cost_center", "category", "service"),
    description="cost report",
    dedupe_within_sheet=False,
)

BUDGET = Table(
    "budget",
    (
        _c("period", DATE, "month", "期间", "月份", "会计期间", "预算期间", required=True),
        _c(
            "budget",
            NUMBER,
            "plan",
            "budget amount",
            "planned amount",
            "预算",
            "预算金额",
            "预算数",
            required=True,
            unit=MONEY,
        ),
        _c("cost_center", TEXT, "cost centre", "department", "成本中心", "部门", "成本中心名称"),
        _c("category", TEXT, "cost category", "account", "类别", "科目", "费用类别", "费用项目"),
    ),
    key=("period", "cost_center", "category"),
    description="budgets in a separate sheet",
    dedupe_within_sheet=False,
)

AVAILABILITY = Table(
    "availability",
    (
        _c("date", DATE, "day", "日期", required=True),
        _c("service", TEXT, "system", "application", "服务", "系统", required=True),
        _c("planned_minutes", NUMBER, "planned", "scheduled minutes", "计划分钟"),
        _c("downtime_minutes", NUMBER, "downtime", "outage minutes", "停机分钟", required=True),
    ),
    key=("date", "service"),
    description="service availability",
)

# Likelihood and impact: 1-5, or words (Rare ... Almost certain, Insignificant ...
# Catastrophic, 低/中/高, 很低 ... 很高), read by svcops.risk.scale on import.
RISKS = Table(
    "risks",
    (
        _c(
            "risk_id",
            TEXT,
            "id",
            "risk",
            "risk id",
            "risk number",
            "risk no",
            "ref",
            "reference",
            "风险编号",
            "风险编码",
            "风险id",
            required=True,
        ),
        _c(
            "title",
            TEXT,
            "risk title",
            "description",
            "risk description",
            "name",
            "risk name",
            "风险",
            "风险名称",
            "风险描述",
            required=True,
        ),
        _c(
            "likelihood",
            INTEGER,
            "probability",
            "inherent likelihood",
            "likelihood rating",
            "likelihood score",
            "可能性",
            "发生可能性",
            "固有可能性",
            "可能性等级",
            required=True,
        ),
        _c(
            "impact",
            INTEGER,
            "severity",
            "consequence",
            "inherent impact",
            "impact rating",
            "impact score",
            "影响",
            "影响程度",
            "后果",
            "固有影响",
            "影响等级",
            required=True,
        ),
        _c("category", TEXT, "risk category", "risk type", "类别", "风险类别", "风险类型"),
        _c("owner", TEXT, "risk owner", "负责人", "风险负责人", "风险责任人", "责任人"),
        _c(
            "residual_likelihood",
            INTEGER,
            "residual probability",
            "current likelihood",
            "剩余可能性",
            "残余可能性",
            "剩余风险可能性",
        ),
        _c(
            "residual_impact",
            INTEGER,
            "residual severity",
            "current impact",
            "剩余影响",
            "残余影响",
            "剩余风险影响",
        ),
        _c("status", TEXT, "risk status", "状态", "风险状态"),
        _c(
            "mitigation",
            TEXT,
            "action",
            "mitigation plan",
            "treatment",
            "response",
            "应对措施",
            "缓解措施",
            "控制措施",
        ),
        _c(
            "due_date",
            DATE,
            "due",
            "action due",
            "mitigation due",
            "target date",
            "到期日",
            "完成期限",
            "计划完成日期",
        ),
        _c(
            "last_review",
            DATE,
            "reviewed",
            "last reviewed",
            "review date",
            "last review date",
            "上次评审",
            "上次评审日期",
            "评审日期",
        ),
        # The day the risk was entered in the register ("new since the last review").
        _c(
            "raised_on",
            DATE,
            "date raised",
            "raised",
            "identified",
            "date identified",
            "created",
            "登记日期",
            "识别日期",
            "提出日期",
        ),
        # Where the owner wants the risk to end up (the appetite for this risk), 1-5.
        _c("target_likelihood", INTEGER, "target probability", "目标可能性"),
        _c("target_impact", INTEGER, "target severity", "目标影响"),
        # Days between reviews (blank: the page's default, 90).
        _c(
            "review_cycle_days",
            INTEGER,
            "review cycle",
            "review frequency days",
            "review interval",
            "评审周期",
            "评审周期天",
            "复核周期",
        ),
        # Key risk indicators (svcops.risk.indicators keys) that bear on the risk,
        # separated by commas or semicolons.
        _c(
            "indicators",
            TEXT,
            "linked indicators",
            "key risk indicators",
            "kris",
            "kri",
            "关联风险指标",
            "关键风险指标",
            "风险指标",
        ),
    ),
    key=("risk_id",),
    description="risk register",
)

# Thresholds of the key risk indicators (svcops.risk.indicators), edited on the Risk
# page and stored like targets: amber / red in the indicator's unit (a value at or
# past red is red), and how many periods in a row red asks for a review.
KRI_THRESHOLDS = Table(
    "kri_thresholds",
    (
        _c("indicator", TEXT, "kri", "key risk indicator", "风险指标", required=True),
        _c("amber", NUMBER, "amber threshold", "warning", "黄色阈值", "预警值"),
        _c("red", NUMBER, "red threshold", "limit", "红色阈值", "警戒值"),
        _c("periods", INTEGER, "red periods", "连续周期"),
    ),
    key=("indicator",),
    description="key risk indicator thresholds",
)

# Scores a person set on the Risk page (or uploaded): one row per risk and day, the
# newest the risk's current score; the register's own row is its score at last_review.
RISK_HISTORY = Table(
    "risk_history",
    (
        _c("risk_id", TEXT, "risk", "风险编号", required=True),
        _c("changed_on", DATE, "date", "changed", "变更日期", required=True),
        _c("likelihood", INTEGER, "可能性", required=True),
        _c("impact", INTEGER, "影响", required=True),
        _c("residual_likelihood", INTEGER, "剩余可能性"),
        _c("residual_impact", INTEGER, "剩余影响"),
        _c("status", TEXT, "状态"),
        _c("changed_by", TEXT, "by", "reviewer", "评审人"),
        _c("note", TEXT, "comment", "reason", "备注", "说明"),
    ),
    key=("risk_id", "changed_on"),
    description="risk score history",
)

INITIATIVES = Table(
    "initiatives",
    (
        _c(
            "initiative_id",
            TEXT,
            "id",
            "project id",
            "initiative id",
            "idea id",
            "项目编号",
            "创新项目编号",
            required=True,
        ),
        _c(
            "name",
            TEXT,
            "initiative",
            "project",
            "title",
            "initiative name",
            "project name",
            "项目名称",
            "创新项目",
            "项目",
            required=True,
        ),
        _c("stage", TEXT, "phase", "status", "gate", "阶段", "项目阶段", required=True),
        _c("owner", TEXT, "sponsor", "project owner", "负责人"),
        # The day the initiative entered the idea stage (it was logged).
        _c("start_date", DATE, "start", "idea date", "created", "开始日期", "立项日期"),
        # One-off investment (currency), spent at the start of the business case.
        _c(
            "investment", NUMBER, "cost", "capex", "investment amount", "投资", "投资额", unit=MONEY
        ),
        _c(
            "expected_annual_benefit",
            NUMBER,
            "expected benefit",
            "annual benefit",
            "planned benefit",
            "预期收益",
            "预期年收益",
            unit=MONEY,
        ),
        # The benefit the owner reports as realised (typed in, per year).
        _c(
            "realised_benefit",
            NUMBER,
            "realized benefit",
            "claimed benefit",
            "实际收益",
            "已实现收益",
            unit=MONEY,
        ),
        _c("adoption_rate", NUMBER, "adoption", "采用率", unit=SHARE),
        _c("category", TEXT, "类别"),
        # Recurring cost per year once live (licences, support), currency.
        _c(
            "running_cost",
            NUMBER,
            "annual running cost",
            "opex",
            "run cost",
            "运行成本",
            "年运行成本",
            "运营成本",
            unit=MONEY,
        ),
        _c("go_live_date", DATE, "go live", "go-live", "launch date", "上线日期", "上线时间"),
        # The operational KPI the initiative should move, and the tickets it acts on.
        _c("linked_kpi", TEXT, "kpi", "linked metric", "target kpi", "关联指标", "关联KPI"),
        _c("segment_by", TEXT, "segment dimension", "scope dimension", "细分维度", "范围维度"),
        _c("segment", TEXT, "segment value", "scope", "细分", "适用范围"),
        # Money per unit of improvement of the linked KPI, per ticket (or per ticket
        # avoided for volume): e.g. cost of one agent minute, value of a first-contact fix.
        _c(
            "benefit_per_unit",
            NUMBER,
            "value per unit",
            "unit value",
            "单位收益",
            "单位价值",
            unit=MONEY,
        ),
        _c("target_adoption", NUMBER, "adoption target", "目标采用率", unit=SHARE),
        # The channel whose share of the segment's tickets measures adoption.
        _c("adoption_channel", TEXT, "new channel", "采用渠道"),
        # The day the initiative entered each later stage (empty when it never did).
        _c("assessment_date", DATE, "assessment start", "评估日期"),
        _c("pilot_date", DATE, "pilot start", "试点日期"),
        _c("rollout_date", DATE, "rollout start", "推广日期"),
        _c("scaled_date", DATE, "scaled", "规模化日期"),
        _c("stopped_date", DATE, "stopped", "cancelled", "killed", "停止日期", "终止日期"),
    ),
    key=("initiative_id",),
    description="improvement portfolio",
)

_SERVQUAL = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")

SURVEYS = Table(
    "surveys",
    (
        _c("response_id", TEXT, "response", "survey id", "问卷编号"),
        _c("date", DATE, "response date", "submitted", "日期", required=True),
        _c("ticket_id", TEXT, "ticket", "工单编号"),
        _c("csat", NUMBER, "satisfaction", "满意度"),
        _c("nps", NUMBER, "likelihood to recommend", "推荐度"),
        *(_c(f"{d}_{side}", NUMBER) for d in _SERVQUAL for side in ("expectation", "perception")),
    ),
    key=("response_id",),
    description="customer surveys",
)

TARGETS = Table(
    "targets",
    (
        _c("kpi", TEXT, "metric", "指标", required=True),
        _c("target", NUMBER, "goal", "目标", required=True),
        _c("direction", TEXT, "better", "方向"),
        _c("amber_margin", NUMBER, "tolerance", "容差"),
        _c("team", TEXT, "团队"),
    ),
    key=("kpi", "team"),
    description="KPI targets",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        TICKETS,
        EVENTS,
        INTERVALS,
        CALLS,
        ROSTER,
        COSTS,
        BUDGET,
        AVAILABILITY,
        RISKS,
        INITIATIVES,
        SURVEYS,
        TARGETS,
        KRI_THRESHOLDS,
        RISK_HISTORY,
    )
}

SERVQUAL_DIMENSIONS = _SERVQUAL

# Resolution targets by priority, used when a ticket carries no sla_hours of its own.
DEFAULT_SLA_POLICY: dict[str, float] = {"P1": 4.0, "P2": 8.0, "P3": 24.0, "P4": 72.0}

_NON_WORD = re.compile(r"[\s_\-./()%:：（）]+")


def normalise_header(text: object) -> str:
    """Fold a header for matching: lower case, no spaces, underscores or punctuation."""
    return _NON_WORD.sub("", str(text).strip().lower())


def alias_index(table: Table) -> dict[str, str]:
    """Normalised header -> canonical column name (canonical names included)."""
    index: dict[str, str] = {}
    for col in table.columns:
        for name in (col.name, *col.aliases):
            index.setdefault(normalise_header(name), col.name)
    return index
