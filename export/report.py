"""The Markdown report: key actors, contact timelines, contested claims, with PNG figures.

Every piece of text from the graph is escaped for Markdown (and so for the
HTML a Markdown viewer renders).

>>> md_escape("<b>*Lecornu*</b> | x")
'&lt;b&gt;\\\\*Lecornu\\\\*&lt;/b&gt; \\\\| x'
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from ..fileio import atomic_write
from ..graph.analysis import balance, contested_claims, iter_events, key_actors, reciprocity, same_side
from ..graph.contacts import human_date, pair_history
from ..graph.network import CONFLICT, COOPERATION, actor_network, pair_network, status_of
from ..records import STATUSES
from .timeline import contact_figure

__all__ = ["write_report", "md_escape", "render_report", "report_files", "save_report", "ReportFiles"]

log = logging.getLogger(__name__)


def md_escape(text: object) -> str:
    """Escape text for Markdown tables and inline HTML."""
    s = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|])", r"\\\1", s).replace("\n", " ")


def _figure_timeline(pairs, G) -> bytes | None:
    fig = contact_figure([pair_history(G, a, b) for a, b in pairs])
    return None if fig is None else _png(fig)


def _figure_balance(G) -> bytes | None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years: dict[str, list[int]] = {}
    for _, _, d in G.edges(data=True):
        if not d.get("date") or status_of(d) != "asserted":
            continue
        y = d["date"][:4]
        coop, conf = years.setdefault(y, [0, 0])
        years[y] = [coop + (d["quad"] in COOPERATION), conf + (d["quad"] in CONFLICT)]
    if not years:
        return None
    ys = sorted(years)
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(ys, [years[y][0] for y in ys], label="cooperation", color="#59a14f")
    ax.bar(ys, [-years[y][1] for y in ys], label="conflict", color="#e15759")
    ax.axhline(0, color="#333", linewidth=0.8)
    ax.set_title("Cooperation (up) and conflict (down) events per year")
    ax.legend()
    fig.tight_layout()
    png = _png(fig)
    plt.close(fig)
    return png


def _pairs(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """Pairs of two sides (never a state and its own official, :func:`same_side`) by their asserted events."""
    P = pair_network(G, statuses=["asserted"])
    return [(u, v, d) for u, v, d in P.edges(data=True) if u != v and not same_side(G, u, v)]


def _contact_pairs(G: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """Pairs with asserted contacts (CONSULT events, what :func:`contact_history` lists), most first."""
    return [(u, v) for u, v, d in sorted(_pairs(G), key=lambda e: (-e[2]["types"].get("CONSULT", 0), e[0], e[1]))
            if d["types"].get("CONSULT")]


def _not_listed(counts: dict[str, int]) -> str:
    """'also 1 claimed, 2 negated (not counted)' for the statuses left out, or ''."""
    rest = [f"{n} {s}" for s, n in counts.items() if n]
    return f"also {', '.join(rest)} (not counted)" if rest else ""


def _evidence(ev: tuple[tuple[str, str], ...]) -> str:
    return f"“{md_escape(ev[0][1])}” ({md_escape(ev[0][0])})" if ev else ""


def render_report(G: nx.MultiDiGraph, figures: dict[str, str]) -> str:
    """The report's Markdown for an actor network; ``figures`` maps figure names to relative paths."""
    lines = ["# newskg report", ""]
    by_status = Counter(status_of(d) for _, _, _, d in iter_events(G))
    lines += [f"{G.number_of_nodes()} actors, {sum(by_status.values())} events: "
              + ", ".join(f"{by_status[s]} {s}" for s in STATUSES) + ".",
              "", "Every count below is of asserted events: claimed and negated ones are said apart.", ""]
    lines += ["## Key actors", "",
              "| actor | kind | country | events | partners | betweenness | community |", "|---|---|---|---|---|---|---|"]
    for k in key_actors(G, top=15):
        lines.append(f"| {md_escape(k.label)} | {k.kind} | {k.country or ''} | {k.events} | {k.partners} | "
                     f"{k.betweenness:.2f} | {k.community} |")
    lines += ["", "## Contact timelines", ""]
    pairs = _contact_pairs(G)
    if "timeline" in figures:
        lines += [f"![Contacts per pair]({figures['timeline']})", ""]
    for u, v in pairs[:10]:
        h = pair_history(G, u, v)
        lines.append(f"### {md_escape(h.a)} – {md_escape(h.b)}")
        lines.append("")
        for c in h.contacts:
            src = ", ".join(c.sources) or "the outlet"
            lines.append(f"- {human_date(c.date) if c.date else 'undated'}: {c.mode or 'contact'} "
                         f"(reports: {', '.join(sorted(c.mention_statuses))}; according to {md_escape(src)}; "
                         f"documents {md_escape(', '.join(c.docs))})")
        for g in h.gaps:
            lines.append(f"- gap: the contact of {md_escape(human_date(g.after.date))} was the {md_escape(g.text)}")
        rest = _not_listed({"claimed": h.claimed, "negated": h.negated})
        if rest:
            lines.append(f"- contacts {rest}")
        lines.append("")
    if not pairs:
        lines += ["No contacts between two actors were found.", ""]
    lines += ["## Relationship balance", "", "| pair | cooperation | conflict | score |", "|---|---|---|---|"]
    for u, v, d in sorted(_pairs(G), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:10]:
        b = balance(G, u, v)
        lines.append(f"| {md_escape(b.a)} – {md_escape(b.b)} | {b.cooperation} | {b.conflict} | {b.score:+.2f} |")
    if "balance" in figures:
        lines += ["", f"![Cooperation and conflict]({figures['balance']})"]
    lines += ["", "## Reciprocity", ""]
    recs = reciprocity(G)
    for r in recs[:15]:
        lines.append(f"- {r.type}: {md_escape(r.a)} → {md_escape(r.b)} {r.a_to_b}, "
                     f"{md_escape(r.b)} → {md_escape(r.a)} {r.b_to_a}{' (returned)' if r.returned else ''}")
    if not recs:
        lines.append("No directed events (accusations, threats, sanctions, ...) between two sides were found.")
    lines += ["", "## Contested claims", ""]
    claims = contested_claims(G)
    for c in claims:
        who = ", ".join(c.claimants) or "the outlet"
        target = f" → {md_escape(c.target)}" if c.target else ""
        lines.append(f"- **{c.claim_type}** {md_escape(c.actor)}{target} "
                     f"({md_escape(human_date(c.date)) if c.date else 'undated'}; {c.status}), "
                     f"according to {md_escape(who)}: {_evidence(c.evidence)}")
        for d in c.denials:
            lines.append(f"  - denied by {md_escape(d.denier)}: {_evidence(d.denial_evidence)}")
    if not claims:
        lines.append("No claims or denials were found.")
    return "\n".join(lines) + "\n"


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """The report of an actor network as files: ``report.md``'s text and its figures (name, PNG bytes)."""

    text: str
    figures: tuple[tuple[str, bytes], ...]


