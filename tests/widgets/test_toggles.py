"""The pickers' checkbox: full-width label, unticked, and the two classes tests and browsers select on."""

from __future__ import annotations

import ipywidgets as widgets

from bmc_course.widgets.toggles import labelled_toggle


def test_toggle_carries_its_label_and_both_classes() -> None:
    toggle = labelled_toggle("Communities", "bmc-type-toggle", "communities")
    assert isinstance(toggle, widgets.Checkbox)
    assert toggle.description == "Communities"
    assert toggle.value is False
    assert toggle.indent is False
    assert toggle.layout.width == "auto"
    assert list(toggle._dom_classes) == ["bmc-type-toggle", "bmc-type-toggle-communities"]


def test_each_toggle_is_a_new_widget() -> None:
    first = labelled_toggle("Retention", "bmc-motivation-toggle", "retention")
    second = labelled_toggle("Retention", "bmc-motivation-toggle", "retention")
    first.value = True
    assert second.value is False
