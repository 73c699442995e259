"""A per-call log (one row per call, as ACD and CDR exports write them) imported as
contact-centre interval statistics.

Every call is kept in ``calls`` (rows that cannot be placed, with no arrival time, go
to the rows set aside with the reason, as for any table); ``intervals`` is derived
from the calls of the same sheet. Each stored call records how it was counted, so any
interval figure can be traced back to its calls:

* ``counted_as``: ``answered`` (its outcome says an agent served it, or, in a log with
  no outcome column, it has an answer time), ``abandoned`` (its outcome says the
  caller hung up, or it has no answer time, after it reached the agents' queue),
  ``not_offered`` (the caller hung up before reaching the queue: in a log with a
  queue-entry column, a call that never entered the queue and was not served, e.g. in
  the voice menu) or ``not_counted`` (any other outcome, e.g. ``PHANTOM``);
* ``interval_start``: the 30-minute interval of the moment the call reached the
  agents: its queue entry; a call served without queueing, its answer; in a log with
  no queue-entry column, its arrival. A call not offered is placed at its arrival;
* ``wait_seconds`` (answered calls): the log's queue duration if it has one, else
  answer time less queue entry (up to :data:`DRIFT_SECONDS` below 0 read as 0: switch
  clocks drift by a second; further below 0, or a moment missing, unknown); 0 for a
  call served without queueing;
* ``handle_seconds`` (answered calls): the log's service duration if it has one,
  else end time less answer time (the same way).

An answered call whose wait is unknown counts as offered and answered, is left out of
the mean wait and is not answered within the threshold.

A queue entry, answer or end at exactly 00:00:00 is read as "did not happen", as ACD
exports write it (the arrival keeps a midnight time).

Per interval and channel ``phone``: ``offered`` = answered + abandoned, ``aht_seconds``
= mean handle seconds of answered calls, ``asa_seconds`` = mean wait of answered
calls, ``service_level`` = calls answered within :data:`ANSWER_SECONDS` / offered.
docs/imports.md states the same.
"""

from __future__ import annotations

from ..schema import TABLES
from .coerce import _q
from .mapping import Mapping

INTERVAL_MINUTES = 30
# The service-level threshold: answered within this many seconds of reaching the queue.
ANSWER_SECONDS = 20
CHANNEL = "phone"
# Two clocks of one switch disagree by this much at most (the bank log: 48 of its 50
# answers "before" their queue entry by 1-3 s).
DRIFT_SECONDS = 5
# Outcome words (matched on the lower-cased value) that say how a call ended.
ANSWERED_WORDS = r"(agent|answer|handled|served|connect|complet|接通|已接|应答|人工)"
ABANDONED_WORDS = r"(hang|abandon|lost|drop|放弃|挂断|未接|呼损)"
_LATER_MOMENTS = ("queued_at", "answered_at", "ended_at")


def _span(seconds: str) -> str:
    """A duration from two clock times: below 0 by up to :data:`DRIFT_SECONDS`, 0 (switch
    clocks drift); further below 0 (answered before it queued, ended before it was
    answered) or a moment missing, unknown (NULL), never 0: a wrong order is not a
    call answered at once."""
    return f"CASE WHEN {seconds} >= -{DRIFT_SECONDS} THEN greatest(0, {seconds}) END"


def is_call_log(mapping: Mapping) -> bool:
    return mapping.table.name == "calls"


