"""A relationship type's card: escaped content, seven scales, what it serves, details on demand."""

from __future__ import annotations

import html as html_text
import re

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType
from bmc_course.widgets.type_card import (
    SCALES_NOTE,
    details_html,
    motivations_html,
    scales_html,
    type_card_html,
)


def scale_values(html: str) -> list[tuple[str, str]]:
    found = re.findall(
        r'<span class="bmc-scale-name">([^<]*)</span>.*?<span class="bmc-scale-value">(\d) of 5',
        html,
    )
    return [(html_text.unescape(name), value) for name, value in found]


def test_scales_show_the_seven_attributes_in_the_assumptions_order(catalog: Catalog) -> None:
    html = scales_html(catalog.types["self_service"], catalog)
    # self_service's [types.attributes] in relationship_types.toml, in assumptions.toml's order
    assert scale_values(html) == [
        ("Personalisation", "1"),
        ("Cost to serve one customer", "1"),
        ("Scalability", "5"),
        ("Two-way exchange", "1"),
        ("Long-term vs transactional", "2"),
        ("Contact with the business's people", "1"),
        ("Automation", "4"),
    ]
    assert html.endswith(f'<p class="bmc-muted">{SCALES_NOTE}</p></div>')


def chip_states(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<span class="bmc-chip (bmc-chip-o\w+)">([^<]*)</span>', html)


def test_motivations_show_all_three_with_the_unserved_struck_off(catalog: Catalog) -> None:
    # self-service: motivations = ["acquisition"]
    assert chip_states(motivations_html(catalog.types["self_service"], catalog)) == [
        ("bmc-chip-on", "✓ Customer acquisition"),
        ("bmc-chip-off", "✗ Customer retention"),
        ("bmc-chip-off", "✗ Boosting sales (upselling)"),
    ]
    # co-creation: ["acquisition", "retention"]
    assert chip_states(motivations_html(catalog.types["co_creation"], catalog)) == [
        ("bmc-chip-on", "✓ Customer acquisition"),
        ("bmc-chip-on", "✓ Customer retention"),
        ("bmc-chip-off", "✗ Boosting sales (upselling)"),
    ]
    # dedicated personal assistance: all three
    assert chip_states(
        motivations_html(catalog.types["dedicated_personal_assistance"], catalog)
    ) == [
        ("bmc-chip-on", "✓ Customer acquisition"),
        ("bmc-chip-on", "✓ Customer retention"),
        ("bmc-chip-on", "✓ Boosting sales (upselling)"),
    ]


def test_details_list_examples_pros_cons_fit_and_cost(catalog: Catalog) -> None:
    rtype = catalog.types["self_service"]
    html = details_html(rtype)
    assert html.startswith(
        "<details><summary>Examples, pros and cons, when it fits, cost</summary>"
    )
    assert re.findall(r'<div class="bmc-label">([^<]*)</div>', html) == [
        "Examples",
        "Pros",
        "Cons",
        "Fits when",
        "Does not fit when",
        "Illustrative cost",
    ]
    # self_service's cost_model: tiers 10k: 3,000 / 500k: 30,000 / 150,000, 3 years, 0.5 running
    assert (
        "spread over 3 years:</p>"
        '<ul class="bmc-list bmc-setup-tiers">'
        "<li>about 3,000 for up to 10,000 customers served this way (a booking or order page on "
        "a hosted shop platform, with answers to common questions)</li>"
        "<li>about 30,000 for up to 500,000 customers served this way (a custom web shop or app "
        "with a help centre)</li>"
        "<li>about 150,000 for more than 500,000 customers (a large self-service platform: "
        "accounts, payments, help centre and apps)</li></ul>"
        "<p>Running: about 0.50 a year for each customer served this way.</p>"
    ) in html
    assert html.count("<li>") == len(rtype.cost_model.setup) + sum(
        len(items)
        for items in (rtype.examples, rtype.pros, rtype.cons, rtype.fits_when, rtype.not_fit_when)
    )
    assert details_html(rtype, open_=True).startswith("<details open><summary>")


def test_full_card(catalog: Catalog) -> None:
    card = type_card_html(catalog.types["personal_assistance"], catalog)
    assert card.startswith(
        '<div class="bmc-card bmc-type-card" data-type="personal_assistance">'
        '<div class="bmc-card-title">Personal assistance</div><p>The customer can reach'
    )
    assert (
        "A person helps the customer, but not always the same person. · involves people: "
        "a person to turn to</p>"
    ) in card
    assert len(scale_values(card)) == 7
    assert "<details><summary>Examples, pros and cons" in card
    assert card.endswith("</details></div>")
    chosen = type_card_html(catalog.types["self_service"], catalog, chosen=True, open_details=True)
    assert chosen.startswith('<div class="bmc-card bmc-type-card bmc-card-chosen" ')
    assert " · no person involved</p>" in chosen
    assert "<details open>" in chosen


def test_compact_card_keeps_definition_and_scales_behind_details(catalog: Catalog) -> None:
    rtype = catalog.types["communities"]
    card = type_card_html(rtype, catalog, compact=True)
    summary_at = card.index("<details><summary>Definition, scales and cost</summary>")
    assert card.index("The business builds or hosts a place") > summary_at
    assert card.index('<div class="bmc-scales">') > summary_at
    assert card.index("Running: about 1 a year for each customer") > summary_at
    assert "Examples, pros and cons" not in card
    assert "bmc-motivations" in card[:summary_at]


def test_author_text_is_escaped(catalog: Catalog) -> None:
    odd: RelationshipType = catalog.types["co_creation"].model_copy(
        update={"id": "co<creation", "name": "Co-creation <beta>", "summary": "Fans & makers"}
    )
    card = type_card_html(odd, catalog)
    assert 'data-type="co&lt;creation"' in card
    assert '<div class="bmc-card-title">Co-creation &lt;beta&gt;</div>' in card
    # co-creation: no human fallback, human_contact 2
    assert "Fans &amp; makers · little contact with the business&#x27;s people" in card
    assert "<beta>" not in card
