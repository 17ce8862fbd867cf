"""The demo's scene from the page address (known values honoured, unknown ones reported),
the scene written back as an address, and where the page scrolls after a reveal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bmc_course.logic.demo_scene import (
    DEMO_STEPS,
    THEMES,
    DemoScene,
    query_from_scene,
    scene_from_query,
    step_to_scroll_to,
)
from bmc_course.model.catalog import Catalog


def test_no_query_is_a_blank_first_step_in_light(catalog: Catalog) -> None:
    assert scene_from_query(None, catalog) == DemoScene()
    assert scene_from_query("", catalog) == DemoScene()


def test_case_step_and_theme_are_read(catalog: Catalog) -> None:
    scene = scene_from_query("case=cleat-maker&step=3&theme=dark", catalog)
    assert scene == DemoScene("cleat-maker", 3, "dark")


def test_unknown_values_fall_back_with_one_message_each(catalog: Catalog) -> None:
    scene = scene_from_query("case=nope&step=9&theme=%3Cb%3E", catalog)
    assert (scene.case_id, scene.step, scene.theme) == (None, 1, "light")
    assert len(scene.problems) == 3
    assert "'nope'" in scene.problems[0] and "cleat-maker" in scene.problems[0]
    assert f"1-{len(DEMO_STEPS)}" in scene.problems[1]


def test_the_last_value_of_a_repeated_key_wins(catalog: Catalog) -> None:
    assert scene_from_query("step=2&step=4", catalog).step == 4


def test_a_scene_is_written_back_as_its_canonical_query(catalog: Catalog) -> None:
    assert query_from_scene(DemoScene(), catalog) == ""
    assert query_from_scene(DemoScene("cleat-maker", 3, "dark"), catalog) == (
        "case=cleat-maker&step=3&theme=dark"
    )
    assert query_from_scene(DemoScene("car-wash", 1, "light"), catalog) == "case=car-wash"
    assert query_from_scene(DemoScene(None, 5, "light"), catalog) == "step=5"


def test_problems_found_in_the_address_are_not_written_back(catalog: Catalog) -> None:
    scene = scene_from_query("case=nope&step=2&theme=purple", catalog)
    assert query_from_scene(scene, catalog) == "step=2"


@pytest.mark.parametrize(
    "scene",
    [DemoScene("nope"), DemoScene(step=0), DemoScene(step=6), DemoScene(theme="purple")],
)
def test_only_checked_scenes_become_an_address(catalog: Catalog, scene: DemoScene) -> None:
    with pytest.raises(ValueError, match=r"unknown|is not"):
        query_from_scene(scene, catalog)


@settings(max_examples=60, deadline=None)
@given(
    case_index=st.integers(min_value=-1, max_value=40),
    step=st.integers(min_value=1, max_value=len(DEMO_STEPS)),
    theme=st.sampled_from(THEMES),
)
def test_reading_the_written_query_gives_the_same_scene(
    catalog: Catalog, case_index: int, step: int, theme: str
) -> None:
    case_ids = list(catalog.cases)
    case_id = case_ids[case_index % len(case_ids)] if case_index >= 0 else None
    scene = DemoScene(case_id, step, theme)
    assert scene_from_query(query_from_scene(scene, catalog), catalog) == scene


def test_the_page_scrolls_to_what_the_facilitator_just_revealed_or_went_back_to() -> None:
    assert step_to_scroll_to(2, 3) == 3  # Next step: the new step
    assert step_to_scroll_to(2, 5) == 3  # Show all: the first of the new steps
    assert step_to_scroll_to(4, 3) == 3  # Back: the step now last shown
    assert step_to_scroll_to(3, 3) is None  # nothing changed: stay where the room is
