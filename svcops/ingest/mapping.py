"""Recognise which canonical table a sheet holds and map its headers onto columns."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import TABLES, Table, alias_index, normalise_header

# Sheet names that say outright which table they hold (template and Chinese names).
SHEET_NAMES: dict[str, str] = {
    **{name: name for name in TABLES},
    "工单": "tickets", "事件": "tickets", "事件日志": "events", "流程日志": "events",
    "话务": "intervals", "时段统计": "intervals", "排班": "roster", "成本": "costs",
    "费用": "costs", "预算": "budget", "可用性": "availability", "风险": "risks",
    "风险登记册": "risks", "改进项目": "initiatives", "创新": "initiatives", "调查": "surveys",
    "满意度调查": "surveys", "目标": "targets",
}


@dataclass(frozen=True)
class Mapping:
    """How one sheet maps onto a table: canonical column -> source header."""

    table: Table
    columns: dict[str, str]

    @property
    def missing_required(self) -> list[str]:
        return [c for c in self.table.required if c not in self.columns]


def map_columns(table: Table, headers: list[str]) -> Mapping:
    index = alias_index(table)
    found: dict[str, str] = {}
    for header in headers:
        canonical = index.get(normalise_header(header))
        if canonical and canonical not in found:
            found[canonical] = header
    return Mapping(table, found)


def classify(sheet_name: str, headers: list[str]) -> Mapping | None:
    """Pick the table a sheet holds: by its name if that is a table's, else by headers.

    A table qualifies on headers only when every required column is present; among
    those the one matching most columns wins. Returns None when nothing fits.
    """
    named = SHEET_NAMES.get(normalise_header(sheet_name))
    if named:
        return map_columns(TABLES[named], headers)
    best: tuple[float, int, Mapping] | None = None
    for table in TABLES.values():
        mapping = map_columns(table, headers)
        if mapping.missing_required:
            continue
        score = (len(mapping.columns) / len(table.columns), len(mapping.columns))
        if best is None or score > best[:2]:
            best = (*score, mapping)
    return best[2] if best else None
