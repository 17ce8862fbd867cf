"""Case explorer: a sandbox on a worked case that never touches the learner's progress."""

from __future__ import annotations

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.state.session import CourseSession
from bmc_course.widgets.case_explorer import CaseExplorer


def test_case_explorer_is_a_sandbox(session: CourseSession) -> None:
    case_id = next(iter(session.catalog.cases))
    view = CaseExplorer(session.catalog, case_id)
    assert view.state is not None
    case = session.catalog.cases[case_id]
    assert [s.id for s in view.state.segments] == [s.id for s in case.segments]
    assert view.findings.findings == view.state.findings()
    segment = next(s for s in view.state.segments if set(s.type_ids) <= set(session.catalog.types))
    view.picker.segment_select.value = segment.id
    type_id = next(t for t in session.catalog.types if t not in segment.type_ids)
    before = view.chart.redraw_count
    view.picker.type_toggles[type_id].value = True
    assert view.picker.status.value == ""
    assert view.state.segment(segment.id).share_of(type_id) == 1.0
    assert view.chart.redraw_count == before + 1
    assert view.findings.findings == view.state.findings()
    assert session.state.segments == []  # the learner's own state is untouched
    assert not session.store.path.exists()  # and nothing was saved


def test_case_explorer_reset_and_switch(session: CourseSession) -> None:
    cases = list(session.catalog.cases)
    view = CaseExplorer(session.catalog, cases[0])
    original = view.state
    assert original is not None
    first = original.segments[0]
    original.update_segment(first.id, customers=first.customers + 1)
    view.reset_button.click()
    assert view.state is not original
    assert view.state is not None
    assert view.state.segments[0].customers == first.customers
    old_picker = view.picker
    assert len(cases) > 1  # the built-in catalog has several cases to switch between
    view.case_select.value = cases[1]
    assert [s.id for s in view.state.segments] == [
        s.id for s in session.catalog.cases[cases[1]].segments
    ]
    count = old_picker.redraw_count
    original.update_segment(first.id, customers=first.customers + 2)
    assert old_picker.redraw_count == count  # the replaced sandbox views stopped listening


def test_unknown_case_is_a_clear_error(session: CourseSession) -> None:
    with pytest.raises(ValueError, match="unknown case id 'nope'"):
        CaseExplorer(session.catalog, "nope")


def test_the_reset_button_is_as_wide_as_its_label(catalog: Catalog) -> None:
    explorer = CaseExplorer(catalog, "cleat-maker")
    assert explorer.reset_button.layout.width == "auto"
