"""The canvas block picture: fit to hand in.

A header with the learner, the whole business (wrapped, never cut off), the time of export and
the findings in one line; a note per segment with its mix (shares), reasons, economics, plan
over time and findings with answers; learner text drawn literally; every line inside its note
and the picture, none over another; an empty block still drawn.
"""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from bmc_course import charts
from bmc_course.charts.canvas_block_picture import text_width, wrap_to_width
from bmc_course.formats.submission import (
    RelationshipShare,
    SegmentChoice,
    Submission,
    submission_from_case,
)
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from tests.support.figure_text import gids, texts
from tests.support.reasons_submission import AUTOMATED_WHY, reasons_submission

WHEN = datetime(2026, 12, 2, 10, 15, tzinfo=UTC)


def one_line(fig: Figure) -> str:
    """The figure's text as one line, wrapped lines joined again, ``\\$`` shown as ``$``."""
    return " ".join(texts(fig).replace("\\$", "$").split())


def test_canvas_block_picture_has_a_note_per_segment_and_survives_dollar_signs(
    catalog: Catalog,
) -> None:
    submission = submission_from_case(catalog.cases["cleat-maker"])
    submission.learner = "Ada $x$ Lovelace"
    fig = charts.plot_canvas_block(build_canvas_block(submission, catalog))
    assert {"note:athletes", "note:teams-schools-stores"} <= gids(fig)
    fig.savefig(io.BytesIO(), format="png")  # mathtext would fail on "$x$"
    assert "By Ada $x$ Lovelace" in one_line(fig)


def test_empty_submission_still_draws(catalog: Catalog) -> None:
    fig = charts.plot_canvas_block(build_canvas_block(Submission(), catalog))
    assert "No segments yet." in texts(fig)
    assert "Untitled business" in texts(fig)


def test_notes_show_each_types_share_and_the_cost_line(catalog: Catalog) -> None:
    cleats = texts(
        charts.plot_canvas_block(
            build_canvas_block(submission_from_case(catalog.cases["cleat-maker"]), catalog)
        )
    )
    # teams, schools and stores: personal assistance for all, self-service for half
    assert "• Personal assistance (all)" in cleats
    assert "• Self-service (50%)" in cleats
    assert "Relationship cost (illustrative):" in cleats
    search = one_line(
        charts.plot_canvas_block(
            build_canvas_block(submission_from_case(catalog.cases["search-engine"]), catalog)
        )
    )
    assert "• Personal assistance (0.1%)" in search
    assert "paid for by Advertisers" in search


def test_the_header_names_the_learner_the_whole_business_the_time_and_the_findings(
    catalog: Catalog,
) -> None:
    submission = reasons_submission(catalog)
    submission.business = "A boot maker " + "that sells through many channels " * 12 + "THE END"
    fig = charts.plot_canvas_block(build_canvas_block(submission, catalog), exported_at=WHEN)
    drawn = one_line(fig)
    assert "By Ada <script>alert('why')</script>" in drawn  # learner text drawn as it is
    assert submission.business in drawn  # wrapped over several lines, nothing cut off
    assert "Exported 2026-12-02 10:15 UTC" in drawn
    assert "Findings: 1 warning (1 answered)." in drawn


def test_every_reason_and_the_findings_with_their_answers_are_drawn(catalog: Catalog) -> None:
    drawn = one_line(
        charts.plot_canvas_block(build_canvas_block(reasons_submission(catalog), catalog))
    )
    assert "Offers: Boots that fit wide feet <script>alert('why')</script>" in drawn
    assert "• Self-service (all) Why: =cmd|' /C calc'!A0 athletes order at night" in drawn
    assert f"• Automated services (all) Why: {AUTOMATED_WHY}" in drawn
    assert "Notes: Most athletes buy once a year & <script>alert('why')</script>" in drawn
    assert (
        "Warning: Human fallback ✓ answered Answered: I accept this because we answer e-mail "
        "within a day"
    ) in drawn
    assert "Answered (Over-serving, no longer raised)" in drawn
    assert (
        "Over time: Launch: Personal assistance; Growth: Personal assistance, Self-service; "
        "Mature market: Self-service, Communities"
    ) in drawn
    assert "No findings." in drawn  # the teams
    assert "_" not in drawn  # no code or id


