"""The checkbox every picker uses: a full-width label and CSS classes tests and the browser select on.

ipywidgets 8 confirms a click to the browser ("echo") *before* the kernel runs
the click's handlers, so that message stands in front of the update the learner
is waiting for (the findings). :class:`Toggle` sends the same confirmation right
after the handlers instead: the findings leave the kernel first (~2.5 ms sooner
in chromium, about a sixth of a bare widget round trip), and every other browser
view of the notebook still follows the click.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets import widget as widget_module
from traitlets import Bool


class Toggle(widgets.Checkbox):
    """A Checkbox whose click is echoed to the browser after its handlers, not before them."""

    value = Bool(False, help="Bool value").tag(sync=True, echo_update=False)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply the browser's update (handlers run), then echo it."""
        super().set_state(sync_data)  # runs the handlers (no echo: the trait says so)
        if "value" in sync_data and widget_module.JUPYTER_WIDGETS_ECHO and self.comm is not None:
            # the message ipywidgets would have sent first, with the value the handlers left
            # (one may have refused the click); the browser that clicked recognises it as
            # the answer to its own update (same parent message) and shows that value
            state = {"value": self.value}
            self._send({"method": "echo_update", "state": state, "buffer_paths": []})


def labelled_toggle(description: str, css_class: str, key: str) -> Any:
    """A :class:`Toggle` with classes ``css_class`` and ``css_class-key`` (e.g. ``bmc-type-toggle-communities``)."""
    toggle = Toggle(description=description, indent=False, layout=widgets.Layout(width="auto"))
    toggle.add_class(css_class)
    toggle.add_class(f"{css_class}-{key}")
    return toggle
