"""Read a learner's own wording for the Relationships block: which type or channel it names.

Learners write phrases, not ids: "our Instagram page", "websites", "an online
community". A phrase names a relationship type or a channel when it contains
one of its words as whole words, compared case-insensitively, without "our",
"the", "a"… and with plurals read as singulars. When several words match, the
longest wins ("app store" is a marketplace, not an app). Content authors can
list phrases a word must not be read inside ("community centre" is a place,
not a community of customers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from bmc_course.model.content_models import Channel, ChannelsFile, RelationshipType

T = TypeVar("T")

# little words that never change what a phrase names ("our website" is a website)
_FILLER_WORDS = frozenset({"a", "an", "the", "our", "my", "your", "their", "its"})
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_MEMO_SIZE = 2048  # distinct phrases remembered per catalog (bounded memory)


def _singular(word: str) -> str:
    """A crude singular, applied alike to content words and learner words, so both meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"  # communities -> community
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]  # businesses -> business, coaches -> coach
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]  # websites -> website, ads -> ad
    return word


def words_of(text: str) -> tuple[str, ...]:
    """The words that carry a phrase's meaning: lower case, singular, fillers left out."""
    text = _POSSESSIVE.sub("", text.lower())
    return tuple(_singular(w) for w in _WORD.findall(text) if w not in _FILLER_WORDS)


@dataclass(frozen=True)
class TermMatch(Generic[T]):
    """One content term found in a phrase: what it names, the term, and where (word positions)."""

    value: T
    term: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this match shares a word with the span ``start:end``."""
        return self.start < end and start < self.end


def _spans(words: tuple[str, ...], term: tuple[str, ...]) -> Iterable[tuple[int, int]]:
    size = len(term)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == term:
            yield start, start + size


class TermIndex(Generic[T]):
    """Terms (each naming a value) and the phrases each value's terms must not be read inside."""

    def __init__(
        self,
        terms: Iterable[tuple[str, T]],
        not_within: Iterable[tuple[str, T]] = (),
    ) -> None:
        self._terms = [(words_of(term), term, value) for term, value in terms]
        self._terms = [t for t in self._terms if t[0]]
        self._not_within = [(words_of(phrase), value) for phrase, value in not_within]

    def find(
        self, words: tuple[str, ...], *, avoid: tuple[int, int] | None = None
    ) -> TermMatch[T] | None:
        """The longest term found in ``words`` (the earliest of equals), if any.

        A match inside one of its value's ``not_within`` phrases does not count, nor
        one that shares a word with ``avoid`` (words already read as something else).
        """
        best: TermMatch[T] | None = None
        for term_words, term, value in self._terms:
            for start, end in _spans(words, term_words):
                match = TermMatch(value, term, start, end)
                if avoid is not None and match.overlaps(*avoid):
                    continue
                if self._excluded(words, match):
                    continue
                if best is None or (end - start, -start) > (best.end - best.start, -best.start):
                    best = match
        return best

    def _excluded(self, words: tuple[str, ...], match: TermMatch[T]) -> bool:
        return any(
            value == match.value and match.overlaps(start, end)
            for phrase, value in self._not_within
            for start, end in _spans(words, phrase)
        )


@dataclass(frozen=True)
class WordingReading:
    """What a learner's phrase names: a relationship type, a channel, both or neither.

    ``relationship_term`` and ``channel_term`` are the content words that matched.
    """

    relationship: RelationshipType | None = None
    relationship_term: str | None = None
    channel: Channel | None = None
    channel_term: str | None = None

    @property
    def names_only_a_channel(self) -> bool:
        """A channel named where no relationship type is: what the channel check flags."""
        return self.channel is not None and self.relationship is None


class WordingReader:
    """Reads learners' phrases against the relationship types and ``channels.toml``."""

    def __init__(
        self, types: Mapping[str, RelationshipType], channels: ChannelsFile | None
    ) -> None:
        relationship_terms: list[tuple[str, RelationshipType]] = []
        exclusions: list[tuple[str, RelationshipType]] = []
        for relationship in types.values():
            relationship_terms += [
                (relationship.id, relationship),
                (relationship.name, relationship),
            ]
        channel_terms: list[tuple[str, Channel]] = []
        if channels is not None:
            for words in channels.relationship_words:
                named = types.get(words.type)
                if named is None:
                    continue  # reported by the catalog's reference check
                relationship_terms += [(word, named) for word in words.words]
                exclusions += [(phrase, named) for phrase in words.not_within]
            for channel in channels.channels:
                channel_terms += [(term, channel) for term in (channel.term, *channel.aliases)]
        self._relationships = TermIndex(relationship_terms, exclusions)
        self._channels = TermIndex(channel_terms)
        self._memo: dict[str, WordingReading] = {}

    def read(self, text: str) -> WordingReading:
        """What ``text`` names; a channel word inside a relationship's words does not count."""
        found = self._memo.get(text)
        if found is None:
            found = self._read(text)
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = found
        return found

    def _read(self, text: str) -> WordingReading:
        words = words_of(text)
        relationship = self._relationships.find(words)
        avoid = None if relationship is None else (relationship.start, relationship.end)
        channel = self._channels.find(words, avoid=avoid)
        return WordingReading(
            relationship=relationship.value if relationship else None,
            relationship_term=relationship.term if relationship else None,
            channel=channel.value if channel else None,
            channel_term=channel.term if channel else None,
        )
