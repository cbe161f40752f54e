"""Contact timelines as pictures: the report's figure and the data the HTML side panel draws.

Each pair of actors is one row on a shared date axis.  A contact dated to the
day is a dot; one dated to a month or a year is a bar over that period with a
hollow dot in its middle.  The gaps between consecutive contacts are lines
labelled with their length (the longest of each pair in red).  Tick labels
are thinned until none overlaps another.

>>> date_span("2022-10"), date_span("2024-04-03")[1], date_span("2022")[1]
((datetime.date(2022, 10, 1), datetime.date(2022, 11, 1)), datetime.date(2024, 4, 4), datetime.date(2023, 1, 1))
>>> gap_label(3), gap_label(550), gap_label(1300)
('3 d', '18 mo', '3.6 y')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from ..graph.contacts import ContactHistory

__all__ = ["date_span", "gap_label", "timeline_data", "contact_figure", "MODE_COLORS"]

#: Colours of contact modes in the figure and the HTML side panel (None: no mode given).
MODE_COLORS = {"phone": "#4e79a7", "visit": "#f28e2b", "third-party": "#59a14f", "multilateral": "#b07aa1",
               None: "#555555"}
_OTHER_MODE = "#9c755f"


def date_span(d: str) -> tuple[date, date]:
    """The period an ISO date at day, month or year precision stands for: first day, and the day after the last."""
    parts = [int(p) for p in d.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, 1), date(y + m // 12, m % 12 + 1, 1)
    first = date(*parts)
    return first, first + timedelta(days=1)


def gap_label(days: int) -> str:
    """A short length for a gap: days under 45 days, months under two years, else years."""
    if days < 45:
        return f"{days} d"
    if days < 730:
        return f"{round(days / 30.44)} mo"
    return f"{days / 365.25:.1f} y"


def _mid(d: str) -> date:
    a, b = date_span(d)
    return a + (b - a) / 2


def timeline_data(h: ContactHistory) -> dict:
    """A pair's contacts and gaps as plain values for the HTML page (dates as ISO strings)."""
    contacts = []
    for c in h.contacts:
        start, end = date_span(c.date) if c.date else (None, None)
        contacts.append({"date": c.date, "mode": c.mode, "start": start and start.isoformat(),
                         "end": end and end.isoformat(), "statuses": sorted(c.mention_statuses),
                         "event": c.event})
    gaps = [{"from": g.before.date, "to": g.after.date, "days": g.days, "label": gap_label(g.days), "text": g.text}
            for g in h.gaps]
    return {"contacts": contacts, "gaps": gaps}


def _mode_color(mode: str | None) -> str:
    return MODE_COLORS.get(mode, _OTHER_MODE)


def _overlapping(boxes) -> bool:
    boxes = sorted(boxes, key=lambda b: b.x0)
    return any(b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1 for a, b in zip(boxes, boxes[1:]))


def contact_figure(histories: Sequence[ContactHistory], *, width: float = 9.0):
    """A matplotlib Figure of the pairs' contact timelines, or None when no pair has a dated contact."""
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    rows = [h for h in histories if any(c.date for c in h.contacts)]
    if not rows:
        return None
    fig = Figure(figsize=(width, 1.3 + 0.45 * len(rows)), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    spans = [date_span(c.date) for h in rows for c in h.contacts if c.date]
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    pad = max(timedelta(days=20), (hi - lo) * 0.04)
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    modes: set[str | None] = set()
    gap_texts = []
    for y, h in enumerate(rows):
        dated = [c for c in h.contacts if c.date]
        longest = max((g.days for g in h.gaps), default=0)
        for g in h.gaps:
            x0, x1 = _mid(g.before.date), _mid(g.after.date)
            red = g.days == longest
            ax.plot([x0, x1], [y, y], color="#e15759" if red else "#999999", linewidth=1.6 if red else 1.0,
                    linestyle="-", zorder=1, solid_capstyle="butt")
            if g.days:
                gap_texts.append(ax.text(x0 + (x1 - x0) / 2, y - 0.14, gap_label(g.days), ha="center", va="bottom",
                                         fontsize=7.5, color="#b03a3c" if red else "#666666", zorder=3))
        for c in dated:
            start, end = date_span(c.date)
            color = _mode_color(c.mode)
            modes.add(c.mode if c.mode in MODE_COLORS else "other")  # "other" gets the colour of unknown modes
            if len(c.date) == 10:
                ax.plot([_mid(c.date)], [y], "o", color=color, markersize=7, zorder=4)
            else:
                ax.plot([start, end], [y, y], color=color, linewidth=6, alpha=0.35, solid_capstyle="butt", zorder=2)
                ax.plot([_mid(c.date)], [y], "o", markerfacecolor="white", markeredgecolor=color, markersize=7,
                        markeredgewidth=1.6, zorder=4)
        undated = len(h.contacts) - len(dated)
        if undated:
            ax.annotate(f"+{undated} undated", (1, y), xycoords=("axes fraction", "data"), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=7.5, color="#666666")
    ax.set_yticks(range(len(rows)), [f"{h.a} – {h.b}" for h in rows], fontsize=8.5)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title("Contacts (CONSULT events) per pair: dot = day, bar = month or year; gaps labelled", fontsize=9.5)
    handles = [Line2D([], [], marker="o", linestyle="", color=_mode_color(m), label=m or "mode not given")
               for m in sorted(modes, key=lambda m: (m is None, m == "other", m or ""))]
    handles.append(Line2D([], [], color="#e15759", linewidth=1.6, label="longest gap"))
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=8, frameon=False)
    # thin the date ticks until their labels stand apart
    renderer = fig.canvas.get_renderer()
    for maxticks in (9, 7, 5, 4, 3):
        locator = mdates.AutoDateLocator(minticks=2, maxticks=maxticks)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        fig.draw_without_rendering()  # layout and text sizes, without painting (savefig paints once)
        labels = [t.get_window_extent(renderer).expanded(1.15, 1.0) for t in ax.get_xticklabels() if t.get_text()]
        if not _overlapping(labels):
            break
    # a gap label that does not fit beside its neighbours is dropped (the list in the report has it)
    kept = []
    for t in sorted(gap_texts, key=lambda t: -len(t.get_text())):
        box = t.get_window_extent(renderer).expanded(1.1, 1.0)
        if any(box.overlaps(k) for k in kept):
            t.remove()
        else:
            kept.append(box)
    return fig
