"""Course Markdown shown by Jupyter's own renderer: one display item, and the key-ideas box."""

from __future__ import annotations

import ipywidgets as widgets

from bmc_course.widgets.markdown_view import KeyIdeas, markdown_output

TEXT = "## Key ideas\n\n- A *relationship* is [not a channel](03_six_types.ipynb)."


def test_markdown_output_holds_one_markdown_item() -> None:
    output = markdown_output(TEXT)
    assert isinstance(output, widgets.Output)
    assert output.outputs == (
        {
            "output_type": "display_data",
            "data": {"text/markdown": TEXT, "text/plain": TEXT},
            "metadata": {},
        },
    )
    assert list(output._dom_classes) == ["bmc-markdown"]
    assert list(markdown_output("x", "bmc-case-story")._dom_classes) == ["bmc-case-story"]


def test_key_ideas_box_shows_the_lessons_markdown() -> None:
    view = KeyIdeas(TEXT, lesson_id="what-relationships-are")
    assert (view.lesson_id, view.text) == ("what-relationships-are", TEXT)
    assert set(view._dom_classes) == {"bmc-view", "bmc-key-ideas"}
    (output,) = view.children
    assert list(output._dom_classes) == ["bmc-key-ideas-text"]
    assert output.outputs[0]["data"]["text/markdown"] == TEXT
