"""The views' base: redraw on the changes a view shows, one-line errors, stop listening when closed."""

from __future__ import annotations

import logging
from typing import ClassVar

import ipywidgets as widgets
import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import InputIssue, SubmissionError
from bmc_course.state.course_state import Change, CourseState
from bmc_course.state.session import CourseSession
from bmc_course.widgets.state_view import (
    EVERY_CHANGE,
    StateView,
    StatusLine,
    ViewGroup,
    close_tree,
    one_line,
)


class Counting(StateView):
    """A view that records the changes it redrew for."""

    def __init__(self, state: CourseState, **kwargs: object) -> None:
        self.seen: list[str] = []
        super().__init__(state, css_class="bmc-counting", **kwargs)  # type: ignore[arg-type]  # any keyword is passed through, as a subclass would

    def refresh(self, change: Change | None = None) -> None:
        super().refresh(change)
        self.seen.append(change.kind if change else "first")


class Everything(Counting):
    REDRAW_ON: ClassVar[frozenset[str]] = EVERY_CHANGE


class Broken(StateView):
    def refresh(self, change: Change | None = None) -> None:
        raise RuntimeError(f"drawing bug on {change}")


def issue(field: str) -> InputIssue:
    return InputIssue("a.json", "segments[0]", field, "a number", "'x' (str)")


def test_one_line_keeps_the_first_line_and_counts_the_rest() -> None:
    assert one_line(ValueError("unknown archetype 'x'\nsecond line")) == "unknown archetype 'x'"
    assert one_line(ValueError("")) == "ValueError"
    assert one_line(SubmissionError([issue("customers")])) == (
        "a.json: segments[0]: customers: expected a number, found 'x' (str)"
    )
    assert one_line(SubmissionError([issue("a"), issue("b")])).endswith(" (and 1 more problem)")
    assert one_line(SubmissionError([issue("a"), issue("b"), issue("c")])).endswith(
        "found 'x' (str) (and 2 more problems)"
    )


def test_status_line_says_each_kind_in_its_box() -> None:
    status = StatusLine()
    assert "bmc-status" in status._dom_classes
    status.ok("Saved")
    assert status.value == '<div class="bmc-message bmc-message-ok">Saved</div>'
    status.info("Pick <one>")
    assert status.value == '<div class="bmc-message bmc-message-info">Pick &lt;one&gt;</div>'
    status.error("No")
    assert status.value == '<div class="bmc-message bmc-message-error" role="alert">No</div>'
    status.clear()
    assert status.value == ""


def test_reporting_turns_a_refused_change_into_one_line() -> None:
    status = StatusLine()
    with status.reporting():
        raise ValueError("give the segment a name\n  (details)")
    assert status.value == (
        '<div class="bmc-message bmc-message-error" role="alert">give the segment a name</div>'
    )
    with status.reporting():
        raise SubmissionError([issue("customers")])
    assert "segments[0]: customers" in status.value
    with pytest.raises(RuntimeError), status.reporting():  # a bug is not a learner's mistake
        raise RuntimeError("bug")


def test_a_view_redraws_only_on_the_changes_it_shows(catalog: Catalog) -> None:
    state = CourseState(catalog)
    view = Counting(state)
    assert (view.redraw_count, view.seen) == (0, [])  # the base draws nothing up front
    state.set_learner("Ada")  # not a segment change
    seg_id = state.add_segment("Teams", "business")
    state.set_relationships(seg_id, ["self_service"])
    assert view.seen == ["segments", "segment"]
    assert view.redraw_count == 2
    everything = Everything(state)
    state.set_learner("Bo")
    assert everything.seen == ["learner"]


def test_the_stylesheet_stays_first_and_can_be_left_out(catalog: Catalog) -> None:
    state = CourseState(catalog)
    styled = Counting(state)
    body = widgets.Label("body")
    styled._set_body(body)
    assert len(styled.children) == 3
    assert "bmc-style" in styled.children[0]._dom_classes
    assert styled.children[1] is styled.save_banner  # empty while saving works
    assert styled.children[2] is body
    plain = Counting(state, with_style=False)
    plain._set_body(body)
    assert plain.children == (plain.save_banner, body)
    assert {"bmc-view", "bmc-counting"} <= set(plain._dom_classes)


def test_a_drawing_bug_is_logged_not_raised(
    catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    state = CourseState(catalog)
    Broken(state, css_class="bmc-broken")
    after = Counting(state)
    with caplog.at_level(logging.ERROR, logger="bmc_course.widgets.state_view"):
        state.add_segment("Teams", "business")  # must not raise, and must reach later views
    assert after.seen == ["segments"]
    assert [r.getMessage() for r in caplog.records] == ["Broken could not redraw"]


def test_a_closed_view_stops_listening_and_closes_its_children(catalog: Catalog) -> None:
    state = CourseState(catalog)
    view = Counting(state)
    label = widgets.Label("x")
    view._set_body(label)
    view.close()
    state.add_segment("Teams", "business")
    assert view.seen == []
    assert label.comm is None  # closed


def test_close_tree_reaches_nested_widgets_and_views(catalog: Catalog) -> None:
    state = CourseState(catalog)
    inner_view = Counting(state)
    leaf = widgets.Label("leaf")
    box = widgets.VBox([widgets.HBox([leaf]), inner_view])
    close_tree([box])
    assert leaf.comm is None and box.comm is None
    state.add_segment("Teams", "business")
    assert inner_view.seen == []  # the view closed itself, so it stopped listening


def test_a_view_group_shows_its_parts_with_the_stylesheet_and_closes_them(
    catalog: Catalog,
) -> None:
    state = CourseState(catalog)
    first, second = Counting(state, with_style=False), Counting(state, with_style=False)
    group = ViewGroup([first, second], css_class="bmc-pair")
    assert group.children[1:] == (first, second)
    assert "bmc-style" in group.children[0]._dom_classes
    assert {"bmc-view", "bmc-pair"} <= set(group._dom_classes)
    group.close()
    state.add_segment("Teams", "business")
    assert first.seen == second.seen == []


def test_a_failed_save_shows_on_every_view_until_saving_works_again(
    session: CourseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bmc_course.widgets.findings_panel import FindingsPanel
    from bmc_course.widgets.segment_picker import SegmentPicker

    views = [FindingsPanel(session.state), SegmentPicker(session.state)]

    def read_only(_path: object, _text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("bmc_course.state.progress_store.atomic_write_text", read_only)
    session.state.set_learner("Ana")
    for view in views:
        assert "could not be saved" in view.save_banner.value
        assert "Permission denied" in view.save_banner.value
        assert view.children[1] is view.save_banner  # first thing under the stylesheet
    monkeypatch.undo()
    session.state.set_business("Bikes")
    assert [view.save_banner.value for view in views] == ["", ""]
