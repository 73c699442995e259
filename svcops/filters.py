"""One Filters value for every page, turned into SQL once, and into a URL and back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

# Filter field -> tickets column.
DIMENSIONS: dict[str, str] = {
    "teams": "team",
    "channels": "channel",
    "categories": "category",
    "priorities": "priority",
}

# URL query parameter -> filter field (single letters would be shorter, words are readable).
_URL_KEYS = {
    "team": "teams",
    "channel": "channels",
    "category": "categories",
    "priority": "priorities",
}


@dataclass(frozen=True)
class Filters:
    """The global filters: an inclusive date range and dimension value lists.

    Empty tuples mean "all". ``start``/``end`` of None mean the whole history.
    """

    start: date | None = None
    end: date | None = None
    teams: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")
        for field in DIMENSIONS:
            object.__setattr__(self, field, tuple(sorted(set(getattr(self, field)))))

    @property
    def has_dimensions(self) -> bool:
        return any(getattr(self, f) for f in DIMENSIONS)

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    def span(self) -> tuple[date, date]:
        """First and last day, inclusive; ValueError for an open period."""
        if self.start is None or self.end is None:
            raise ValueError("the period is open; resolve it against the data first")
        return self.start, self.end

    def bounds(self) -> tuple[datetime, datetime]:
        """Half-open timestamp bounds [start 00:00, day after end 00:00)."""
        start, end = self.span()
        return datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())

    def previous(self) -> Filters:
        """The period of equal length just before this one, same dimensions."""
        start, days = self.start, self.days
        if start is None or days is None:
            raise ValueError("an open period has no previous period")
        return replace(self, start=start - timedelta(days=days), end=start - timedelta(days=1))

    def year_ago(self) -> Filters:
        """The same days 52 weeks back (weekdays aligned), same dimensions."""
        start, end = self.span()
        days = timedelta(days=364)  # 52 weeks keeps weekdays aligned
        return replace(self, start=start - days, end=end - days)

    def dims_sql(self, alias: str = "") -> tuple[str, dict[str, object]]:
        """SQL condition and named parameters for the dimension filters."""
        prefix = f"{alias}." if alias else ""
        parts = ["TRUE"]
        params: dict[str, object] = {}
        for field, column in DIMENSIONS.items():
            values = getattr(self, field)
            if values:
                names = [f"{field}_{i}" for i in range(len(values))]
                parts.append(f'{prefix}"{column}" IN ({", ".join("$" + n for n in names)})')
                params.update(zip(names, values, strict=True))
        return " AND ".join(parts), params

    # -- URL ------------------------------------------------------------------------
    def to_query(self) -> dict[str, list[str] | str]:
        """Query parameters for a link that reopens this view."""
        out: dict[str, list[str] | str] = {}
        if self.start:
            out["start"] = self.start.isoformat()
        if self.end:
            out["end"] = self.end.isoformat()
        for key, field in _URL_KEYS.items():
            if getattr(self, field):
                out[key] = list(getattr(self, field))
        return out

    @classmethod
    def from_query(cls, get_all) -> Filters:
        """Build from a ``get_all(key) -> list[str]`` accessor (Streamlit's query_params
        has one); unreadable values are ignored rather than failing the page."""

        def day(key: str) -> date | None:
            values = get_all(key)
            try:
                return date.fromisoformat(values[0]) if values else None
            except ValueError:
                return None

        start, end = day("start"), day("end")
        if start and end and start > end:
            start, end = end, start
        dims = {field: tuple(v for v in get_all(key) if v) for key, field in _URL_KEYS.items()}
        return cls(start=start, end=end, **dims)
