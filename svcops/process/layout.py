"""Where the process map's nodes and edges are drawn: a layered layout, top to bottom.

The start is at the top and the end at the bottom. Edges are followed from the start,
the most frequent first; an edge back to an activity on the path being followed is a
loop (drawn on the right), every other edge points down. An activity's layer is the
longest chain of downward edges from the start, so the most frequent path reads as a
column of ranks; within a layer, activities sit near the ones they come from and lead
to (a few barycentre sweeps). Coordinates are pixels, y growing downward.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .log import END, START

# The widest a map is laid out (pixels); wider layers get narrower boxes.
MAX_WIDTH = 1000
_COLUMN, _ROW, _BOX_H, _GAP = 210, 84, 40, 36
_LOOP_W, _MARGIN, _LANE = 30, 16, 34


@dataclass(frozen=True)
class MapLayout:
    """A drawn map. ``nodes``: ``activity, layer, x, y`` (the box's centre) and
    ``x0, x1, y0, y1`` (its corners). ``paths``: ``source, target, edge`` (a number per
    edge), ``point`` (order along it), ``x, y``: the edge's control points.
    ``arrows``: ``source, target, x, y, angle`` (degrees clockwise from pointing up), one
    per edge at its head. ``labels``: ``source, target, x, y, align``: where an edge's value
    is written, and on which side of that point (``"left"``: the text starts there).
    ``width``, ``height``: the drawing's size in pixels; ``box``: a box's width;
    ``scale``: the size of boxes and gaps against the default (text follows)."""

    nodes: pd.DataFrame
    paths: pd.DataFrame
    arrows: pd.DataFrame
    labels: pd.DataFrame
    width: int
    height: int
    box: int
    scale: float = 1.0


def _order_edges(edges: pd.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True):
        if s != t:
            out.setdefault(s, []).append((-int(n), t))
    return {s: [t for _, t in sorted(v)] for s, v in out.items()}


def _back_edges(nodes: list[str], succ: dict[str, list[str]]) -> tuple[set, list[str]]:
    """Edges closing a loop, found by a depth-first walk from START along the most
    frequent edges first; and the order in which nodes were first reached."""
    back, seen, order = set(), set(), []
    on_path: set[str] = set()
    roots = [START] + [n for n in nodes if n != START]
    for root in roots:
        if root in seen:
            continue
        stack = [(root, iter(succ.get(root, [])))]
        seen.add(root)
        on_path.add(root)
        order.append(root)
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                on_path.discard(node)
            elif nxt in on_path:
                back.add((node, nxt))
            elif nxt not in seen:
                seen.add(nxt)
                on_path.add(nxt)
                order.append(nxt)
                stack.append((nxt, iter(succ.get(nxt, []))))
    return back, order


def _layers(order: list[str], succ: dict[str, list[str]], back: set) -> dict[str, int]:
    """Longest chain of downward edges from the start; the end below everything."""
    down = {s: [t for t in ts if (s, t) not in back] for s, ts in succ.items()}
    indegree = {n: 0 for n in order}
    for ts in down.values():
        for t in ts:
            indegree[t] += 1
    layer = {n: 0 for n in order}
    ready = [n for n in order if indegree[n] == 0]
    while ready:
        node = ready.pop(0)
        for t in down.get(node, []):
            layer[t] = max(layer[t], layer[node] + 1)
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    if END in layer:
        layer[END] = max([v for k, v in layer.items() if k != END], default=0) + 1
    if START in layer:
        layer[START] = 0
    return layer


def _arrange(
    order: list[str], layer: dict[str, int], edges: pd.DataFrame, back: set
) -> dict[str, float]:
    """Position within each layer: barycentre sweeps, weighted by edge frequency,
    starting from the order nodes were reached in; then the main path (from the start,
    the most frequent downward edge each time) is set straight at position 0, with
    the layers it passes over moved to its left."""
    rows: dict[int, list[str]] = {}
    for n in order:
        rows.setdefault(layer[n], []).append(n)
    pos = {}
    for members in rows.values():
        for i, n in enumerate(members):
            pos[n] = i - (len(members) - 1) / 2
    links = [
        (s, t, int(n))
        for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True)
        if s != t and (s, t) not in back
    ]
    for sweep in range(6):
        downward = sweep % 2 == 0
        for depth in sorted(rows, reverse=not downward):
            members = rows[depth]
            keys = {n: (_centre(n, links, pos, downward), pos[n]) for n in members}
            members.sort(key=keys.__getitem__)
            for i, n in enumerate(members):
                pos[n] = i - (len(members) - 1) / 2
    spine = _main_path(links)
    on_spine = {layer[n]: n for n in spine if n in layer}
    lo = min(on_spine, default=0)
    hi = max(on_spine, default=0)
    for depth, members in rows.items():
        main = on_spine.get(depth)
        if main is not None:
            at = members.index(main)
            for i, n in enumerate(members):
                pos[n] = i - at
        elif lo < depth < hi:
            for i, n in enumerate(members):
                pos[n] = i - len(members)
    return pos


def _main_path(links: list[tuple[str, str, int]]) -> list[str]:
    """From the start, the most frequent downward edge each time, to the end."""
    best: dict[str, tuple[int, str]] = {}
    for s, t, n in links:
        if s not in best or (n, t) > best[s]:
            best[s] = (n, t)
    path, at = [START], START
    while at in best and best[at][1] not in path:
        at = best[at][1]
        path.append(at)
    return path


def _centre(
    node: str, links: list[tuple[str, str, int]], pos: dict[str, float], downward: bool
) -> float:
    """The frequency-weighted mean position of a node's neighbours above (``downward``)
    or below it; its own position when it has none."""
    pulls = (
        [(pos[s], w) for s, t, w in links if t == node]
        if downward
        else [(pos[t], w) for s, t, w in links if s == node]
    )
    total = sum(w for _, w in pulls)
    return sum(p * w for p, w in pulls) / total if total else pos[node]


def layout(
    edges: pd.DataFrame,
    nodes: list[str] | None = None,
    *,
    scale: float = 1.0,
    max_width: float = MAX_WIDTH,
) -> MapLayout:
    """Lay out a map from its ``edges`` (``source, target, events``; a
    :class:`~.dfg.ProcessMap`'s, maybe simplified) and the ``nodes`` to show (default:
    every node an edge names). ``scale``: boxes, rows and gaps that much larger (for a
    shared screen); ``max_width``: the widest the drawing may be, in pixels."""
    names = list(
        dict.fromkeys(nodes if nodes is not None else [*edges["source"], *edges["target"]])
    )
    succ = _order_edges(edges)
    back, order = _back_edges(names, succ)
    order += [n for n in names if n not in order]
    layer = _layers(order, succ, back)
    pos = _arrange(order, layer, edges, back)
    # Columns from the leftmost to the rightmost position; loops back up need room too.
    columns = max(pos.values(), default=0) - min(pos.values(), default=0) + 1
    column = min(_COLUMN * scale, 0.85 * max_width / columns)
    box = int(max(column - _GAP * scale, 60))
    row, box_h = _ROW * scale, _BOX_H * scale
    xs = {n: pos[n] * column for n in order}
    left = min(xs.values(), default=0) - box / 2 - _LOOP_W - _MARGIN
    node_rows: list[dict[str, Any]] = []
    for n in order:
        x = xs[n] - left
        y = _MARGIN + box_h / 2 + layer[n] * row
        node_rows.append(
            {
                "activity": n,
                "layer": layer[n],
                "x": x,
                "y": y,
                "x0": x - box / 2,
                "x1": x + box / 2,
                "y0": y - box_h / 2,
                "y1": y + box_h / 2,
            }
        )
    placed = pd.DataFrame(
        node_rows, columns=["activity", "layer", "x", "y", "x0", "x1", "y0", "y1"]
    )
    at = {r["activity"]: r for r in node_rows}
    right_edge = max((r["x1"] for r in node_rows), default=0)
    paths, arrows, labels = _route(
        edges, at, back, layer, box, room=max(max_width - right_edge, 60)
    )
    right = max([r["x1"] for r in node_rows] + [p["x"] for p in paths], default=0)
    width = int(right + _MARGIN + 8)
    height = int(max((r["y1"] for r in node_rows), default=0) + _MARGIN)
    return MapLayout(
        placed,
        pd.DataFrame(paths, columns=["source", "target", "edge", "point", "x", "y"]),
        pd.DataFrame(arrows, columns=["source", "target", "x", "y", "angle"]),
        pd.DataFrame(labels, columns=["source", "target", "x", "y", "align"]),
        width,
        height,
        box,
        scale,
    )


def _spread(
    edges: pd.DataFrame, at: dict, back: set, box: int
) -> dict[tuple[str, str, str], float]:
    """Horizontal offsets of the downward edges leaving (``"out"``) or entering
    (``"in"``) the same box, so their ends do not pile up on one point: in the order of
    the other ends' positions, the one straight above or below at 0."""
    down = [
        (s, t)
        for s, t in zip(edges["source"], edges["target"], strict=True)
        if s != t and (s, t) not in back and s in at and t in at
    ]
    offsets: dict[tuple[str, str, str], float] = {}
    for end, own, other in (("out", 0, 1), ("in", 1, 0)):
        ends: dict[str, list[str]] = {}
        for pair in down:
            ends.setdefault(pair[own], []).append(pair[other])
        for node, others in ends.items():
            others.sort(key=lambda o: (at[o]["x"], o))
            step = min(14.0, (box - 20) / max(len(others), 1))
            straight = [i for i, o in enumerate(others) if at[o]["x"] == at[node]["x"]]
            middle = straight[0] if straight else (len(others) - 1) / 2
            for i, o in enumerate(others):
                offsets[(end, node, o)] = (i - middle) * step
    return offsets


def _route(
    edges: pd.DataFrame, at: dict, back: set, layer: dict, box: int, room: float = float("inf")
):
    """Control points, arrow heads and label places of every edge; loops back up run
    in lanes to the right, as far apart as ``room`` (pixels right of the boxes) allows."""
    paths, arrows, labels = [], [], []
    spread = _spread(edges, at, back, box)
    lanes: dict[int, int] = {}
    loops = sum(
        1
        for s, t in zip(edges["source"], edges["target"], strict=True)
        if (s, t) in back and s != t
    )
    lane_w = max(6.0, min(_LANE, (room - 40) / max(loops, 1)))
    for number, (s, t) in enumerate(zip(edges["source"], edges["target"], strict=True)):
        a, b = at.get(s), at.get(t)
        if a is None or b is None:
            continue
        if s == t:  # a loop on the node's left
            x0, y = a["x0"], a["y"]
            pts = [(x0, y - 8), (x0 - _LOOP_W, y - 16), (x0 - _LOOP_W, y + 16), (x0, y + 8)]
            label = (x0 - _LOOP_W - 3, y, "right")
        elif (s, t) in back and layer[s] - layer[t] == 1 and a["x"] != b["x"]:
            # one row up, between boxes side by side: straight up
            sx, tx = a["x"] + box / 4, b["x"] + box / 4
            pts = [(sx, a["y0"]), ((sx + tx) / 2 + 10, (a["y0"] + b["y1"]) / 2), (tx, b["y1"])]
            label = ((sx + tx) / 2 + 14, (a["y0"] + b["y1"]) / 2, "left")
        elif (s, t) in back:  # a loop back up, on the right of the rows it spans
            lo, hi = sorted((layer[s], layer[t]))
            lane = max(lanes.get(k, 0) for k in range(lo, hi + 1))
            for k in range(lo, hi + 1):
                lanes[k] = lane + 1
            span = [r["x1"] for r in at.values() if lo <= r["layer"] <= hi]
            rx = max(span) + 18 + lane_w * lane
            sy, ty = a["y"] + 6, b["y"] - 6
            pts = [(a["x1"], sy), (rx, sy), (rx, ty), (b["x1"], ty)]
            label = (rx + 3, (sy + ty) / 2, "left")
        else:
            sx = a["x"] + spread.get(("out", s, t), 0)
            tx = b["x"] + spread.get(("in", t, s), 0)
            sy, ty = a["y1"], b["y0"]
            pts = [(sx, sy)]
            blockers = [
                r
                for r in at.values()
                if r["activity"] not in (s, t)
                and layer[s] < r["layer"] < layer[t]
                and r["x0"] - 6 < sx + (tx - sx) * (r["y"] - sy) / max(ty - sy, 1) < r["x1"] + 6
            ]
            if blockers:  # pass beside the boxes in between
                left = tx <= sx
                side = (
                    min(r["x0"] for r in blockers) - 14
                    if left
                    else max(r["x1"] for r in blockers) + 14
                )
                top = min(r["y0"] for r in blockers)
                bottom = max(r["y1"] for r in blockers)
                pts += [(side, top), (side, bottom)]
                label = (
                    (side - 3, (top + bottom) / 2, "right")
                    if left
                    else (side + 3, (top + bottom) / 2, "left")
                )
            else:
                label = ((sx + tx) / 2 + 4, (sy + ty) / 2, "left")
            pts.append((tx, ty))
        for i, (x, y) in enumerate(pts):
            paths.append({"source": s, "target": t, "edge": number, "point": i, "x": x, "y": y})
        (px, py), (hx, hy) = pts[-2], pts[-1]
        angle = math.degrees(math.atan2(hx - px, -(hy - py)))
        length = math.hypot(hx - px, hy - py) or 1.0
        arrows.append(
            {
                "source": s,
                "target": t,
                "x": hx - 5 * (hx - px) / length,
                "y": hy - 5 * (hy - py) / length,
                "angle": angle,
            }
        )
        labels.append({"source": s, "target": t, "x": label[0], "y": label[1], "align": label[2]})
    return paths, arrows, labels


def default_paths(edges: pd.DataFrame, activities: int, most: int = 24) -> int:
    """A path share (percent, a multiple of 5) that keeps a map readable: all paths when
    there are few, else about ``most`` (or twice the activities, if more) of them."""
    wanted = max(most, 2 * activities)
    if len(edges) <= wanted:
        return 100
    return max(5, int(100 * wanted / len(edges)) // 5 * 5)
