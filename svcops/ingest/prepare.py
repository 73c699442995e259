"""Look at a mapped sheet's values before importing it.

A header can name the right thing and still hold something else ("First response
time (in hrs)" is a duration, not a time). So each mapped column is checked on a
sample of its values; a column whose values do not fit its canonical type is left
unmapped with a note. The same look decides how text dates are written (day- or
month-first, which layouts), how priorities, channels and statuses map onto the
canonical lists, and how a CSAT column maps to 1-5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pyarrow as pa
import pyarrow.compute as pc

from ..i18n import Message, say
from ..risk.scale import SCALE_COLUMNS, SCALE_TABLES, is_three_level, scale_vocab
from ..schema import BOOLEAN, DATE, INTEGER, NUMBER, TIMESTAMP
from .coerce import (
    DURATION_TEXT,
    FRACTION,
    MISSING_MARKERS,
    MONEY_COLUMNS,
    PERCENT,
    PERCENT_SIGN,
    SHARE_COLUMNS,
    currency_name,
    currency_of_values,
    currency_pattern,
    decimal_comma_column,
    duration_unit,
    money_steps,
    number_of,
    spaced_groups_column,
)
from .dates import DateFormatGuess, excel_serial_like, infer_datetime_formats
from .mapping import Mapping
from .values import (
    CsatScale,
    csat_scale,
    guess_source,
    normalise_bool,
    normalise_channel,
    normalise_priority,
    normalise_status,
    priority_scale_hint,
    sla_verdict_words,
)

SAMPLE = 2000
# Below this share of readable values a column is not what its header says.
MIN_READABLE = 0.5
# Columns with more distinct values than this are not a vocabulary (free text).
MAX_VOCABULARY = 2000
# Excel serial numbers of 1950-01-01 and 2099-12-31: a number outside is no date.
_SERIAL_RANGE = (18264, 73415)


@dataclass
class ColumnPlan:
    """What :func:`prepare` decided for one sheet.

    ``mapping``: the mapping with unfit columns removed. ``dates``: canonical column ->
    how its text is written. ``vocab``: canonical column (priority, channel, status) ->
    {raw clean value: canonical value or None}. ``csat``: the CSAT scale, if mapped.
    ``notes``: messages for the import report. ``decimal_comma``: canonical number
    columns whose text writes decimals with a comma; ``spaced_groups``: ... groups
    thousands with spaces. ``currency``: canonical money columns (coerce.MONEY_COLUMNS)
    of text -> the currency their amounts are in (None: no sign or code on any).
    ``shares``: canonical share columns (coerce.SHARE_COLUMNS) -> the scale of their
    plain numbers (coerce.FRACTION, coerce.PERCENT; None: as many of each).
    """

    mapping: Mapping
    dates: dict[str, DateFormatGuess] = field(default_factory=dict)
    vocab: dict[str, dict[str, str | None]] = field(default_factory=dict)
    csat: CsatScale | None = None
    notes: list[Message] = field(default_factory=list)
    decimal_comma: set[str] = field(default_factory=set)  # see decimal_comma_column
    spaced_groups: set[str] = field(default_factory=set)  # see spaced_groups_column
    currency: dict[str, str | None] = field(default_factory=dict)
    shares: dict[str, str | None] = field(default_factory=dict)


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)


def _clean(values: list) -> list[str]:
    out = []
    for v in values:
        if v is None:
            continue
        text = str(v).strip()
        if text.lower() not in MISSING_MARKERS:
            out.append(text)
    return out


def _sample(column: pa.ChunkedArray) -> list:
    return column.drop_null().slice(0, SAMPLE).to_pylist()


def _distinct(column: pa.ChunkedArray) -> list[str] | None:
    values = pc.unique(column.drop_null())
    if len(values) > MAX_VOCABULARY:
        return None
    return _clean(values.to_pylist())


def _readable_share(values: list, target: str, canonical: str = "") -> float:
    """Share of sample values that read as ``target`` (numbers, whole numbers, yes/no;
    an SLA verdict column's words, such as Met / Breached, too)."""
    if not values:
        return 1.0
    verdicts = sla_verdict_words(canonical)
    words = set(verdicts[0] + verdicts[1]) if verdicts else set()
    ok = 0
    unit = duration_unit(canonical)
    for v in values:
        if target == BOOLEAN:
            ok += normalise_bool(v) is not None or str(v).strip().lower() in words
            continue
        if unit and re.fullmatch(DURATION_TEXT, str(v).strip()):
            ok += 1
            continue
        try:
            number = number_of(str(v).strip())
        except ValueError:
            continue
        ok += target != INTEGER or number == round(number)
    return ok / len(values)


def share_scale(values: list) -> str | None:
    """The scale of a share column's plain numbers (no percent sign; 0 and numbers
    outside 0..100 say nothing): coerce.FRACTION when most are at most 1 (or there are
    none), coerce.PERCENT when most are above 1, None when there are as many of each."""
    low = high = 0
    for v in values:
        if isinstance(v, str):
            text = v.strip()
            if text.endswith("%"):
                continue
            try:
                number = number_of(text)
            except ValueError:
                continue
        elif isinstance(v, int | float) and not isinstance(v, bool):
            number = float(v)
        else:
            continue
        low += 0 < number <= 1
        high += 1 < number <= 100
    return FRACTION if low > high or not high else PERCENT if high > low else None


def currency_signs(column: pa.ChunkedArray) -> dict[str, int]:
    """How many amounts of a text column carry each currency sign or code ($, EUR, 元)."""
    trimmed = pc.utf8_trim_whitespace(column)
    if not pc.any(pc.match_substring_regex(trimmed, currency_pattern(None))).as_py():
        return {}
    found = pc.extract_regex(trimmed, currency_of_values())
    pre, post = pc.struct_field(found, "pre"), pc.struct_field(found, "post")
    sign = pc.if_else(pc.not_equal(pre, ""), pre, post)
    counts = pc.value_counts(sign.drop_null())
    return {
        v: int(n)
        for v, n in zip(
            counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
        )
        if v
    }


def _column_currency(
    signs: dict[str, int], source: str, notes: list[Message]
) -> tuple[bool, str | None]:
    """Whether a money column can be read, and the currency its amounts are in, from their
    signs: the one most carry (None when none does). Not when two currencies tie: amounts
    in different currencies are not added up, and neither is the column's more than the
    other's. Notes say which currency was read and how many values in others are set
    aside."""
    by_currency: dict[str, int] = {}
    for sign, n in signs.items():
        by_currency[currency_name(sign)] = by_currency.get(currency_name(sign), 0) + n
    if not by_currency:
        return True, None
    ranked = sorted(by_currency.items(), key=lambda kv: (-kv[1], kv[0]))
    currency, most = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == most:
        tied = sorted(c for c, n in ranked if n == most)
        notes.append(
            say(
                "ingest.note.currency_tie",
                source=source,
                currencies=" & ".join(tied) if len(tied) > 2 else " and ".join(tied),
            )
        )
        return False, None
    shown = ", ".join(sorted(s for s in signs if currency_name(s) == currency))
    if len(ranked) == 1:
        notes.append(say("ingest.note.currency", source=source, currency=currency, signs=shown))
    else:
        notes.append(
            say(
                "ingest.note.currency_mixed",
                source=source,
                currency=currency,
                signs=shown,
                count=sum(n for _, n in ranked[1:]),
                others=", ".join(c for c, _ in ranked[1:]),
            )
        )
    return True, currency


def money_column(column: pa.ChunkedArray, currency: str | None) -> pa.ChunkedArray:
    """A money column's text as its numbers' text (coerce.money_steps): what decides how
    it writes numbers (decimal commas, spaced thousands) and whether it holds numbers."""
    out = pc.utf8_trim_whitespace(column)
    for pattern, replacement in money_steps(currency):
        out = pc.replace_substring_regex(out, pattern, replacement)
    return out


def prepare(data: pa.Table, mapping: Mapping) -> ColumnPlan:
    """Check each mapped column of ``data`` and decide how to read it."""
    kept = dict(mapping.columns)
    plan = ColumnPlan(mapping)
    source_hint = guess_source([c for c in data.column_names if c != "_row"])
    for canonical, source in mapping.columns.items():
        column = data.column(source)
        kind = column.type
        target = mapping.table.column(canonical).type
        if mapping.table.name in SCALE_TABLES and canonical in SCALE_COLUMNS:
            # Likelihood and impact: 1-5 or words (svcops.risk.scale), read in coerce.
            distinct = _distinct(column) if _is_text(kind) else None
            if distinct:
                plan.vocab[canonical] = scale_vocab(distinct)
                if is_three_level(distinct):
                    reason = say("risk.scale.three_level")
                    plan.notes.append(say("ingest.note.column", source=source, reason=reason))
            continue
        if (mapping.table.name, canonical) in SHARE_COLUMNS:
            share = share_scale(_sample(column))
            plan.shares[canonical] = share
            if share != FRACTION:
                key = "ingest.note.share_percent" if share else "ingest.note.share_mixed"
                plan.notes.append(say(key, source=source))
            if _is_text(kind):
                column = pc.replace_substring_regex(
                    pc.utf8_trim_whitespace(column), PERCENT_SIGN, ""
                )
        if target in (TIMESTAMP, DATE):
            if _is_text(kind):
                sample = _clean(_sample(column))
                if sample and excel_serial_like(sample):
                    continue
                guess = infer_datetime_formats(sample)
                if sample and guess.matched_share < MIN_READABLE:
                    del kept[canonical]
                    plan.notes.append(
                        say(
                            "ingest.note.not_dates",
                            source=source,
                            examples=", ".join(guess.unmatched[:3]),
                        )
                    )
                    continue
                plan.dates[canonical] = guess
                if guess.ambiguous or guess.conflict:
                    plan.notes.append(say("ingest.note.column", source=source, reason=guess.reason))
            elif pa.types.is_integer(kind) or pa.types.is_floating(kind):
                numbers = [v for v in _sample(column) if v == v]
                inside = [v for v in numbers if _SERIAL_RANGE[0] <= v <= _SERIAL_RANGE[1]]
                if numbers and len(inside) < MIN_READABLE * len(numbers):
                    del kept[canonical]
                    plan.notes.append(say("ingest.note.numbers_not_dates", source=source))
            elif not (pa.types.is_timestamp(kind) or pa.types.is_date(kind)):
                del kept[canonical]
                plan.notes.append(say("ingest.note.values_not_dates", source=source))
        elif target in (NUMBER, INTEGER, BOOLEAN) and canonical != "csat" and _is_text(kind):
            if (mapping.table.name, canonical) in MONEY_COLUMNS:
                signs = currency_signs(column)
                readable, currency = _column_currency(signs, source, plan.notes)
                if not readable:
                    del kept[canonical]
                    continue
                plan.currency[canonical] = currency
                column = money_column(column, currency)
            sample = _clean(_sample(column))
            if _readable_share(sample, target, canonical) < MIN_READABLE:
                del kept[canonical]
                plan.notes.append(
                    say(
                        "ingest.note.not_yes_no"
                        if target == BOOLEAN
                        else "ingest.note.not_numbers",
                        source=source,
                    )
                )
            elif target != BOOLEAN:
                if decimal_comma_column(column):
                    plan.decimal_comma.add(canonical)
                if spaced_groups_column(column):
                    plan.spaced_groups.add(canonical)
        elif canonical == "csat":
            values = _sample(column)
            scale = csat_scale(values)
            numeric = [v for v in _clean(values) if _readable_share([v], NUMBER) == 1.0]
            if not scale.mappable and len(numeric) >= 0.8 * len(_clean(values)):
                # A stray word among scores is one unreadable cell, not a word scale.
                scale = csat_scale(numeric)
            plan.csat = scale
            if not scale.mappable:
                plan.notes.append(say("ingest.note.csat_raw", source=source, reason=scale.reason))
            elif scale.reason:
                plan.notes.append(say("ingest.note.column", source=source, reason=scale.reason))
        if canonical in ("priority", "channel", "status"):
            distinct = _distinct(column)
            if distinct is None:
                continue
            if canonical == "priority":
                levels = priority_scale_hint(distinct, source_hint)
                plan.vocab[canonical] = {
                    v: normalise_priority(v, levels, source_hint) for v in distinct
                }
                if not levels.certain and levels.reason:
                    plan.notes.append(
                        say("ingest.note.column", source=source, reason=levels.reason)
                    )
            elif canonical == "channel":
                plan.vocab[canonical] = {v: normalise_channel(v, source_hint) for v in distinct}
            else:
                plan.vocab[canonical] = {v: normalise_status(v, source_hint) for v in distinct}
    if kept != mapping.columns:
        plan.mapping = replace(
            mapping,
            columns=kept,
            confidence={k: v for k, v in mapping.confidence.items() if k in kept},
        )
    return plan
