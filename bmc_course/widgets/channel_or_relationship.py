"""Lesson 01: relationships vs channels, the three dimensions and motivations, and a word tester.

The tester lets a learner type what they would write in the block ("our web
shop", "Instagram page", "community") and says whether it names a relationship
type (and which), a channel (and which relationship it probably carries), or neither.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from bmc_course.model.catalog import Catalog
from bmc_course.reports.html_table import html_table
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.stylesheet import style_tag
from bmc_course.widgets.types_explorer import dimensions_html, variants_html


def classify_entry(catalog: Catalog, text: str) -> tuple[str, str]:
    """(kind, explanation) for what a learner would write: ``relationship``, ``channel`` or ``unknown``.

    A phrase counts when it contains a type's or a channel's words ("our Instagram
    page" is social media, "an online community" is communities); a phrase that
    names a relationship type is that type, whatever channel it also mentions.
    """
    if not text.strip():
        return "empty", "Type a word or two, for example “web shop” or “self-service”."
    reading = catalog.read_wording(text)
    if reading.relationship is not None:
        relationship = reading.relationship
        explanation = (
            f"“{text}” is a relationship type: {relationship.name.lower()}. {relationship.summary}"
        )
        if reading.channel is not None:
            explanation += (
                f" It also names a channel ({reading.channel.term}): that is only where the "
                "contact happens, and belongs in the Channels block."
            )
        return "relationship", explanation
    channel = reading.channel
    if channel is not None:
        hint = catalog.types.get(channel.relationship_hint)
        probably = hint.name.lower() if hint else channel.relationship_hint
        return (
            "channel",
            f"“{text}” is a channel ({channel.term}), not a relationship. {channel.explanation} "
            f"In the Relationships block you would probably write: {probably}.",
        )
    return (
        "unknown",
        f"The course does not recognise “{text}”. Ask yourself: does it say where you meet "
        "customers (a channel) or what kind of contact you keep with them (a relationship)?",
    )


def motivations_html(catalog: Catalog) -> str:
    """The motivations as cards, each with its explanation and an example."""
    cards = "".join(
        f'<div class="bmc-card"><div class="bmc-card-title">{esc(m.name)}</div>'
        f'<p>{esc(m.explanation)}</p><p class="bmc-muted">{esc(m.example)}</p></div>'
        for m in catalog.motivations.values()
    )
    return f'<div class="bmc-card-grid">{cards}</div>'


def channels_table_html(catalog: Catalog) -> str:
    """A table of channel words, other ways to write them, and the relationship each carries."""
    return html_table(
        ["Channel", "Also written as", "Often carries"],
        [
            [
                c.term,
                ", ".join(c.aliases),
                catalog.types[c.relationship_hint].name
                if c.relationship_hint in catalog.types
                else c.relationship_hint,
            ]
            for c in catalog.channels.channels
        ],
        css_class="bmc-compare-table",
    )


def relationship_words_table_html(catalog: Catalog) -> str:
    """A table of the other words the tester reads as each relationship type."""
    words = {w.type: w.words for w in catalog.channels.relationship_words}
    return html_table(
        ["Relationship type", "Also written as"],
        [[t.name, ", ".join(words.get(t.id, ()))] for t in catalog.types.values()],
        css_class="bmc-compare-table",
    )


class ChannelOrRelationship(widgets.VBox):
    """The distinction, the dimensions, the motivations, and a "channel or relationship?" tester."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.entry = widgets.Text(
            placeholder="e.g. our web shop, Instagram page, community",
            description="Try a word:",
            continuous_update=False,
            layout=widgets.Layout(width="min(32rem, 100%)"),
        )
        self.check_button = widgets.Button(
            description="Channel or relationship?", button_style="primary"
        )
        self.verdict = widgets.HTML()
        self.verdict.add_class("bmc-verdict")
        self.entry.observe(self._on_entry, names="value")
        self.check_button.on_click(self._on_check)
        super().__init__(
            [
                style_tag(),
                widgets.HTML(
                    heading("Relationship or channel?", 3)
                    + f"<p>{esc(catalog.channels.distinction)}</p>"
                ),
                widgets.HBox([self.entry, self.check_button]),
                self.verdict,
                widgets.HTML(
                    heading("Channel words the checks recognise", 4) + channels_table_html(catalog)
                ),
                widgets.HTML(
                    heading("Relationship words the checks recognise", 4)
                    + relationship_words_table_html(catalog)
                ),
                widgets.HTML(heading("In a shop", 4) + variants_html(catalog)),
                widgets.HTML(heading("Three dimensions", 3) + dimensions_html(catalog)),
                widgets.HTML(heading("Three motivations", 3) + motivations_html(catalog)),
            ]
        )
        self.add_class("bmc-view")
        self.add_class("bmc-channel-or-relationship")

    def check(self, text: str) -> str:
        """Classify ``text`` and show the verdict; return its kind."""
        kind, explanation = classify_entry(self.catalog, text)
        box = {"relationship": "ok", "channel": "warning"}.get(kind, "info")
        self.verdict.value = message_box(explanation, box)
        return kind

    def _on_entry(self, change: dict[str, Any]) -> None:
        self.check(str(change["new"]))

    def _on_check(self, _button: widgets.Button) -> None:
        self.check(self.entry.value)
