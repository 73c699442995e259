"""Vocabularies for normalised values: channel, status, priority, CSAT, yes/no.

Each ``normalise_*`` function maps one raw value onto the canonical vocabulary
and returns None when it does not know the value -- the caller keeps the raw
value either way, so an unknown word is shown, never guessed. Matching folds
case, spaces, underscores, hyphens and dots (``Self-service`` = ``self_service``).

To use them in SQL, map the column's distinct raw values in Python (there are
few) and turn the result into a CASE expression with :func:`case_sql`.

Numeric codes (Freshdesk's ``source=3``, ``status=4``, ``priority=4``; ServiceNow's
``state=6``) mean nothing without knowing the system, so they are only read when
the caller passes ``source_hint`` (see :func:`guess_source`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from ..i18n import Message, say

__all__ = [
    "CHANNELS",
    "CHANNEL_SYNONYMS",
    "CSAT_WORDS",
    "CsatScale",
    "FALSE_WORDS",
    "FRESHDESK_SOURCES",
    "FRESHDESK_STATUSES",
    "PRIORITY_WORDS",
    "PriorityScale",
    "SERVICENOW_STATES",
    "SLA_MET_WORDS",
    "SLA_MISSED_WORDS",
    "STATUSES",
    "STATUS_SYNONYMS",
    "TRUE_WORDS",
    "case_sql",
    "csat_scale",
    "csat_score",
    "csat_sql",
    "fold",
    "guess_source",
    "normalise_bool",
    "normalise_channel",
    "normalise_priority",
    "normalise_status",
    "priority_scale_hint",
    "sla_verdict_words",
]

_FOLD = re.compile(r"[\s_\-–—./:()（）]+")
# The same folding as a DuckDB regular expression (RE2 syntax).
_FOLD_SQL = r"[\s_\-–—./:()（）]+"


def fold(text: object) -> str:
    """Lower case without spaces, underscores, hyphens, dots, colons or brackets."""
    return _FOLD.sub("", str(text).strip().lower())


_V = TypeVar("_V")


def _folded(words: Mapping[str, _V]) -> dict[str, _V]:
    return {fold(k): v for k, v in words.items()}


# --------------------------------------------------------------------------- channels

CHANNELS = ("phone", "email", "chat", "messaging", "portal", "social", "walk-in", "system", "other")
"""Canonical channels. ``chat``: live chat or a chat bot on the web/in an app;
``messaging``: asynchronous messaging apps (WhatsApp, WeChat, SMS, LINE);
``portal``: a web or in-app form, self-service portal or feedback widget;
``system``: created by an integration, monitoring alert, API or automation rule;
``other``: a known but uncommon route (forum, fax, post, agent-created)."""

CHANNEL_SYNONYMS: dict[str, str] = _folded(
    {
        # phone
        "phone": "phone",
        "telephone": "phone",
        "tel": "phone",
        "call": "phone",
        "calls": "phone",
        "voice": "phone",
        "ivr": "phone",
        "inbound call": "phone",
        "outbound call": "phone",
        "voicemail": "phone",
        "phone call": "phone",
        "hotline": "phone",
        "callback": "phone",
        "phone call (incoming)": "phone",
        "phone call (outgoing)": "phone",
        "talk": "phone",
        "电话": "phone",
        "热线": "phone",
        "来电": "phone",
        "呼入": "phone",
        "呼出": "phone",
        "400电话": "phone",
        "语音": "phone",
        # email
        "email": "email",
        "e-mail": "email",
        "mail": "email",
        "inbound email": "email",
        "outbound email": "email",
        "forward email": "email",
        "邮件": "email",
        "邮箱": "email",
        "电子邮件": "email",
        # chat (live chat and bots)
        "chat": "chat",
        "live chat": "chat",
        "web chat": "chat",
        "webchat": "chat",
        "virtual agent": "chat",
        "chatbot": "chat",
        "chat bot": "chat",
        "bot": "chat",
        "在线": "chat",
        "在线客服": "chat",
        "在线聊天": "chat",
        "网聊": "chat",
        "聊天": "chat",
        "智能客服": "chat",
        "机器人": "chat",
        # messaging apps
        "messaging": "messaging",
        "native messaging": "messaging",
        "sms": "messaging",
        "text": "messaging",
        "whatsapp": "messaging",
        "wechat": "messaging",
        "line": "messaging",
        "telegram": "messaging",
        "viber": "messaging",
        "kakaotalk": "messaging",
        "messenger": "messaging",
        "短信": "messaging",
        "微信": "messaging",
        "企业微信": "messaging",
        "钉钉": "messaging",
        # portal / web / app forms
        "portal": "portal",
        "web": "portal",
        "web form": "portal",
        "webform": "portal",
        "website": "portal",
        "online": "portal",
        "self-service": "portal",
        "self service": "portal",
        "service portal": "portal",
        "anonymous portal": "portal",
        "help center": "portal",
        "web widget": "portal",
        "widget": "portal",
        "feedback widget": "portal",
        "feedback tab": "portal",
        "mobile": "portal",
        "mobile app": "portal",
        "app": "portal",
        "mobile sdk": "portal",
        "mobihelp": "portal",
        "门户": "portal",
        "网页": "portal",
        "网站": "portal",
        "自助": "portal",
        "自助服务": "portal",
        "app端": "portal",
        "小程序": "portal",
        "工单系统": "portal",
        # social media
        "social": "social",
        "social media": "social",
        "twitter": "social",
        "facebook": "social",
        "facebook post": "social",
        "facebook message": "social",
        "twitter dm": "social",
        "instagram": "social",
        "instagram dm": "social",
        "weibo": "social",
        "微博": "social",
        "社交媒体": "social",
        "抖音": "social",
        # in person
        "walk-in": "walk-in",
        "walkin": "walk-in",
        "walk up": "walk-in",
        "in person": "walk-in",
        "counter": "walk-in",
        "现场": "walk-in",
        "到访": "walk-in",
        "柜台": "walk-in",
        "上门": "walk-in",
        # system-created
        "api": "system",
        "web service": "system",
        "web service (api)": "system",
        "integration": "system",
        "monitoring": "system",
        "alert": "system",
        "event": "system",
        "rule": "system",
        "automation": "system",
        "trigger": "system",
        "system": "system",
        "ecommerce": "system",
        "系统": "system",
        "监控": "system",
        "告警": "system",
        # other known routes
        "other": "other",
        "forum": "other",
        "community": "other",
        "fax": "other",
        "letter": "other",
        "post": "other",
        "jira": "other",
        "agent": "other",
        "closed ticket": "other",
        "follow-up": "other",
        "其他": "other",
        "其它": "other",
    }
)
# Deliberately absent: "Direct opening" (ServiceNow, meaning unclear), "UNKNOWN" (NYC 311):
# both stay raw with no canonical channel.

# Freshdesk ``source`` codes (API v2 documents 1, 2, 3, 7, 9, 10; 4-6, 8, 11, 12 are
# older or plan-specific codes seen in Freshdesk's own source constants).
FRESHDESK_SOURCES: dict[int, str] = {
    1: "email",
    2: "portal",
    3: "phone",
    4: "other",
    5: "social",
    6: "social",
    7: "chat",
    8: "portal",
    9: "portal",
    10: "email",
    11: "system",
    12: "chat",
}


def _code(text: str) -> int | None:
    t = text.strip()
    if re.fullmatch(r"\d+(\.0+)?", t):
        return int(float(t))
    return None


def normalise_channel(text: object, source_hint: str | None = None) -> str | None:
    """Canonical channel (one of CHANNELS) for a raw value, or None when unknown.

    Bare numbers are read only with ``source_hint='freshdesk'`` (its ``source`` codes).
    """
    if text is None:
        return None
    raw = str(text)
    if source_hint == "freshdesk" and (code := _code(raw)) is not None:
        return FRESHDESK_SOURCES.get(code)
    return CHANNEL_SYNONYMS.get(fold(raw))


# --------------------------------------------------------------------------- statuses

STATUSES = ("new", "open", "in_progress", "pending", "resolved", "closed", "cancelled")
"""Canonical statuses. ``new``: logged, not yet taken up; ``open``: assigned or queued
for an agent; ``in_progress``: being worked; ``pending``: waiting on the customer, a
vendor, a change or a problem (on hold); ``resolved``: a solution given; ``closed``:
finished for good; ``cancelled``: withdrawn. Open backlog = new..pending."""

STATUS_SYNONYMS: dict[str, str] = _folded(
    {
        # new
        "new": "new",
        "submitted": "new",
        "logged": "new",
        "received": "new",
        "unassigned": "new",
        "awaiting assignment": "new",
        "queued": "new",
        "draft": "new",
        "triage": "new",
        "新建": "new",
        "新": "new",
        "新增": "new",
        "待受理": "new",
        "待处理": "new",
        "待分配": "new",
        "待分派": "new",
        "未分配": "new",
        "已提交": "new",
        "待响应": "new",
        # open
        "open": "open",
        "opened": "open",
        "assigned": "open",
        "accepted": "open",
        "acknowledged": "open",
        "reopened": "open",
        "re-opened": "open",
        "waiting for support": "open",
        "to do": "open",
        "todo": "open",
        "backlog": "open",
        "打开": "open",
        "开启": "open",
        "已分配": "open",
        "已分派": "open",
        "已受理": "open",
        "重新打开": "open",
        "重开": "open",
        "待办": "open",
        # in progress
        "in progress": "in_progress",
        "work in progress": "in_progress",
        "wip": "in_progress",
        "active": "in_progress",
        "working": "in_progress",
        "started": "in_progress",
        "escalated": "in_progress",
        "in call": "in_progress",
        "investigating": "in_progress",
        "under investigation": "in_progress",
        "处理中": "in_progress",
        "进行中": "in_progress",
        "跟进中": "in_progress",
        "已升级": "in_progress",
        "升级": "in_progress",
        # pending / on hold
        "pending": "pending",
        "on hold": "pending",
        "hold": "pending",
        "onhold": "pending",
        "waiting for customer": "pending",
        "waiting on customer": "pending",
        "waiting on third party": "pending",
        "awaiting user info": "pending",
        "awaiting caller": "pending",
        "awaiting customer": "pending",
        "awaiting problem": "pending",
        "awaiting vendor": "pending",
        "awaiting change": "pending",
        "awaiting evidence": "pending",
        "wait": "pending",
        "wait - user": "pending",
        "wait - customer": "pending",
        "wait - vendor": "pending",
        "wait - implementation": "pending",
        "waiting": "pending",
        "suspended": "pending",
        "deferred": "pending",
        "挂起": "pending",
        "暂停": "pending",
        "等待": "pending",
        "等待客户": "pending",
        "等待用户": "pending",
        "等待反馈": "pending",
        "待反馈": "pending",
        "待确认": "pending",
        "待客户确认": "pending",
        "待审批": "pending",
        "审批中": "pending",
        # resolved
        "resolved": "resolved",
        "solved": "resolved",
        "fixed": "resolved",
        "completed": "resolved",
        "complete": "resolved",
        "已解决": "resolved",
        "已处理": "resolved",
        "已完成": "resolved",
        "已修复": "resolved",
        "解决": "resolved",
        "完成": "resolved",
        # closed
        "closed": "closed",
        "done": "closed",
        "closed complete": "closed",
        "closed - resolved": "closed",
        "closed incomplete": "closed",
        "closed skipped": "closed",
        "archived": "closed",
        "已关闭": "closed",
        "关闭": "closed",
        "已结案": "closed",
        "结案": "closed",
        "已归档": "closed",
        "归档": "closed",
        # cancelled
        "cancelled": "cancelled",
        "canceled": "cancelled",
        "cancel": "cancelled",
        "closed - cancelled": "cancelled",
        "closed - canceled": "cancelled",
        "withdrawn": "cancelled",
        "declined": "cancelled",
        "won't do": "cancelled",
        "已取消": "cancelled",
        "取消": "cancelled",
        "作废": "cancelled",
        "已作废": "cancelled",
        "撤销": "cancelled",
        "已撤销": "cancelled",
        "已撤回": "cancelled",
    }
)
# Deliberately absent: "deleted" (Zendesk), "unmatched" (BPI 2013), "-100" (UCI ServiceNow),
# "duplicate"/"invalid" (closure reasons, not states).

FRESHDESK_STATUSES: dict[int, str] = {
    2: "open",
    3: "pending",
    4: "resolved",
    5: "closed",
    6: "pending",
    7: "pending",
}
# ServiceNow incident ``state`` choice values.
SERVICENOW_STATES: dict[int, str] = {
    1: "new",
    2: "in_progress",
    3: "pending",
    6: "resolved",
    7: "closed",
    8: "cancelled",
}

_LEADING_CODE = re.compile(r"^\s*\d+\s*[-.:)]\s*")


def normalise_status(text: object, source_hint: str | None = None) -> str | None:
    """Canonical status (one of STATUSES) for a raw value, or None when unknown.

    Tries the word list, then the word after a numeric prefix (``6 - Resolved``), then
    prefixes (``Awaiting …``/``Waiting on …`` = pending, ``Closed …`` = closed unless it
    says cancelled). Bare numbers are read only with ``source_hint`` ``'freshdesk'`` or
    ``'servicenow'``.
    """
    if text is None:
        return None
    raw = str(text)
    code = _code(raw)
    if code is not None:
        table = {"freshdesk": FRESHDESK_STATUSES, "servicenow": SERVICENOW_STATES}
        return table.get(source_hint or "", {}).get(code)
    for candidate in (raw, _LEADING_CODE.sub("", raw)):
        hit = STATUS_SYNONYMS.get(fold(candidate))
        if hit:
            return hit
    key = fold(_LEADING_CODE.sub("", raw))
    if "cancel" in key or key.startswith(("取消", "已取消")):
        return "cancelled"
    if key.startswith("closed"):
        return "closed"
    if key.startswith(("resolved", "solved")):
        return "resolved"
    if key.startswith(("awaiting", "wait", "onhold", "pending", "等待")):
        return "pending"
    return None


# --------------------------------------------------------------------------- priority

PRIORITY_WORDS: dict[str, str] = {
    # P1
    "critical": "P1",
    "urgent": "P1",
    "highest": "P1",
    "blocker": "P1",
    "emergency": "P1",
    "very high": "P1",
    "紧急": "P1",
    "特急": "P1",
    "非常紧急": "P1",
    "最高": "P1",
    "非常高": "P1",
    "严重": "P1",
    "致命": "P1",
    # P2
    "high": "P2",
    "major": "P2",
    "important": "P2",
    "高": "P2",
    "重要": "P2",
    "较高": "P2",
    # P3
    "medium": "P3",
    "normal": "P3",
    "moderate": "P3",
    "standard": "P3",
    "中": "P3",
    "中等": "P3",
    "普通": "P3",
    "一般": "P3",
    "正常": "P3",
    # P4 (ServiceNow "5 - Planning" folds into P4: the contract has four levels)
    "low": "P4",
    "lowest": "P4",
    "very low": "P4",
    "minor": "P4",
    "trivial": "P4",
    "planning": "P4",
    "低": "P4",
    "较低": "P4",
    "最低": "P4",
    "不紧急": "P4",
}
"""Priority words (lower case, as in coerce.PRIORITY_WORDS) -> P1..P4.
ServiceNow 1 Critical/2 High/3 Moderate/4 Low/5 Planning -> P1..P4, P4;
Zendesk urgent/high/normal/low -> P1..P4; Jira Highest/High/Medium/Low/Lowest ->
P1, P2, P3, P4, P4; Freshdesk Urgent/High/Medium/Low -> P1..P4."""

# Jira's old scheme (Blocker, Critical, Major, Minor, Trivial) became Highest, High,
# Medium, Low, Lowest; with source_hint="jira" its Critical and Major follow that.
_JIRA_WORDS = {"critical": "P2", "major": "P3"}

_PRIORITY_NUMBER = re.compile(
    r"^\s*(?:p|priority|prio|sev|severity|s)?\s*[-:#]?\s*(\d+)(?:\.0+)?\s*(?:[-.:)]\s*(.*))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PriorityScale:
    """How a priority column's numbers run.

    ``descending``: a higher number is more urgent (Freshdesk: 1 Low .. 4 Urgent);
    ``top`` is then the most urgent number. ``zero_based``: ``P0``/``0`` is the most
    urgent (P0 -> P1). ``certain``: the values or the source said so; False when
    bare numbers were read the ITIL way (1 = most urgent) by default.
    """

    descending: bool = False
    zero_based: bool = False
    top: int = 4
    certain: bool = False
    reason: Message | None = None


_PRIORITY_FOLDED = _folded(PRIORITY_WORDS)


def _priority_word(text: str, source_hint: str | None) -> str | None:
    key = fold(text)
    if source_hint == "jira" and key in _JIRA_WORDS:
        return _JIRA_WORDS[key]
    return _PRIORITY_FOLDED.get(key)


def normalise_priority(
    text: object, scale: PriorityScale | None = None, source_hint: str | None = None
) -> str | None:
    """P1..P4 for a raw priority, or None when unknown.

    A number decides when there is one (``1``, ``P2``, ``Sev 3``, ``1 - High``,
    ``5 - Planning``), read with ``scale`` -- get it once per column from
    :func:`priority_scale_hint` (default: 1 = most urgent; 5 -> P4; 0 and 6+ unknown).
    As in coerce.priority_expr, ServiceNow's ``1 - High`` urgency is P1, not "High".
    Otherwise the whole text is looked up in PRIORITY_WORDS.
    """
    if text is None:
        return None
    raw = str(text).strip()
    m = _PRIORITY_NUMBER.match(raw)
    if not m:
        return _priority_word(raw, source_hint)
    n = int(m.group(1))
    scale = scale or priority_scale_hint([], source_hint)
    if scale.descending:
        level = scale.top - n + 1
        return f"P{min(level, 4)}" if 1 <= n <= scale.top else None
    level = n + 1 if scale.zero_based else n
    return f"P{min(level, 4)}" if 1 <= level <= 5 else None


def priority_scale_hint(values: Iterable[object], source_hint: str | None = None) -> PriorityScale:
    """Decide how a priority column's numbers run, from its values and the source system.

    Input: the column's (distinct) raw values; ``source_hint`` from :func:`guess_source`.
    Digits alone cannot tell ``4 = Low`` (ServiceNow, ITIL) from ``4 = Urgent`` (Freshdesk
    API exports; its CSV exports carry the words), so: numbers paired with words
    (``1 - Critical``) decide; ``P0`` means zero-based; ``source_hint='freshdesk'``
    means descending 1..4; otherwise 1 = most urgent with ``certain=False``.
    """
    if source_hint == "freshdesk":
        return PriorityScale(
            descending=True, top=4, certain=True, reason=say("ingest.priority.freshdesk")
        )
    pairs: list[tuple[int, int]] = []
    zero = p_form = False
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        m = _PRIORITY_NUMBER.match(str(v))
        if not m:
            continue
        n = int(m.group(1))
        zero = zero or n == 0
        p_form = p_form or str(v).strip().lower().startswith("p")
        word = _priority_word(m.group(2), source_hint) if m.group(2) else None
        if word:
            pairs.append((n, int(word[1])))
    if pairs:
        pairs.sort()
        rising = sum(b[1] > a[1] for a, b in zip(pairs, pairs[1:], strict=False))
        falling = sum(b[1] < a[1] for a, b in zip(pairs, pairs[1:], strict=False))
        if falling > rising:
            return PriorityScale(
                descending=True,
                top=max(n for n, _ in pairs),
                certain=True,
                reason=say("ingest.priority.paired_descending"),
            )
        return PriorityScale(
            zero_based=min(n for n, _ in pairs) == 0,
            certain=True,
            reason=say("ingest.priority.paired_ascending"),
        )
    if zero:
        return PriorityScale(zero_based=True, certain=p_form, reason=say("ingest.priority.zero"))
    if p_form:
        return PriorityScale(certain=True, reason=say("ingest.priority.p_numbers"))
    return PriorityScale(certain=False, reason=say("ingest.priority.itil"))


# --------------------------------------------------------------------------- source system

_SOURCE_MARKERS: dict[str, tuple[str, ...]] = {
    "freshdesk": (
        "frdueby",
        "frescalated",
        "responderid",
        "requesterid",
        "emailconfigid",
        "isescalated",
    ),
    "servicenow": (
        "sysid",
        "syscreatedon",
        "sysupdatedon",
        "sysmodcount",
        "contacttype",
        "assignmentgroup",
        "incidentstate",
        "syscreatedby",
    ),
    "zendesk": (
        "via",
        "viachannel",
        "satisfactionrating",
        "satisfactionscore",
        "submitter",
        "brand",
        "requesterwaittime",
    ),
    "jira": ("issuekey", "issuetype", "reporter", "customerrequesttype", "requesttype"),
}


def guess_source(headers: Iterable[str]) -> str | None:
    """The ticketing system an export most likely came from, by its column names.

    Returns 'freshdesk', 'servicenow', 'zendesk', 'jira' or None; needs two marker
    columns of one system (one is enough for Freshdesk's ``fr_due_by``).
    """
    folded = {fold(h) for h in headers}
    best, hits = None, 0
    for system, markers in _SOURCE_MARKERS.items():
        n = sum(m in folded for m in markers)
        if system == "freshdesk" and "frdueby" in folded:
            n += 1
        if n >= 2 and n > hits:
            best, hits = system, n
    return best


# --------------------------------------------------------------------------- yes / no

TRUE_WORDS = (
    "true",
    "t",
    "yes",
    "y",
    "1",
    "1.0",
    "on",
    "x",
    "checked",
    "✓",
    "✔",
    "是",
    "是的",
    "对",
    "真",
    "有",
)
FALSE_WORDS = (
    "false",
    "f",
    "no",
    "n",
    "0",
    "0.0",
    "off",
    "unchecked",
    "✗",
    "✘",
    "否",
    "不是",
    "不",
    "错",
    "假",
    "没有",
)
"""Lower-case yes/no words (drop-in for coerce's). 无 is deliberately absent: it is a
missing-value marker (SPEC), so it stays empty rather than becoming "no"."""


# An SLA verdict written as a word rather than yes/no ("Met" / "Breached", 达标 / 超时):
# read in the sla_met and sla_breached columns only, each the right way round.
SLA_MET_WORDS = (
    "met",
    "sla met",
    "made",
    "made sla",
    "achieved",
    "within",
    "within sla",
    "within target",
    "in sla",
    "on time",
    "ok",
    "compliant",
    "not breached",
    "达标",
    "已达标",
    "未超时",
    "没有超时",
    "按时",
    "准时",
    "满足",
    "已满足",
    "未违约",
)
SLA_MISSED_WORDS = (
    "breached",
    "breach",
    "sla breached",
    "missed",
    "sla missed",
    "not met",
    "unmet",
    "not made",
    "violated",
    "overdue",
    "late",
    "exceeded",
    "out of sla",
    "outside sla",
    "non-compliant",
    "noncompliant",
    "超时",
    "已超时",
    "未达标",
    "不达标",
    "违约",
    "已违约",
    "逾期",
    "已逾期",
    "超期",
    "未满足",
    "不满足",
)


def sla_verdict_words(canonical: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words read as true and as false in an SLA verdict column (yes/no words and
    the verdict words, which say false in ``sla_breached`` where they say true in
    ``sla_met``); None for any other column."""
    if canonical == "sla_met":
        return TRUE_WORDS + SLA_MET_WORDS, FALSE_WORDS + SLA_MISSED_WORDS
    if canonical == "sla_breached":
        return TRUE_WORDS + SLA_MISSED_WORDS, FALSE_WORDS + SLA_MET_WORDS
    return None


def normalise_bool(text: object) -> bool | None:
    """True/False for a yes/no word (any case), None otherwise."""
    if isinstance(text, bool):
        return text
    if text is None:
        return None
    t = str(text).strip().lower()
    return True if t in TRUE_WORDS else False if t in FALSE_WORDS else None


# --------------------------------------------------------------------------- CSAT

CSAT_WORDS: dict[str, int] = _folded(
    {
        "very satisfied": 5,
        "extremely satisfied": 5,
        "completely satisfied": 5,
        "satisfied": 4,
        "somewhat satisfied": 4,
        "mostly satisfied": 4,
        "neutral": 3,
        "neither satisfied nor dissatisfied": 3,
        "neither": 3,
        "dissatisfied": 2,
        "unsatisfied": 2,
        "somewhat dissatisfied": 2,
        "very dissatisfied": 1,
        "very unsatisfied": 1,
        "extremely dissatisfied": 1,
        "非常满意": 5,
        "很满意": 5,
        "满意": 4,
        "比较满意": 4,
        "基本满意": 3,
        "一般": 3,
        "不满意": 2,
        "不太满意": 2,
        "很不满意": 1,
        "非常不满意": 1,
    }
)
"""Five-point satisfaction words -> 5..1."""

# Excellent..Poor quality scale, used only when the column holds its own words.
_QUALITY_WORDS: dict[str, int] = _folded(
    {
        "excellent": 5,
        "very good": 4,
        "good": 3,
        "fair": 2,
        "poor": 1,
        "very poor": 1,
    }
)
_QUALITY_MARKERS = {"excellent", "verygood", "fair", "poor", "verypoor"}
# Two-point ratings (Zendesk) and "no rating" states: never turned into a 1-5 number.
_BINARY_WORDS = {
    "good",
    "bad",
    "goodwithcomment",
    "badwithcomment",
    "thumbsup",
    "thumbsdown",
    "yes",
    "no",
    "positive",
    "negative",
}
_NO_RATING = {"offered", "unoffered", "notoffered", "notrated", "norating"}

# A score with a decimal point or a decimal comma (4.5, 4,5: a European export).
_CSAT_NUMBER = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(%?)\s*(?:[-:]\s*\D.*)?$")
_CSAT_NUMBER_SQL = r"^\s*([+-]?[0-9]+([.,][0-9]+)?)"


@dataclass(frozen=True)
class CsatScale:
    """How a CSAT column maps to 1-5.

    Numbers: ``score = 1 + 4 * (v - lo) / (hi - lo)`` for lo <= v <= hi, else NULL
    (lo=1, hi=5 is the identity). Words: ``words`` (folded word -> 1..5).
    ``mappable`` False means no score is derived (e.g. Zendesk good/bad); ``reason``
    says why or what was assumed, for the import report.
    """

    mappable: bool
    lo: float | None = None
    hi: float | None = None
    words: dict[str, int] = field(default_factory=dict)
    reason: Message | None = None


def _csat_parse(values: Iterable[object]) -> tuple[list[float], list[float], set[str]]:
    """The column's numbers written without a percent sign, those written with one, and
    its words (folded)."""
    numbers: list[float] = []
    percents: list[float] = []
    words: set[str] = set()
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if isinstance(v, bool):
            words.add("yes" if v else "no")
            continue
        if isinstance(v, int | float):
            numbers.append(float(v))
            continue
        text = str(v).strip()
        if not text:
            continue
        m = _CSAT_NUMBER.match(text)
        if m:
            (percents if m.group(2) else numbers).append(float(m.group(1).replace(",", ".")))
        else:
            words.add(fold(text))
    return numbers, percents, words


def csat_scale(values: Iterable[object]) -> CsatScale:
    """Decide how a CSAT column's values map to 1-5.

    Input: the column's values (numbers, numeric text, ``80%``, ``4 - Satisfied``, words;
    None/blank ignored). Output: a :class:`CsatScale`. Numbers: 1-5 as is; 0-5 (a 0 seen),
    1-7, 1-10, 0-10 (a 0 seen) and percentages 0-100 linearly; other ranges, 0/1 only,
    or shares between 0 and 1 are not mapped. Words: five-point satisfaction words
    (English, Chinese) or Excellent..Poor; two-point ratings (Zendesk good/bad) are
    never mapped -- there is no honest 1-5 number for "good". The scale is the one most
    numbers are on: in a column mostly of numbers up to 10, a stray 44 or 85% is off its
    scale (set aside), not a sign that every 5 in it is 5 percent.
    """
    numbers, percents, words = _csat_parse(values)
    small = [n for n in numbers if n <= 10]
    percent = bool(percents) and len(small) <= (len(numbers) + len(percents)) / 2
    numbers = numbers + percents if percent else numbers
    if len(small) > len(numbers) / 2:
        numbers = small
    words -= _NO_RATING
    word_map: dict[str, int] = {}
    if words:
        if words <= set(CSAT_WORDS):
            word_map = {w: CSAT_WORDS[w] for w in words}
        elif words & _QUALITY_MARKERS and words <= set(_QUALITY_WORDS):
            word_map = {w: _QUALITY_WORDS[w] for w in words}
        elif words <= _BINARY_WORDS:
            return CsatScale(
                False, reason=say("ingest.csat.two_point", words="/".join(sorted(words)))
            )
        else:
            unknown = sorted(words - set(CSAT_WORDS) - set(_QUALITY_WORDS))[:5]
            return CsatScale(
                False,
                reason=say(
                    "ingest.csat.unknown_words", words=", ".join(unknown or sorted(words)[:5])
                ),
            )
    if not numbers:
        if word_map:
            return CsatScale(True, words=word_map, reason=say("ingest.csat.words"))
        return CsatScale(False, reason=say("ingest.csat.none"))
    lo_seen, hi_seen = min(numbers), max(numbers)
    integers = all(n.is_integer() for n in numbers)
    if lo_seen < 0:
        return CsatScale(False, reason=say("ingest.csat.negative", low=lo_seen))
    if percent or hi_seen > 10:
        if hi_seen > 100:
            return CsatScale(False, reason=say("ingest.csat.too_high", high=hi_seen))
        lo, hi, why = 0.0, 100.0, say("ingest.csat.percent")
    elif set(numbers) <= {0.0, 1.0}:
        return CsatScale(False, reason=say("ingest.csat.zero_one"))
    elif hi_seen <= 1 and not integers:
        return CsatScale(False, reason=say("ingest.csat.shares"))
    elif hi_seen <= 5:
        lo, hi = (0.0, 5.0) if lo_seen == 0 else (1.0, 5.0)
        why = say("ingest.csat.as_is" if lo == 1 else "ingest.csat.zero_to_five")
    elif hi_seen <= 7:
        if lo_seen == 0:
            return CsatScale(False, reason=say("ingest.csat.zero_to_seven"))
        lo, hi, why = 1.0, 7.0, say("ingest.csat.seven")
    else:
        lo = 0.0 if lo_seen == 0 else 1.0
        hi, why = 10.0, say("ingest.csat.ten", low=lo)
    if word_map:
        why = say("ingest.csat.and_words", scale=why)
    return CsatScale(True, lo, hi, word_map, why)


def csat_score(value: object, scale: CsatScale) -> float | None:
    """One value on the 1-5 scale (Python twin of :func:`csat_sql`), None if it does not map."""
    if not scale.mappable or value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number: float | None = None if math.isnan(value) else float(value)
    else:
        key = fold(value)
        if key in scale.words:
            return float(scale.words[key])
        m = re.match(_CSAT_NUMBER_SQL, str(value))
        number = float(m.group(1).replace(",", ".")) if m else None
    if number is None or scale.lo is None or scale.hi is None:
        return None
    if not scale.lo <= number <= scale.hi:
        return None
    return 1 + 4 * (number - scale.lo) / (scale.hi - scale.lo)


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def csat_sql(expr_sql: str, scale: CsatScale) -> str:
    """DuckDB expression mapping ``expr_sql`` (clean text or a number) to 1-5 (DOUBLE) or NULL.

    Words are matched folded (as :func:`fold`); numbers are the leading number of the
    text (``4``, ``4.5``, ``4,5``, ``80%``, ``4 - Satisfied``) mapped with the scale's formula.
    """
    if not scale.mappable:
        return "CAST(NULL AS DOUBLE)"
    text = f"CAST({expr_sql} AS VARCHAR)"
    parts = []
    if scale.words:
        folded = f"regexp_replace(lower(trim({text})), {_lit(_FOLD_SQL)}, '', 'g')"
        whens = " ".join(
            f"WHEN {_lit(w)} THEN {float(n)!r}" for w, n in sorted(scale.words.items())
        )
        parts.append(f"CAST(CASE {folded} {whens} END AS DOUBLE)")
    if scale.lo is not None and scale.hi is not None:
        found = f"regexp_extract({text}, {_lit(_CSAT_NUMBER_SQL)}, 1)"
        num = f"TRY_CAST(replace({found}, ',', '.') AS DOUBLE)"
        lo, hi = float(scale.lo), float(scale.hi)
        parts.append(
            f"(CASE WHEN {num} BETWEEN {lo!r} AND {hi!r} "
            f"THEN 1 + 4 * ({num} - {lo!r}) / {hi - lo!r} END)"
        )
    return parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"


def case_sql(text_sql: str, mapping: Mapping[str, str | None]) -> str:
    """``CASE <text_sql> WHEN 'raw' THEN 'canonical' … END`` (VARCHAR; NULL when unmapped).

    Build ``mapping`` from a column's distinct clean values with a ``normalise_*``
    function; raw values mapped to None are left out.
    """
    whens = " ".join(f"WHEN {_lit(k)} THEN {_lit(v)}" for k, v in mapping.items() if v is not None)
    if not whens:
        return "CAST(NULL AS VARCHAR)"
    return f"(CASE {text_sql} {whens} END)"
