"""Learners' own phrases are read as relationship types or channels by whole words."""

from __future__ import annotations

import pytest

from bmc_course.model.catalog import Catalog
from bmc_course.model.wording_reader import TermIndex, words_of

# phrases learners actually write: (phrase, relationship type it names, channel it names)
LEARNER_PHRASES = [
    ("Instagram page", None, "social_media"),
    ("our Instagram account", None, "social_media"),
    ("our website", None, "website"),
    ("Websites", None, "website"),
    ("The Web-Shop", None, "website"),
    ("apps", None, "mobile_app"),
    ("app store", None, "marketplace"),  # the longer term wins over "app" and "store"
    ("a monthly e-mail newsletter", None, "newsletter"),
    ("emails", None, "email"),
    ("phone calls", None, "phone"),
    ("my sales reps", None, "sales_force"),
    ("Yellow Pages", None, "directory_listing"),
    ("community", "communities", None),
    ("an online forum", "communities", None),
    ("Facebook group", "communities", None),
    ("Instagram community", "communities", "social_media"),
    ("self-service website", "self_service", "website"),
    ("FAQs", "self_service", None),
    ("personal assistant", "personal_assistance", None),
    ("shop assistants", "personal_assistance", None),  # "shop" is part of the relationship words
    ("email support", "personal_assistance", "email"),
    ("non-dedicated account managers", "personal_assistance", None),
    ("a dedicated account manager", "dedicated_personal_assistance", None),
    ("automated customer service", "automated_services", None),
    ("automated emails", "automated_services", "email"),
    ("chatbot", "automated_services", None),
    ("customer reviews", "co_creation", None),
    ("co_creation", "co_creation", None),
    ("Dedicated personal assistance", "dedicated_personal_assistance", None),
]

# phrases that must name nothing: parts of words, and places called "community ..."
NOTHING_NAMED = [
    "community centre staff",
    "the community hall",
    "apple",
    "appointments",
    "shopping experience",
    "restore",
    "mail order",
    "happy customers",
    "telepathy",
    "",
]


@pytest.mark.parametrize(("phrase", "type_id", "channel_id"), LEARNER_PHRASES)
def test_learner_phrases(
    catalog: Catalog, phrase: str, type_id: str | None, channel_id: str | None
) -> None:
    reading = catalog.read_wording(phrase)
    assert (reading.relationship.id if reading.relationship else None) == type_id
    assert (reading.channel.id if reading.channel else None) == channel_id


@pytest.mark.parametrize("phrase", NOTHING_NAMED)
def test_phrases_that_name_nothing(catalog: Catalog, phrase: str) -> None:
    reading = catalog.read_wording(phrase)
    assert reading.relationship is None and reading.channel is None


def test_channel_for_is_a_channel_only_where_no_relationship_is_named(catalog: Catalog) -> None:
    assert catalog.channel_for("our Instagram page") is catalog.read_wording("instagram").channel
    assert catalog.channel_for("Instagram community") is None
    assert catalog.channel_for("community") is None


def test_words_of_drops_fillers_case_and_plurals() -> None:
    assert words_of("Our WEBSITES") == ("website",)
    assert words_of("the communities' forums") == ("community", "forum")
    assert words_of("Amazon’s marketplace") == ("amazon", "marketplace")
    assert words_of("self_service / co-creation") == ("self", "service", "co", "creation")
    assert words_of("business classes") == ("business", "class")


def test_term_index_prefers_the_longest_then_the_earliest_term() -> None:
    index = TermIndex([("store", "shop"), ("app", "app"), ("app store", "market")])
    match = index.find(words_of("the app store"))
    assert match is not None
    assert (match.value, match.term, match.start, match.end) == ("market", "app store", 0, 2)
    first = index.find(words_of("store and app"))
    assert first is not None and first.value == "shop"


def test_term_index_skips_words_inside_exclusions_and_avoided_spans() -> None:
    index = TermIndex([("community", "c")], not_within=[("community centre", "c")])
    assert index.find(words_of("community centre")) is None
    assert index.find(words_of("a community centre and a community")) is not None
    assert index.find(words_of("community"), avoid=(0, 1)) is None
