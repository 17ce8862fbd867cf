"""Lesson 01's tester tells relationship types from channels."""

from __future__ import annotations

from bmc_course.model.catalog import Catalog
from bmc_course.widgets.channel_or_relationship import ChannelOrRelationship, classify_entry


def test_classify_entry(catalog: Catalog) -> None:
    assert classify_entry(catalog, "Self-service")[0] == "relationship"
    assert classify_entry(catalog, "co_creation")[0] == "relationship"
    kind, text = classify_entry(catalog, "Web shop")
    assert kind == "channel" and "self-service" in text
    assert classify_entry(catalog, "Instagram")[0] == "channel"
    assert classify_entry(catalog, "telepathy")[0] == "unknown"
    assert classify_entry(catalog, "   ")[0] == "empty"


def test_typing_shows_an_escaped_verdict(catalog: Catalog) -> None:
    view = ChannelOrRelationship(catalog)
    view.entry.value = "newsletter"
    assert "is a channel" in view.verdict.value and "bmc-message-warning" in view.verdict.value
    view.entry.value = "<b>x</b>"
    assert "&lt;b&gt;x&lt;/b&gt;" in view.verdict.value and "<b>x" not in view.verdict.value
    view.entry.value = "communities"
    view.check_button.click()
    assert "relationship type" in view.verdict.value
