"""The checkbox every picker uses: a full-width label and CSS classes tests and the browser select on."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets


def labelled_toggle(description: str, css_class: str, key: str) -> Any:
    """A Checkbox with classes ``css_class`` and ``css_class-key`` (e.g. ``bmc-type-toggle-communities``)."""
    toggle = widgets.Checkbox(
        description=description, indent=False, layout=widgets.Layout(width="auto")
    )
    toggle.add_class(css_class)
    toggle.add_class(f"{css_class}-{key}")
    return toggle