_FIGURES = (("timeline", "contacts.png"), ("balance", "balance.png"))


def report_files(G: nx.MultiDiGraph) -> ReportFiles:
    """The report's text and figures for an actor network (a function of the network alone, so ``build``
    has it made on a Dask worker while the driver writes the other files)."""
    pairs = _contact_pairs(G)[:10]
    pngs = {"timeline": _figure_timeline(pairs, G), "balance": _figure_balance(G)}
    made = [(key, name) for key, name in _FIGURES if pngs[key] is not None]
    text = render_report(G, {key: f"figures/{name}" for key, name in made})
    return ReportFiles(text, tuple((name, pngs[key]) for key, name in made))


def save_report(files: ReportFiles, out_dir: str | Path) -> Path:
    """Write ``report.md`` and its figures (``figures/*.png``) into ``out_dir``, each atomically; return the
    report path."""
    out = Path(out_dir)
    fig_dir = out / "figures"
    fig_dir.mkdir(parents=True, exist_ok=True)
    for name, png in files.figures:
        with atomic_write(fig_dir / name, "wb") as f:
            f.write(png)
    path = out / "report.md"
    with atomic_write(path) as f:
        f.write(files.text)
    return path


def write_report(store, out_dir: str | Path, *, network: nx.MultiDiGraph | None = None) -> Path:
    """Write ``report.md`` and its figures (``figures/*.png``) into ``out_dir``; return the report path.

    ``network`` is the store's :func:`~newskg.graph.network.actor_network` when the caller has it already;
    it is read only.
    """
    return save_report(report_files(actor_network(store) if network is None else network), out_dir)
