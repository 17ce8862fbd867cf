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


def _record_messages(*widgets_: widgets.Widget) -> list[tuple[str, dict[str, object]]]:
    """(widget description or value, message data) for every comm message the widgets send."""
    sent: list[tuple[str, dict[str, object]]] = []
    for widget in widgets_:
        name = getattr(widget, "description", "") or type(widget).__name__

        def publish(
            _msg_type: str, data: object = None, *_args: object, _name: str = name, **_kw: object
        ) -> None:
            assert isinstance(data, dict)
            sent.append((_name, data))

        widget.comm.publish_msg = publish
    return sent


def _click(checkbox: widgets.Checkbox, label: widgets.Label) -> list[tuple[str, dict[str, object]]]:
    """Tick ``checkbox`` as the browser does, with a handler that changes ``label``."""
    checkbox.observe(lambda change: setattr(label, "value", f"ticked: {change['new']}"), "value")
    sent = _record_messages(checkbox, label)
    checkbox.set_state({"value": True})
    return sent


def test_a_plain_checkbox_echoes_before_its_handlers_run() -> None:
    # why Toggle exists: ipywidgets' own order puts the echo ahead of the handler's update
    sent = _click(widgets.Checkbox(description="plain"), widgets.Label())
    assert [(name, data["method"]) for name, data in sent] == [
        ("plain", "echo_update"),
        ("Label", "update"),
    ]


def test_a_toggle_sends_the_handlers_update_first_then_the_echo() -> None:
    toggle = labelled_toggle("Communities", "bmc-type-toggle", "communities")
    label = widgets.Label()
    sent = _click(toggle, label)
    assert [(name, data["method"]) for name, data in sent] == [
        ("Label", "update"),
        ("Communities", "echo_update"),
    ]
    assert sent[0][1]["state"] == {"value": "ticked: True"}
    assert sent[1][1]["state"] == {"value": True}
    assert toggle.value is True


def test_a_toggle_changed_by_the_kernel_sends_an_ordinary_update() -> None:
    toggle = labelled_toggle("Retention", "bmc-motivation-toggle", "retention")
    sent = _record_messages(toggle)
    toggle.value = True
    assert [data["method"] for _name, data in sent] == ["update"]
    assert sent[0][1]["state"] == {"value": True}


def test_a_toggle_whose_handler_undoes_the_click_echoes_the_value_it_kept() -> None:
    toggle = labelled_toggle("Co-creation", "bmc-type-toggle", "co_creation")
    sent = _record_messages(toggle)
    toggle.observe(
        lambda change: setattr(toggle, "value", False) if change["new"] else None, "value"
    )
    toggle.set_state({"value": True})
    assert toggle.value is False
    # the browser applies these in order: it must end on the value the kernel kept
    assert [(data["method"], data["state"]) for _name, data in sent] == [
        ("update", {"value": False}),
        ("echo_update", {"value": False}),
    ]
