"""What-if sliders change a scenario, never the saved answers, until the learner keeps them."""

from __future__ import annotations

from bmc_course.state.session import CourseSession
from bmc_course.widgets.what_if import CUSTOMER_STOPS, WhatIf, one_two_five, stops_with


def _shop(session: CourseSession) -> str:
    state = session.state
    seg_id = state.add_segment("Walk-ins", "mass_market", revenue_per_customer=120, customers=1500)
    state.set_relationships(seg_id, ["personal_assistance", "self_service"])
    return seg_id


def test_stops_are_one_two_five_and_keep_the_current_value() -> None:
    assert one_two_five(1, 1000) == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    assert CUSTOMER_STOPS[:5] == [0, 1, 2, 5, 10]
    assert stops_with([1, 2, 5], 3) == [1, 2, 3, 5]
    assert stops_with([1, 2, 5], 2) == [1, 2, 5]
    assert stops_with([1, 2, 5], 3, 4, 3) == [1, 2, 3, 4, 5]


def test_sliders_change_the_scenario_not_the_answers(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    row = view.rows[seg_id]
    assert row.customers.value == 1500  # shown exactly, though 1,500 is not a stop
    assert "These are your saved numbers." in view.where.value
    row.share_sliders["personal_assistance"].value = 0.25
    row.customers.value = 2000
    assert session.state.segment(seg_id).customers == 1500
    assert session.state.segment(seg_id).share_of("personal_assistance") == 1.0
    assert view.draft.segment(seg_id).customers == 2000
    assert "Trying new numbers" in view.where.value
    # the checks follow the scenario: personal assistance for 25% is no longer over-serving
    assert "over-serv" not in view.findings.value.lower()
    assert [r.scenario for r in view.comparison_rows()] == ["My numbers", "Trying now"]


def test_an_arrow_key_walks_back_to_where_it_started(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    slider = view.rows[seg_id].customers
    options = [value for _, value in slider.options]
    start = options.index(1500)
    for step in range(12):  # twelve presses up…
        slider.value = options[start + step + 1]
    for step in range(12, 0, -1):  # …and twelve down
        slider.value = options[start + step - 1]
    assert slider.value == 1500
    assert view.draft.segment(seg_id).customers == 1500


def test_keep_and_back_to_my_numbers(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    view.rows[seg_id].revenue.value = 200.0
    view.reset_button.click()
    assert view.rows[seg_id].revenue.value == 120
    view.rows[seg_id].share_sliders["personal_assistance"].value = 0.1
    view.keep_button.click()
    assert session.state.segment(seg_id).share_of("personal_assistance") == 0.1
    assert "Kept" in view.status.value
    assert "These are your saved numbers." in view.where.value


def test_named_scenarios_are_saved_opened_compared_and_deleted(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    view.rows[seg_id].customers.value = 5000
    view.name.value = "Busy summer"
    view.save_button.click()
    assert [s.name for s in session.state.scenarios] == ["Busy summer"]
    assert list(view.saved.options) == ["Busy summer"]
    assert session.state.segment(seg_id).customers == 1500
    view.reset_button.click()
    assert [r.scenario for r in view.comparison_rows()] == ["My numbers", "Busy summer"]
    view.saved.value = "Busy summer"
    view.open_button.click()
    assert view.rows[seg_id].customers.value == 5000
    assert "Busy summer" in view.where.value and "is open" in view.where.value
    view.delete_button.click()
    assert session.state.scenarios == []
    assert view.rows[seg_id].customers.value == 1500


def test_a_citizens_budget_is_labelled_and_an_empty_course_says_what_to_do(
    session: CourseSession,
) -> None:
    view = WhatIf(session.state)
    assert "No segments yet" in view.empty.value
    residents = session.state.add_segment("Residents", "citizens")
    assert view.rows[residents].revenue.description == "Yearly budget per person"
    assert view.rows[residents].margin.value == 1.0  # the archetype's default, shown


def test_the_comparison_is_drawn_only_while_open(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    drawn = view.comparison.redraw_count
    view.rows[seg_id].customers.value = 2000
    assert view.comparison.redraw_count == drawn  # closed: nothing drawn
    view.compare_section.selected_index = 0
    assert view.comparison.redraw_count == drawn + 1
    view.rows[seg_id].customers.value = 5000
    assert view.comparison.redraw_count == drawn + 2
    assert view.comparison.output.outputs  # a picture, with its table twin beside it


def test_a_change_to_the_answers_redraws_the_scenario_once(session: CourseSession) -> None:
    seg_id = _shop(session)
    view = WhatIf(session.state)
    before = view.cost_chart.redraw_count
    session.state.update_segment(seg_id, customers=3000)
    assert view.cost_chart.redraw_count == before + 1
    assert view.rows[seg_id].customers.value == 3000
