"""The canvas block as ONE self-contained, printable HTML page.

No external assets and no scripts: the styles are inline, the pictures are
PNG data URIs, each with alt text and the same numbers as a table beside it.
The page is ``templates/learner_page.html.j2``, rendered with autoescape on,
so every piece of learner text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.charts import (
    plot_canvas_block,
    plot_cost_vs_revenue,
    table_cost_vs_revenue,
)
from bmc_course.charts.figure_data_uri import figure_data_uri
from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import CanvasBlock
from bmc_course.model.catalog import Catalog
from bmc_course.reports.html_table import HtmlTable
from bmc_course.reports.templating import render

PAGE_TEMPLATE = "learner_page.html.j2"


@dataclass(frozen=True)
class _Chart:
    src: str  # PNG data URI
    alt: str
    table: HtmlTable | None = None  # the same numbers


def render_html(block: CanvasBlock, submission: Submission, catalog: Catalog) -> str:
    """The whole page as a string."""
    names = "; ".join(
        f"{s.segment.name}: {', '.join(s.relationship_names) or 'none'}" for s in block.segments
    )
    cost_chart = None
    if submission.segments:
        cost_chart = _Chart(
            figure_data_uri(plot_cost_vs_revenue(catalog, submission.segments)),
            "Relationship cost against revenue per customer, per segment",
            HtmlTable.from_frame(table_cost_vs_revenue(catalog, submission.segments)),
        )
    return render(
        PAGE_TEMPLATE,
        title=f"Customer Relationships — {block.business or 'untitled business'}",
        learner=block.learner,
        block_picture=_Chart(
            figure_data_uri(plot_canvas_block(block)),
            f"The Customer Relationships block. {names}",
        ),
        segments=block.segments,
        cost_chart=cost_chart,
        quiz_correct=block.quiz_correct,
        quiz_answered=block.quiz_answered,
    )
