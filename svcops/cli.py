"""``python -m svcops``: sample data, imports and KPIs from a scheduler or a shell.

Errors print one line naming the problem to stderr and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from .filters import Filters
from .ingest import IngestError, import_files, openable
from .kpi import KPI_KEYS, compute
from .locking import DEFAULT_WAIT, WorkspaceBusy
from .store import Workspace, default_workspace_path

# The exit status of a command that found the workspace busy for longer than it waits
# (EX_TEMPFAIL: a scheduler may try again later).
EXIT_BUSY = 75
# 128 + SIGPIPE: the status of a command whose output pipe was closed under it.
EXIT_PIPE_CLOSED = 141


def _seconds(text: str) -> float:
    """A number of seconds to wait, 0 or more (``inf``: for good); argparse says so
    otherwise, rather than NaN waiting for good or a negative giving up at once."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds (0 or more): {text!r}")
    return value


class CliError(Exception):
    """A problem to report in one line (exit status 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line too, like every other error (exit status
    2, a usage error); ``--help`` still prints the usage (subcommands' parsers are this
    class as well)."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _workspace(args) -> Path:
    return Path(args.workspace).expanduser() if args.workspace else default_workspace_path()


def _existing_workspace(args) -> Path:
    path = _workspace(args)
    if not path.exists():
        raise CliError(f"{path}: no such workspace (import files into it first)")
    return path


def cmd_sample(args) -> int:
    from .sample import write_sample

    path = write_sample(Path(args.out), seed=args.seed)
    print(f"wrote {path}")
    return 0


def cmd_import(args) -> int:
    from .ingest.progress import Delayed, Printed

    files = openable(args.files)  # a missing file is named before the workspace is opened
    path = _workspace(args)
    # Progress goes to stderr, once the import has taken a second: a bar on a terminal,
    # plain lines when piped; the report below goes to stdout.
    printed = Printed(sys.stderr)

    def waiting() -> None:
        if sys.stderr is None:  # closed (2>&-): print would write to stdout instead
            return
        try:
            print(
                f"{path}: in use by another process; waiting up to {args.wait:g} s", file=sys.stderr
            )
        except OSError:  # a reader gone: the import goes on
            pass

    with Workspace(path, wait=args.wait, on_wait=waiting) as ws:
        shown = Delayed(printed)
        try:
            report = import_files(ws, files, profile=args.profile, progress=shown)
        finally:
            shown.close()
            printed.close()
        for s in report.sheets:
            print(
                f"{s.file} / {s.sheet} -> {s.table}: {s.rows} rows imported, "
                f"{s.rejected} set aside, {s.replaced} replaced (upload {s.upload_id})"
            )
            for note in s.notes:
                print(f"    note: {note}")
        for file, sheet, reason in report.skipped:
            print(f"{file} / {sheet}: skipped, {reason}")
        print(f"workspace: {ws.path}")
    return 0


def _filters(args) -> Filters:
    """The period and dimension options of ``kpis`` and ``process`` as one Filters."""
    try:
        return Filters(
            start=args.start,
            end=args.end,
            teams=tuple(args.team or ()),
            channels=tuple(args.channel or ()),
            categories=tuple(args.category or ()),
            priorities=tuple(args.priority or ()),
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=_day, help="first day, YYYY-MM-DD (default: first in data)")
    p.add_argument("--end", type=_day, help="last day, inclusive (default: last in data)")
    p.add_argument("--team", action="append", help="repeat for several")
    p.add_argument("--channel", action="append")
    p.add_argument("--category", action="append")
    p.add_argument("--priority", action="append")


def cmd_kpis(args) -> int:
    path = _existing_workspace(args)
    filters = _filters(args)
    with Workspace(path) as ws:
        values = compute(ws, filters)
    out = {k: values[k] for k in KPI_KEYS}
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        width = max(map(len, out))
        for k, v in out.items():
            shown = "—" if v is None else (f"{v:,}" if isinstance(v, int) else f"{v:,.4f}")
            print(f"{k:<{width}}  {shown}")
    return 0


def _records(frame) -> list[dict]:
    """Rows as JSON-ready dicts: NaN as null, numpy numbers as Python ones."""
    return json.loads(frame.to_json(orient="records"))


def cmd_process(args) -> int:
    from dataclasses import asdict

    from . import process
    from .i18n import render
    from .tickets import resolve_period

    path = _existing_workspace(args)
    filters = _filters(args)
    clock = process.Clock(
        business=args.business,
        country=args.country if args.business else None,
        skip_waiting=args.skip_waiting,
    )
    with Workspace(path) as ws:
        filters = resolve_period(ws, filters)
        view = process.analyse(ws, filters, clock=clock)
        check = process.little(ws, filters)
    little = {k: v for k, v in asdict(check).items() if k != "message"}
    out: dict[str, Any] = {
        "source": view.source,
        "start": filters.start.isoformat() if filters.start else None,
        "end": filters.end.isoformat() if filters.end else None,
        "cases": view.map.cases,
        "edges": _records(view.map.edges[process.dfg.EDGE_FIGURES]),
        "variants": _records(view.variants.head(args.variants)),
        "little": {**little, "message": render(check.message)},
    }
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{out['cases']:,} tickets created {out['start']} to {out['end']} "
        f"(events from {'the uploaded event log' if view.source == 'events' else 'ticket timestamps'})"
    )
    print("\nedges (most followed first):")
    for e in out["edges"]:
        wait = "" if e["median_hours"] is None else f"  median {e['median_hours']:,.1f} h"
        print(
            f"  {e['source']} -> {e['target']}: {e['events']:,} times, {e['cases']:,} tickets{wait}"
        )
    print("\nvariants:")
    for v in out["variants"]:
        print(f"  #{v['variant']} {v['cases']:,} ({v['share']:.1%}): {v['activities']}")
    print("\n" + out["little"]["message"])
    return 0


def cmd_innovation(args) -> int:
    from dataclasses import asdict

    from . import innovation
    from .i18n import Message, render

    path = _existing_workspace(args)
    filters = _filters(args)
    if (
        not -1 < args.discount_rate < float("inf")
        or not 1 <= args.years <= innovation.MAX_YEARS
        or not 0 <= args.delay <= args.years
        or args.window < innovation.MIN_DAYS
    ):
        raise CliError(
            f"--discount-rate must be a number above -1, --years from 1 to "
            f"{innovation.MAX_YEARS}, --delay from 0 to --years and --window at least "
            f"{innovation.MIN_DAYS}"
        )
    with Workspace(path) as ws:
        cases = innovation.business_cases(ws, args.discount_rate, args.years, args.delay)
        portfolio = innovation.portfolio_case(ws, args.discount_rate, args.years, args.delay)
        effects = innovation.measure_all(ws, filters, args.window)
    measured = {
        r["initiative_id"]: r
        for r in _records(
            effects.drop(columns=["name", "reason"]).assign(
                go_live=effects["go_live"].astype(str).where(effects["go_live"].notna())
            )
        )
    }
    reasons = {
        i: (render(r) if r is not None else None)
        for i, r in zip(effects["initiative_id"], effects["reason"], strict=True)
    }
    rows = []
    for row in _records(cases):
        effect = measured.get(row["initiative_id"])
        if effect is not None:
            effect = {k: v for k, v in effect.items() if k != "initiative_id"}
            effect["reason"] = reasons[row["initiative_id"]]
        rows.append({**row, "measured": effect})
    out: dict[str, Any] = {
        "discount_rate": args.discount_rate,
        "years": args.years,
        "benefit_delay": args.delay,
        "window_days": args.window,
        "sign_convention": "money out negative, in positive; year 0 not discounted",
        "portfolio": asdict(portfolio) if portfolio else None,
        "initiatives": rows,
    }
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(render(Message("innovation.cli.none", {})))
        return 0

    def years(v) -> str:
        return "not reached" if v is None else f"{v:.1f} y"

    print(
        f"discount rate {args.discount_rate:.1%}, {args.years} years, benefit delay "
        f"{args.delay:g} years (money out negative; year 0 not discounted)"
    )
    for r in rows:
        irr = "none" if r["irr"] is None else f"{r['irr']:.1%}"
        roi = "—" if r["roi"] is None else f"{r['roi']:.0%}"
        print(
            f"{r['initiative_id']} {r['name']} [{r['stage']}]: NPV {r['npv']:,.0f}, ROI {roi}, "
            f"IRR {irr}, payback {years(r['payback_years'])}, "
            f"discounted {years(r['discounted_payback_years'])}"
        )
        e = r["measured"]
        if e is not None:
            change = "" if e["change"] is None else f" change {e['change']:+.4g},"
            money = "" if e["realised"] is None else f" measured {e['realised']:,.0f} a year,"
            why = f" ({e['reason']})" if e["reason"] else ""
            print(f"    {e['kpi']}:{change}{money} {e['verdict']}{why}")
    if portfolio is not None:
        irr = "none" if portfolio.irr is None else f"{portfolio.irr:.1%}"
        print(
            f"portfolio (not stopped): NPV {portfolio.npv:,.0f}, IRR {irr}, "
            f"payback {years(portfolio.payback_years)}"
        )
    return 0


def cmd_risk(args) -> int:
    import pandas as pd

    from . import risk
    from .i18n import render
    from .tickets import resolve_period

    path = _existing_workspace(args)
    filters = _filters(args)
    try:
        bands = risk.Bands(args.critical, args.high, args.medium)
    except risk.RiskError as exc:
        raise CliError(str(exc)) from exc
    with Workspace(path) as ws:
        if ws.has_rows("tickets"):
            filters = resolve_period(ws, filters)
        view = risk.analyse(ws, filters, bands, args.appetite, args.since)
    reg = view.register
    register = reg.assign(indicators=reg["indicators"].map(list))[
        [
            "risk_id",
            "title",
            "category",
            "owner",
            "status",
            "closed",
            "likelihood",
            "impact",
            "score",
            "band",
            "residual_likelihood",
            "residual_impact",
            "residual_score",
            "residual_band",
            "target_likelihood",
            "target_impact",
            "target_score",
            "due_date",
            "overdue",
            "days_overdue",
            "last_review",
            "next_review",
            "stale",
            "out_of_appetite",
            "indicators",
            "review",
        ]
    ]
    kris = view.kri.summary.assign(
        note=pd.Series(
            [None if n is None else render(n) for n in view.kri.summary["note"]], dtype=object
        )
    )
    out: dict[str, Any] = {
        "as_of": view.as_of.isoformat(),
        "bands": {"critical": bands.critical, "high": bands.high, "medium": bands.medium},
        "appetite": args.appetite,
        "register": _records(
            register.astype({"due_date": str, "last_review": str, "next_review": str}).replace(
                "None", None
            )
        ),
        "cells": {
            basis: _records(cells[cells["count"] > 0]) for basis, cells in view.cells.items()
        },
        "moves": _records(view.moves),
        "indicators": _records(kris),
        "review_suggested": _records(
            view.suggestions.assign(evidence=[render(m) for m in view.suggestions["evidence"]])
        ),
        "changes_since": view.since.isoformat(),
        "changes": _records(view.changes.astype({"on": str})),
    }
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(
        f"risk register as of {out['as_of']}: {len(reg):,} risks, {int((~reg['closed']).sum()):,} open"
    )
    for r in out["register"]:
        flags = [
            w
            for w, on in (
                ("overdue", r["overdue"]),
                ("review overdue", r["stale"]),
                ("review suggested", r["review"]),
            )
            if on
        ]
        print(
            f"  {r['risk_id']} {r['title']}: {r['score']} {r['band']} -> residual "
            f"{r['residual_score']} {r['residual_band']}"
            + (f" ({', '.join(flags)})" if flags else "")
        )
    print("\nkey risk indicators (latest period):")
    for k in out["indicators"]:
        where = f" [{k['scope']}]" if k["scope"] else ""
        if k["value"] is None:
            print(f"  {k['indicator']}{where}: no value ({k['note'] or 'not measured'})")
            continue
        print(
            f"  {k['indicator']}{where}: {k['value']:,.3g} {k['status']}, "
            f"red {k['red_run']} periods in a row"
        )
    for s in out["review_suggested"]:
        print(f"review suggested: {s['risk_id']} {s['title']}: {s['evidence']}")
    return 0


def cmd_cost(args) -> int:
    from . import cost
    from .i18n import render

    path = _existing_workspace(args)
    filters = _filters(args)
    with Workspace(path) as ws:
        months = cost.months_of(ws, filters)
        if months is None:
            raise CliError(f"{path}: no cost report (import one first)")
        # Unless given, the workspace's own settings (as the Cost page keeps them).
        fy_start = args.fy_start or int(ws.setting("cost.fy_start") or 1)
        currency = args.currency if args.currency is not None else ws.setting("cost.currency")
        lines = cost.variance(ws, filters, ("cost_center", "category"))
        monthly = cost.monthly_budget(ws, filters, fy_start)
        view = cost.outlook(ws, filters, fy_start)
        out: dict[str, Any] = {
            "currency": currency or "",
            "report_currencies": cost.currencies(ws),
            "months": {"first": months.first.isoformat(), "last": months.last.isoformat()},
            "note": render(note) if (note := cost.dimension_note(filters)) else None,
            "breakdown": {
                by: _records(cost.breakdown(ws, filters, by)) for by in cost.BREAKDOWN_BY
            },
            "variance": {
                "total": {
                    "actual": float(lines["actual"].sum()),
                    "budget": float(lines["budget"].sum())
                    if lines["budget"].notna().any()
                    else None,
                    "variance": float(lines["variance"].sum()),
                },
                "lines": _records(lines),
                "by_month": _records(
                    monthly[1].assign(month=monthly[1]["month"].dt.date.astype(str))
                )
                if monthly
                else [],
            },
            "outlook": render(view)
            if not isinstance(view, cost.Outlook)
            else {
                "fiscal_year": [view.fy.first.isoformat(), view.fy.last.isoformat()],
                "as_of": view.as_of.isoformat(),
                "months_elapsed": view.months_elapsed,
                "months_unreported": view.months_unreported,
                "ytd": view.ytd,
                "run_rate": view.run_rate,
                "straight_line": view.straight_line,
                "seasonal": None if view.seasonal != view.seasonal else view.seasonal,
                "seasonal_band": None
                if view.seasonal != view.seasonal
                else [view.seasonal_low, view.seasonal_high],
                "budget": None if view.budget != view.budget else view.budget,
                "budget_months": view.budget_months,
                "projected_over": None if view.over != view.over else view.over,
                "budget_runs_out": view.exhausted_on.isoformat() if view.exhausted_on else None,
                "already_run_out": view.already_exhausted,
            },
        }
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    unit = f" ({currency})" if currency else ""
    print(f"months {out['months']['first'][:7]} to {out['months']['last'][:7]}{unit}")
    if out["note"]:
        print(out["note"])
    if len(out["report_currencies"]) > 1:
        codes = ", ".join(out["report_currencies"])
        print(f"warning: the cost report mixes currencies ({codes}); summed, not converted")
    total = out["variance"]["total"]
    budget = "—" if total["budget"] is None else f"{total['budget']:,.2f}"
    print(f"actual {total['actual']:,.2f}  budget {budget}  over/under {total['variance']:+,.2f}")
    print("largest variances (actual - budget):")
    for row in out["variance"]["lines"][:5]:
        print(
            f"  {row['cost_center']} / {row['category']}: {row['variance']:+,.2f} ({row['status']})"
        )
    o = out["outlook"]
    if isinstance(o, str):
        print(o)
    else:
        runs_out = o["budget_runs_out"] or "lasts the year"
        print(
            f"fiscal year {o['fiscal_year'][0][:7]} to {o['fiscal_year'][1][:7]}: "
            f"spent {o['ytd']:,.2f} in {o['months_elapsed']} months, "
            f"straight line {o['straight_line']:,.2f}, budget runs out: {runs_out}"
        )
    return 0


def cmd_forecast(args) -> int:
    from . import resource

    path = _existing_workspace(args)
    try:
        settings = resource.PlanSettings(horizon_days=args.horizon, country=args.country)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    with Workspace(path, read_only=True) as ws:
        try:
            results = resource.forecast_demand(ws, Filters(end=args.end), settings, by=args.by)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    if args.by:
        out = {name: r.to_dict() for name, r in results.items()}
    else:
        out = results["all"].to_dict()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        from .forecast import describe_accuracy
        from .i18n import render

        for name, r in results.items():
            print(f"{name}: " + render(describe_accuracy(r.backtest)))
            if r.message:  # why Prophet was not tried or not used, as the page says
                print(f"{name}: " + render(r.message))
            for row in r.to_dict()["forecast"]:
                print(
                    f"  {row['date']}  {row['yhat']:8.1f}  "
                    f"({row['yhat_lower']:.1f} - {row['yhat_upper']:.1f})"
                )
    return 0


def cmd_report(args) -> int:
    from .report import PdfError, build_pack, write_pack

    path = _existing_workspace(args)
    filters = _filters(args)
    with Workspace(path, read_only=True) as ws:
        pack = build_pack(ws, filters, args.lang)
    out = Path(args.out).expanduser()
    try:
        paths = write_pack(pack, out, pdf=not args.no_pdf)
    except PdfError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        shown = {
            "start": pack.start.isoformat() if pack.start else None,
            "end": pack.end.isoformat() if pack.end else None,
            "lang": pack.lang,
            "files": {kind: str(p) for kind, p in paths.items()},
            "sections": {s.key: s.missing for s in pack.sections},
        }
        print(json.dumps(shown, indent=2, ensure_ascii=False))
    else:
        for p in paths.values():
            print(p)
    return 0


def cmd_staffing(args) -> int:
    from .staffing import required_agents

    try:
        result = required_agents(
            args.volume,
            args.interval_minutes,
            args.aht_seconds,
            args.service_level,
            args.answer_seconds,
            args.shrinkage,
            args.max_occupancy,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    out = result.to_dict()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        width = max(map(len, out))
        for k, v in out.items():
            print(f"{k:<{width}}  {v:,.4f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return 0


def _json_rows(frame) -> list[dict]:
    """Rows as JSON-ready dicts, times as ISO text (a query's result may hold any type)."""
    return json.loads(
        frame.to_json(orient="records", date_format="iso", double_precision=15, default_handler=str)
    )


def cmd_sql(args) -> int:
    import tempfile

    from . import explorer

    path = _existing_workspace(args)
    with Workspace(path) as ws, tempfile.TemporaryDirectory(prefix="svcops-sql-") as folder:
        result = explorer.run(ws, args.query, folder=folder, limit=args.limit)
    if result.error is not None:
        raise CliError(str(result.error))
    frame = result.frame
    assert frame is not None  # a result without an error has its rows
    if args.json:
        print(
            json.dumps(
                {"rows": _json_rows(frame), "truncated": result.truncated, "limit": result.limit},
                indent=2,
                default=str,
            )
        )
    else:
        print(frame.to_string(index=False) if len(frame.columns) else "")
        if result.truncated:
            print(f"(the first {result.limit:,} rows; the query returned more: --limit N)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m svcops", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("sample", help="write the seeded sample workbook")
    p.add_argument("--out", required=True, help="folder to write svcops_sample.xlsx into")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(run=cmd_sample)

    ws_help = "workspace file (default: $SVCOPS_WORKSPACE, then a per-user file)"
    p = sub.add_parser("import", help="import workbooks/CSV files into a workspace")
    p.add_argument("files", nargs="+")
    p.add_argument("--workspace", help=ws_help)
    p.add_argument("--profile", help="apply this saved mapping profile to every sheet")
    p.add_argument(
        "--wait",
        type=_seconds,
        default=DEFAULT_WAIT,
        help="seconds to wait while another process (the app, another import) is using the "
        f"workspace (default {DEFAULT_WAIT:g}); then exit {EXIT_BUSY} saying it is busy",
    )
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("kpis", help="print the KPI scorecard for a period")
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print JSON (rates as fractions 0-1)")
    p.set_defaults(run=cmd_kpis)

    p = sub.add_parser(
        "process",
        help="the process map's edges, the variants and Little's "
        "law for the tickets created in a period",
    )
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument("--variants", type=int, default=20, help="how many variants (default 20)")
    p.add_argument(
        "--business", action="store_true", help="durations in business hours (weekdays 09:00-17:00)"
    )
    p.add_argument(
        "--country",
        default="US",
        help="with --business: less this country's public holidays (default US)",
    )
    p.add_argument(
        "--skip-waiting",
        action="store_true",
        help="leave out time in waiting states (on hold, pending customer)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (hours, shares 0-1)")
    p.set_defaults(run=cmd_process)

    p = sub.add_parser(
        "innovation",
        help="each initiative's ROI, NPV, IRR and payback, and the benefit measured on its "
        "linked KPI before and after go-live",
    )
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument(
        "--discount-rate", type=float, default=0.08, help="a fraction a year (default 0.08)"
    )
    p.add_argument("--years", type=int, default=5, help="horizon in years (default 5)")
    p.add_argument("--delay", type=float, default=0.0, help="benefit delay in years (default 0)")
    p.add_argument(
        "--window", type=int, default=90, help="days before and after go-live (default 90)"
    )
    p.add_argument("--json", action="store_true", help="print JSON (rates as fractions 0-1)")
    p.set_defaults(run=cmd_innovation)

    p = sub.add_parser(
        "risk",
        help="the risk register with scores and bands, the heat-map cells and each key "
        "risk indicator's value and status",
    )
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument("--critical", type=int, default=20, help="critical from this score (default 20)")
    p.add_argument("--high", type=int, default=12, help="high from this score (default 12)")
    p.add_argument("--medium", type=int, default=6, help="medium from this score (default 6)")
    p.add_argument(
        "--appetite", type=int, default=12, help="residual scores from this are outside appetite"
    )
    p.add_argument(
        "--since", type=_day, help="the last review (default: 30 days before the period's end)"
    )
    p.add_argument("--json", action="store_true", help="print JSON (shares 0-1, hours)")
    p.set_defaults(run=cmd_risk)

    p = sub.add_parser(
        "cost",
        help="cost breakdown, budget variance and the year-end outlook for the whole "
        "months of a period",
    )
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument(
        "--fy-start",
        type=int,
        default=None,
        choices=range(1, 13),
        metavar="MONTH",
        help="first month of the fiscal year, 1-12 (default: the workspace's, else 1)",
    )
    p.add_argument(
        "--currency",
        default=None,
        help="the amounts' currency, a label only (default: the workspace's)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (amounts, shares 0-1)")
    p.set_defaults(run=cmd_cost)

    p = sub.add_parser("forecast", help="forecast daily ticket demand, with its backtest")
    p.add_argument("--workspace", help=ws_help)
    p.add_argument("--horizon", type=int, default=28, help="days ahead (default 28)")
    p.add_argument("--by", choices=["team", "channel"], help="one forecast per team or channel")
    p.add_argument("--country", help="public holidays of this country (ISO code, e.g. US, GB, CN)")
    p.add_argument(
        "--end",
        type=_day,
        help="history up to this day, the forecast from the next (default, and at the latest: "
        "the last day a ticket was created)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_forecast)

    p = sub.add_parser(
        "report",
        help="write the review pack (Excel workbook, HTML report, PDF) of a period to a folder",
    )
    p.add_argument("--workspace", help=ws_help)
    _add_filters(p)
    p.add_argument("--lang", choices=["en", "zh"], default="en", help="the pack's language")
    p.add_argument("--out", required=True, help="folder to write the files into")
    p.add_argument("--no-pdf", action="store_true", help="only the workbook and the HTML")
    p.add_argument("--json", action="store_true", help="print the files and sections as JSON")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("staffing", help="Erlang C agents for one interval")
    p.add_argument("--volume", type=float, required=True, help="contacts offered in the interval")
    p.add_argument("--interval-minutes", type=float, default=30)
    p.add_argument("--aht-seconds", type=float, required=True, help="average handle time")
    p.add_argument("--service-level", type=float, default=0.8, help="target share, e.g. 0.8")
    p.add_argument("--answer-seconds", type=float, default=20, help="answered within, e.g. 20")
    p.add_argument("--shrinkage", type=float, default=0.0, help="share of paid time unavailable")
    p.add_argument("--max-occupancy", type=float, default=1.0, help="cap on agent busy share")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_staffing)

    p = sub.add_parser(
        "sql",
        help="run one read-only SELECT over a snapshot of the workspace (the SQL explorer)",
    )
    p.add_argument("query", help='one SELECT statement, e.g. "SELECT count(*) FROM tickets"')
    p.add_argument("--workspace", help=ws_help)
    p.add_argument("--limit", type=int, default=1000, help="at most this many rows (default 1000)")
    p.add_argument("--json", action="store_true", help="print JSON: rows, truncated, limit")
    p.set_defaults(run=cmd_sql)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe is met here, not in the interpreter's exit
        return code
    except WorkspaceBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except (CliError, IngestError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``svcops sql ... | head``): nothing more is wanted, and
        # there is nobody to tell. What was done is done (an import commits before its
        # summary is printed). Quiet, with the status a shell gives a command ended by a
        # closed pipe; stdout is pointed at nothing so the exit's own flush cannot fail.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except (OSError, duckdb.Error) as exc:
        # e.g. the workspace file is held by a running app, or is not a DuckDB file
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"error: {first}", file=sys.stderr)
        return 1
