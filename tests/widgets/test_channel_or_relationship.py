"""Lesson 01's tester tells relationship types from channels."""

from __future__ import annotations

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.widgets.channel_or_relationship import ChannelOrRelationship, classify_entry

# what learners type, the verdict, and words the verdict must contain
VERDICTS = [
    ("Self-service", "relationship", ["relationship type: self-service"]),
    ("co_creation", "relationship", ["relationship type: co-creation"]),
    ("community", "relationship", ["relationship type: communities"]),
    ("personal assistant", "relationship", ["relationship type: personal assistance"]),
    ("online forums", "relationship", ["relationship type: communities"]),
    (
        "our Instagram community",
        "relationship",
        ["relationship type: communities", "also names a channel (social media)"],
    ),
    ("Web shop", "channel", ["is a channel (website)", "probably write: self-service"]),
    ("our website", "channel", ["is a channel (website)"]),
    ("websites", "channel", ["is a channel (website)"]),
    ("Instagram", "channel", ["is a channel (social media)", "probably write: communities"]),
    ("Instagram page", "channel", ["is a channel (social media)"]),
    ("community centre staff", "unknown", ["does not recognise"]),
    ("telepathy", "unknown", ["does not recognise"]),
    ("   ", "empty", ["Type a word"]),
]


@pytest.mark.parametrize(("text", "kind", "words"), VERDICTS)
def test_classify_entry(catalog: Catalog, text: str, kind: str, words: list[str]) -> None:
    found_kind, explanation = classify_entry(catalog, text)
    assert found_kind == kind
    for word in words:
        assert word in explanation


def test_typing_shows_an_escaped_verdict(catalog: Catalog) -> None:
    view = ChannelOrRelationship(catalog)
    view.entry.value = "newsletter"
    assert "is a channel" in view.verdict.value and "bmc-message-warning" in view.verdict.value
    view.entry.value = "<b>x</b>"
    assert "&lt;b&gt;x&lt;/b&gt;" in view.verdict.value and "<b>x" not in view.verdict.value
    view.entry.value = "communities"
    view.check_button.click()
    assert "relationship type" in view.verdict.value
    assert "bmc-message-ok" in view.verdict.value


def test_the_words_it_reads_are_listed(catalog: Catalog) -> None:
    view = ChannelOrRelationship(catalog)
    html = "".join(getattr(child, "value", "") for child in view.children)
    assert "Relationship words the checks recognise" in html
    assert "online community" in html and "instagram" in html
