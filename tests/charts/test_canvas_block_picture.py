"""The canvas block picture: a note per segment, learner text drawn literally, an empty block still drawn."""

from __future__ import annotations

from bmc_course import charts
from bmc_course.formats.submission import Submission, submission_from_case
from bmc_course.logic.canvas_block import build_canvas_block
from bmc_course.model.catalog import Catalog
from tests.support.figure_text import gids, texts


def test_canvas_block_picture_has_a_note_per_segment_and_survives_dollar_signs(
    catalog: Catalog,
) -> None:
    submission = submission_from_case(catalog.cases["cleat-maker"])
    submission.learner = "Ada $x$ Lovelace"
    fig = charts.plot_canvas_block(build_canvas_block(submission, catalog))
    assert {"note:athletes", "note:teams-schools-stores"} <= gids(fig)
    fig.savefig(__import__("io").BytesIO(), format="png")  # mathtext would fail on "$x$"
    assert "Ada $x$ Lovelace" in texts(fig).replace("\\$", "$")


def test_empty_submission_still_draws(catalog: Catalog) -> None:
    fig = charts.plot_canvas_block(build_canvas_block(Submission(), catalog))
    assert "No segments yet." in texts(fig)


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
    search = texts(
        charts.plot_canvas_block(
            build_canvas_block(submission_from_case(catalog.cases["search-engine"]), catalog)
        )
    )
    assert "• Personal assistance (0.1%)" in search
    assert "Advertisers" in search.split("paid for by", 1)[1].replace("\n", " ")
