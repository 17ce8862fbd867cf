"""The course stylesheet: one hidden <style> widget, and a rule for every class the views emit."""

from __future__ import annotations

import re

import pytest

from bmc_course.widgets.stylesheet import course_css, style_tag


def test_course_css_is_read_once_per_kernel() -> None:
    course_css.cache_clear()
    first = course_css()
    assert course_css() is first
    assert (course_css.cache_info().misses, course_css.cache_info().hits) == (1, 1)


def test_braces_are_balanced() -> None:
    # a missing brace makes the browser drop every rule after it, silently
    css = re.sub(r"/\*.*?\*/", "", course_css(), flags=re.DOTALL)
    depth = 0
    for char in css:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


@pytest.mark.parametrize(
    "css_class",
    [
        # severity badges and finding cards (html_fragments, findings_panel)
        "bmc-badge-problem",
        "bmc-badge-warning",
        "bmc-badge-info",
        "bmc-finding-problem",
        "bmc-finding-warning",
        "bmc-finding-info",
        # message boxes: the four kinds message_box is called with
        "bmc-message-info",
        "bmc-message-ok",
        "bmc-message-warning",
        "bmc-message-error",
        # chosen cards and scale pips
        "bmc-card-chosen",
        "bmc-pip-on",
    ],
)
def test_every_state_class_the_views_emit_has_a_rule(css_class: str) -> None:
    assert re.search(rf"\.{css_class}(?![\w-])", course_css())


def test_style_tag_is_a_hidden_widget_carrying_the_stylesheet() -> None:
    tag = style_tag()
    assert tag.value == f"<style>{course_css()}</style>"
    assert tag.layout.display == "none"
    assert "bmc-style" in tag._dom_classes
    assert style_tag() is not tag  # a new widget for each view