def counted_sql(stage: str, mapping: Mapping) -> str:
    """SELECT over the staged calls ``stage`` with the derived columns filled in."""
    has = mapping.columns.__contains__
    col = _q
    if has("outcome"):
        outcome = f"lower(coalesce({col('outcome')}, ''))"
        answered = f"regexp_matches({outcome}, '{ANSWERED_WORDS}')"
        abandoned = f"(NOT {answered} AND regexp_matches({outcome}, '{ABANDONED_WORDS}'))"
    else:
        answered = f"({col('answered_at')} IS NOT NULL)"
        abandoned = f"({col('answered_at')} IS NULL)"
    if has("queued_at"):
        # A call that never queued reached the agents when it was answered (if it was).
        entered = (
            f"coalesce({col('queued_at')}, CASE WHEN {answered} "
            f"THEN coalesce({col('answered_at')}, {col('arrived_at')}) END)"
        )
        queued = f"({col('queued_at')} IS NOT NULL)"
    else:
        entered = col("arrived_at")
        queued = "TRUE"
    counted_as = (
        f"CASE WHEN {answered} THEN 'answered' "
        f"WHEN {abandoned} AND {entered} IS NOT NULL THEN 'abandoned' "
        f"WHEN {abandoned} THEN 'not_offered' ELSE 'not_counted' END"
    )
    between = (
        _span(f"epoch({col('answered_at')} - {entered})")
        if has("answered_at")
        else "CAST(NULL AS DOUBLE)"
    )
    waited = (
        f"CASE WHEN {queued} THEN coalesce({col('queue_seconds')}, {between}) ELSE 0 END"
        if has("queue_seconds")
        else f"CASE WHEN {queued} THEN {between} ELSE 0 END"
    )
    served = (
        _span(f"epoch({col('ended_at')} - {col('answered_at')})")
        if has("ended_at") and has("answered_at")
        else "CAST(NULL AS DOUBLE)"
    )
    if has("service_seconds"):
        served = f"coalesce({col('service_seconds')}, {served})"
    bucket = (
        f"time_bucket(INTERVAL {INTERVAL_MINUTES} MINUTE, coalesce({entered}, {col('arrived_at')}))"
    )
    # The moments after arrival at exactly 00:00:00: "did not happen", as ACD exports
    # write it (a 10-call log has too few to tell a placeholder by its share).
    blanks = ", ".join(
        f"CASE WHEN CAST({col(c)} AS TIME) <> TIME '00:00:00' THEN {col(c)} END AS {col(c)}"
        for c in _LATER_MOMENTS
        if has(c)
    )
    source = f"(SELECT * REPLACE ({blanks}) FROM {stage})" if blanks else stage
    return f"""
    SELECT * REPLACE (
        CAST({bucket} AS TIMESTAMP) AS interval_start,
        {counted_as} AS counted_as,
        CAST(CASE WHEN {answered} THEN {waited} END AS DOUBLE) AS wait_seconds,
        CAST(CASE WHEN {answered} THEN {served} END AS DOUBLE) AS handle_seconds
    ) FROM {source}"""


def intervals_sql(stage: str) -> str:
    """The interval statistics of the half-hours the good calls in ``stage`` (after
    :func:`counted_sql`) count in, as the ``intervals`` table's columns, from every call
    the ``calls`` table holds in them once this sheet's calls are stored (evaluated
    after them): a second log of the same half-hour -- another queue, the rest of the
    day -- adds its calls to the first's instead of replacing its figures. Intervals
    where no call was offered are left out."""
    return aggregate_sql(
        f"interval_start IN (SELECT interval_start FROM {stage} WHERE _reject IS NULL)"
    )


def aggregate_sql(where: str) -> str:
    """The interval statistics of the stored ``calls`` whose rows satisfy ``where``."""
    names = ", ".join(_q(c.name) for c in TABLES["intervals"].columns)
    return f"""
    SELECT {names} FROM (
        SELECT interval_start, '{CHANNEL}' AS channel,
            count(*) FILTER (WHERE counted_as IN ('answered', 'abandoned')) AS offered,
            count(*) FILTER (WHERE counted_as = 'answered') AS answered,
            count(*) FILTER (WHERE counted_as = 'abandoned') AS abandoned,
            avg(handle_seconds) FILTER (WHERE counted_as = 'answered') AS aht_seconds,
            avg(wait_seconds) FILTER (WHERE counted_as = 'answered') AS asa_seconds,
            count(*) FILTER (WHERE counted_as = 'answered' AND wait_seconds <= {ANSWER_SECONDS})
                / count(*) FILTER (WHERE counted_as IN ('answered', 'abandoned'))
                AS service_level
        FROM calls WHERE {where}
        GROUP BY interval_start
        HAVING count(*) FILTER (WHERE counted_as IN ('answered', 'abandoned')) > 0
    )"""
