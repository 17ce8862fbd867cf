"""The canvas block as ONE self-contained, printable HTML page.

No external assets and no scripts: the styles are inline, the pictures are
PNG data URIs, each with alt text and the same numbers as a table beside it.
The page is ``templates/learner_page.html.j2``, rendered with autoescape on,
so every piece of learner text is escaped. The title is the learner's name
and the block's (a one-sentence business would make a four-line headline);
the business follows as a paragraph, then when the page was exported. After
the segments: the canvas around the block. On paper each segment (and the
canvas around it) starts a new page; a "Sources" footer names the works
the course draws on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bmc_course.charts import (
    plot_canvas_block,
    plot_cost_vs_revenue,
    table_cost_vs_revenue,
)
from bmc_course.charts.figure_data_uri import figure_data_uri
from bmc_course.formats.submission import Submission
from bmc_course.logic.canvas_block import CanvasBlock, headline, stages_line
from bmc_course.logic.wording import exported_stamp, method_name, money
from bmc_course.model.catalog import Catalog
from bmc_course.reports.html_table import HtmlTable
from bmc_course.reports.templating import render

PAGE_TEMPLATE = "learner_page.html.j2"


@dataclass(frozen=True)
class _Chart:
    src: str  # PNG data URI
    alt: str
    table: HtmlTable | None = None  # the same numbers


def render_html(
    block: CanvasBlock, submission: Submission, catalog: Catalog, *, exported_at: datetime
) -> str:
    """The whole page as a string."""
    names = "; ".join(
        f"{s.segment.name}: {', '.join(s.relationship_names) or 'none'}" for s in block.segments
    )
    cost_chart = None
    if submission.segments:
        cost_chart = _Chart(
            figure_data_uri(plot_cost_vs_revenue(catalog, submission.segments)),
            "Relationship cost against revenue per customer, per segment",
            HtmlTable.from_frame(table_cost_vs_revenue(catalog, submission.segments), number=money),
        )
    return render(
        PAGE_TEMPLATE,
        title=headline(block),
        business=block.business,
        exported=exported_stamp(exported_at),
        findings_line=block.findings_line if block.segments else "",
        block_picture=_Chart(
            figure_data_uri(plot_canvas_block(block, exported_at=exported_at)),
            f"The Customer Relationships block. {block.findings_line} {names}",
        ),
        segments=block.segments,
        stages_line=stages_line,
        method_name=method_name,
        cost_chart=cost_chart,
        quiz_correct=block.quiz_correct,
        quiz_answered=block.quiz_answered,
        around=block.around,
        sources=list(catalog.sources.values()),
    )
