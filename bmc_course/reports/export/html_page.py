"""The canvas block as ONE self-contained, printable HTML page.

No external assets and no scripts: the styles are inline, the pictures are
PNG data URIs, each with alt text and the same numbers as a table beside it.
Every piece of learner text goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import io
from html import escape

import pandas as pd
from matplotlib.figure import Figure

from bmc_course.charts import (
    plot_canvas_block,
    plot_cost_vs_revenue,
    table_cost_vs_revenue,
)
from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import CanvasBlock, SegmentBlock
from bmc_course.model.catalog import Catalog

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 18px;
       line-height: 1.5; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; }
.byline { color: #444; margin-top: 0; }
.segment { border: 2px solid #999; border-radius: 8px; padding: 0.5rem 1.2rem; margin: 1rem 0;
           break-inside: avoid; }
.problem { color: #a33a00; font-weight: bold; } .warning { color: #7a5200; font-weight: bold; }
.info { color: #004f80; font-weight: bold; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
.note { color: #555; font-size: 0.85rem; }
@media print { body { font-size: 12pt; max-width: none; } .segment { border-color: #666; } }
"""


def figure_data_uri(fig: Figure, dpi: int = 110) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(fig: Figure, alt: str, table: pd.DataFrame | None = None) -> str:
    rendered = "" if table is None else table.to_html(index=False, escape=True, border=0)
    return (
        f'<figure><img src="{figure_data_uri(fig)}" alt="{escape(alt)}">'
        f"<figcaption>{escape(alt)}</figcaption>{rendered}</figure>"
    )


def _segment(item: SegmentBlock) -> str:

    s = item.segment
    parts = [
        '<section class="segment">',
        f"<h2>{escape(s.name)}</h2>",
        "<ul>",
        f"<li><strong>Segment type:</strong> {escape(item.archetype_name)}</li>",
        f"<li><strong>Customers:</strong> {s.customers:,} · <strong>revenue per customer a "
        f"year:</strong> {s.revenue_per_customer:,.2f} · "
        f"{'validated' if s.validated else 'not yet validated'}</li>",
        "<li><strong>Relationships:</strong> "
        f"{escape(', '.join(item.relationship_names) or 'none chosen yet')}</li>",
        f"<li><strong>Relationship cost (illustrative):</strong> "
        f"{item.cost_per_customer:,.2f} per customer a year</li>",
        f"<li><strong>Lifecycle covered:</strong> {escape(', '.join(item.covered) or 'nothing yet')}</li>",
        "</ul>",
    ]
    if item.findings:
        parts.append("<h3>Findings</h3><ul>")
        parts += [
            f'<li><span class="{f.severity}">{f.severity}</span> {escape(f.message)} '
            f"<em>{escape(f.suggestion)}</em></li>"
            for f in item.findings
        ]
        parts.append("</ul>")
    if item.plan:
        parts.append("<h3>Assumptions to test</h3><ul>")
        parts += [
            f"<li>{escape(a.statement)} — <em>{a.method}</em>: {escape(a.signal)}</li>"
            for a in item.plan
        ]
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html(block: CanvasBlock, submission: Submission, catalog: Catalog) -> str:
    """The whole page as a string."""
    title = f"Customer Relationships — {block.business or 'untitled business'}"
    names = "; ".join(
        f"{s.segment.name}: {', '.join(s.relationship_names) or 'none'}" for s in block.segments
    )
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="byline">{"By " + escape(block.learner) if block.learner else ""}</p>',
        _figure(plot_canvas_block(block), f"The Customer Relationships block. {names}"),
        *(_segment(item) for item in block.segments),
    ]
    if submission.segments:
        body.append(
            _figure(
                plot_cost_vs_revenue(catalog, submission.segments),
                "Relationship cost against revenue per customer, per segment",
                table_cost_vs_revenue(catalog, submission.segments),
            )
        )
    if block.quiz_answered:
        body.append(
            f"<p>Knowledge checks: {block.quiz_correct} of {block.quiz_answered} correct.</p>"
        )
    body.append(
        '<p class="note">Costs and scores are the course\'s illustrative teaching assumptions, '
        "not market data. Made with bmc-course.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