def test_very_long_learner_text_is_shortened_and_the_footer_says_so(catalog: Catalog) -> None:
    submission = reasons_submission(catalog)
    submission.segments[0].notes = "long " * 500
    drawn = one_line(charts.plot_canvas_block(build_canvas_block(submission, catalog)))
    assert "long long…" in drawn and "long " * 100 not in drawn
    assert "the Markdown and HTML exports hold them in full" in drawn


def _extents(fig: Figure, dpi: int) -> tuple[list[tuple[str, Bbox]], dict[str, Bbox]]:
    fig.set_dpi(dpi)
    renderer = FigureCanvasAgg(fig).get_renderer()
    lines = [
        (str(t.get_gid()), t.get_window_extent(renderer)) for t in fig.findobj(Text) if t.get_text()
    ]
    notes = {
        str(p.get_gid()).removeprefix("note:"): p.get_window_extent(renderer)
        for p in fig.findobj(FancyBboxPatch)
        if str(p.get_gid()).startswith("note:")
    }
    return lines, notes


def test_every_line_stays_inside_its_note_and_the_picture_and_none_overlap(
    catalog: Catalog,
) -> None:
    wide = "WWWWWWWWWW mmmmmmmmmm " * 8  # wide letters and a word longer than a line
    segments = [
        SegmentChoice(
            id=f"s{index}",
            name=f"Segment {index} " + "with a long name " * 3,
            archetype=archetype,
            revenue_per_customer=revenue,
            customers=5_000,
            value_proposition=wide[:300],
            relationships=[
                RelationshipShare(
                    type="self_service", notes="Averyveryverylongwordwithoutspaces" * 4
                ),
                RelationshipShare(
                    type="dedicated_personal_assistance", share=0.05, notes=wide[:300]
                ),
            ],
            notes=wide * 3,
        )
        for index, (archetype, revenue) in enumerate(
            [("mass_market", 30), ("business", 9_000), ("luxury", 2_500.5)]
        )
    ]
    submission = Submission(learner="W" * 200, business="WWW mmm " * 250, segments=segments)
    fig = charts.plot_canvas_block(build_canvas_block(submission, catalog), exported_at=WHEN)
    for dpi in (110, 150):  # the HTML page's picture and the PNG export
        lines, notes = _extents(fig, dpi)
        width, height = fig.bbox.width, fig.bbox.height
        for gid, box in lines:
            assert box.x0 >= 0 and box.x1 <= width, gid
            assert box.y0 >= 0 and box.y1 <= height, gid
            if gid.startswith("text:"):
                note = notes[gid.removeprefix("text:")]
                assert note.x0 < box.x0 and box.x1 < note.x1, (dpi, gid, box, note)
                assert note.y0 < box.y0 and box.y1 < note.y1, (dpi, gid)
        for segment_id in notes:
            column = sorted(
                (box for gid, box in lines if gid == f"text:{segment_id}"), key=lambda b: -b.y0
            )
            assert len(column) > 20
            for upper, lower in itertools.pairwise(column):
                assert lower.y1 <= upper.y0 + 1, (dpi, segment_id, upper, lower)


def test_wrapping_by_measured_width() -> None:
    lines = wrap_to_width("one two three four five six seven", 60, 12, indent="  ")
    assert len(lines) > 1 and all(text_width(line, 12) <= 60 for line in lines)
    assert lines[0] == "one two" and all(line.startswith("  ") for line in lines[1:])
    assert " ".join(" ".join(lines).split()) == "one two three four five six seven"
    # a word wider than the line is broken between characters, nothing lost
    broken = wrap_to_width("x" * 100, 60, 12)
    assert "".join(broken) == "x" * 100 and all(text_width(line, 12) <= 60 for line in broken)
    # bold is wider: fewer characters per line
    normal = wrap_to_width("name " * 40, 300, 12)
    bold = wrap_to_width("name " * 40, 300, 12, weight="bold")
    assert len(bold) > len(normal)
    assert wrap_to_width("", 60, 12) == [""]
