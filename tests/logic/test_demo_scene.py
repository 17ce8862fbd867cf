"""The demo's scene from the page address: known values honoured, unknown ones reported."""

from __future__ import annotations

from bmc_course.logic.demo_scene import DEMO_STEPS, DemoScene, scene_from_query
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
