"""Types explorer: every type on a card with its costs, compared side by side, and a cost chart
that follows the ticks (not the learner's state)."""

from __future__ import annotations

import html

from bmc_course.state.session import CourseSession
from bmc_course.widgets.type_card import type_card_html
from bmc_course.widgets.types_explorer import (
    TypesExplorer,
    comparison_table_html,
    costs_table_html,
)
from bmc_course.widgets.widget_tree import find_widget, find_widgets


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


def test_type_card_shows_set_up_tiers_and_running_cost(session: CourseSession) -> None:
    card = type_card_html(session.catalog.types["self_service"], session.catalog)
    assert "spread over 3 years" in card
    assert (
        "<li>about 3,000 for up to 10,000 customers served this way (a booking or order page on "
        "a hosted shop platform, with answers to common questions)</li>"
    ) in card
    assert "<li>about 30,000 for up to 500,000 customers served this way (" in card
    assert "<li>about 150,000 for more than 500,000 customers (" in card
    assert "Running: about 0.50 a year for each customer served this way." in card
    compact = type_card_html(session.catalog.types["self_service"], session.catalog, compact=True)
    assert "about 3,000 for up to 10,000 customers served this way" in compact


def test_type_card_says_whether_people_are_involved(session: CourseSession) -> None:
    types = session.catalog.types
    assert "involves people: a person to turn to" in type_card_html(
        types["personal_assistance"], session.catalog
    )
    assert "no person involved" in type_card_html(types["self_service"], session.catalog)
    # a community is peer help: some contact with the business's moderators, no fallback
    assert "little contact with the business&#x27;s people" in type_card_html(
        types["communities"], session.catalog
    )


def test_comparison_and_cost_tables(session: CourseSession) -> None:
    table = comparison_table_html(session.catalog)
    assert "Human fallback" in table
    assert table.count("<td>yes</td>") == 2  # personal and dedicated personal assistance
    costs = costs_table_html(session.catalog)
    assert (
        '<tr><th scope="row">Dedicated personal assistance</th><td class="bmc-num">1,500</td>'
    ) in costs
    assert "about 2,000 for up to 50 customers served this way" in costs
    view = TypesExplorer(session.state)
    assert costs in find_widget(view, "bmc-types-costs").value
