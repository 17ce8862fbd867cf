"""Types explorer: every type on a card, and a cost chart that follows the ticks (not the learner's state)."""

from __future__ import annotations

import html

from bmc_course.state.session import CourseSession
from bmc_course.widgets.types_explorer import TypesExplorer
from bmc_course.widgets.widget_tree import find_widgets


def test_types_explorer_shows_every_type(session: CourseSession) -> None:
    view = TypesExplorer(session.state)
    text = "".join(w.value for w in find_widgets(view, "bmc-type-card-box"))
    for rtype in session.catalog.types.values():
        assert html.escape(rtype.definition, quote=True) in text
        assert html.escape(rtype.examples[0], quote=True) in text
        assert html.escape(rtype.cons[0], quote=True) in text
    assert len(find_widgets(view, "bmc-type-card-box")) == len(session.catalog.types)


def test_types_explorer_cost_chart_follows_the_ticks(session: CourseSession) -> None:
    view = TypesExplorer(session.state)
    before = view.chart.redraw_count
    assert len(view.chart.output.outputs) == 1
    view.type_boxes["self_service"].value = False
    assert view.chart.redraw_count == before + 1
    assert "self_service" not in view.selected_types()
    for box in view.type_boxes.values():
        box.value = False
    assert view.selected_types() == list(session.catalog.types)  # none ticked: show all
    session.state.add_segment("Teams", "business")  # the explorer ignores the learner's state
    assert view.chart.redraw_count == before + len(view.type_boxes)
