"""Finding widgets by CSS class: depth first, through nested boxes, one or an error."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from bmc_course.widgets.widget_tree import find_widget, find_widgets, iter_widgets


def tagged(widget: widgets.DOMWidget, *classes: str) -> widgets.DOMWidget:
    for css_class in classes:
        widget.add_class(css_class)
    return widget


@pytest.fixture
def tree() -> widgets.VBox:
    return tagged(
        widgets.VBox(
            [
                tagged(widgets.Button(description="a"), "bmc-go"),
                widgets.HBox(
                    [
                        tagged(widgets.Button(description="b"), "bmc-go", "bmc-last"),
                        widgets.Label("c"),
                    ]
                ),
            ]
        ),
        "bmc-root",
    )


def test_iter_widgets_walks_depth_first_from_the_root(tree: widgets.VBox) -> None:
    names = [type(w).__name__ + ":" + getattr(w, "description", "") for w in iter_widgets(tree)]
    assert names == ["VBox:", "Button:a", "HBox:", "Button:b", "Label:"]


def test_iter_widgets_on_a_leaf_is_just_the_leaf() -> None:
    label = widgets.Label("alone")
    assert list(iter_widgets(label)) == [label]


def test_find_widgets_returns_every_match_in_order(tree: widgets.VBox) -> None:
    assert [w.description for w in find_widgets(tree, "bmc-go")] == ["a", "b"]
    assert find_widgets(tree, "bmc-root") == [tree]
    assert find_widgets(tree, "bmc-missing") == []
    assert find_widgets(tree, "bmc") == []  # whole class names, not parts


def test_find_widget_wants_exactly_one(tree: widgets.VBox) -> None:
    assert find_widget(tree, "bmc-last").description == "b"
    with pytest.raises(LookupError, match="expected one widget with class 'bmc-go', found 2"):
        find_widget(tree, "bmc-go")
    with pytest.raises(LookupError, match="found 0"):
        find_widget(tree, "bmc-missing")
