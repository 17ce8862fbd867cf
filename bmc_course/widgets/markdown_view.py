"""Course Markdown (lesson key ideas, case stories) shown by Jupyter's own Markdown renderer."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets


def markdown_output(text: str, css_class: str = "bmc-markdown") -> Any:
    """An ``Output`` holding one Markdown item: rendered like a Markdown cell, links included.

    The text is course content (trusted, written by authors), never learner text.
    """
    output = widgets.Output()
    output.add_class(css_class)
    output.outputs = (
        {
            "output_type": "display_data",
            "data": {"text/markdown": text, "text/plain": text},
            "metadata": {},
        },
    )
    return output


class KeyIdeas(widgets.VBox):
    """A lesson's key ideas (its Markdown file from the content folder)."""

    def __init__(self, text: str, *, lesson_id: str) -> None:
        self.lesson_id = lesson_id
        self.text = text
        super().__init__([markdown_output(text, "bmc-key-ideas-text")])
        self.add_class("bmc-view")
        self.add_class("bmc-key-ideas")
