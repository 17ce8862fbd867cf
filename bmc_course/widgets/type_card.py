"""A relationship type as an HTML card: definition, examples, pros/cons, fit, scales and costs."""

from __future__ import annotations

from bmc_course.logic.wording import years
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import CostModel, RelationshipType
from bmc_course.widgets.html_fragments import bullet_list, chips, count, esc, money, scale_bar

SCALES_NOTE = "Teaching assumptions on 1-to-5 scales, not measured data."


def people_line(rtype: RelationshipType) -> str:
    """Whether the customer deals with the business's people, in a few words."""
    if rtype.human_fallback:
        return "involves people: a person to turn to"
    if rtype.attributes.human_contact > 1:
        return "little contact with the business's people"
    return "no person involved"


def setup_tiers(cost: CostModel) -> list[str]:
    """Each set-up tier in words: ``about 3,000 up to 2,000 customers (a booking page…)``."""
    lines = []
    previous: int | None = None
    for tier in cost.setup:
        if tier.up_to_customers is not None:
            size = f"up to {count(tier.up_to_customers)} customers served this way"
            previous = tier.up_to_customers
        elif previous is not None:
            size = f"more than {count(previous)} customers"
        else:
            size = "any number of customers"
        lines.append(f"about {money(tier.cost)} for {size} ({tier.example})")
    return lines


def cost_html(rtype: RelationshipType) -> str:
    """The illustrative cost model: set-up tiers by size, the years they are spread over, running cost."""
    cost = rtype.cost_model
    return (
        '<div class="bmc-label">Illustrative cost</div>'
        f"<p>Set-up, paid once by the business, sized to how many customers it serves this "
        f"way and spread over {years(cost.setup_years)}:</p>"
        + bullet_list(setup_tiers(cost), css_class="bmc-setup-tiers")
        + f"<p>Running: about {money(cost.cost_per_customer)} a year for each customer "
        "served this way.</p>"
        f'<p class="bmc-muted">{esc(cost.note)}</p>'
        f'<p class="bmc-muted">Source: {esc(cost.source)}</p>'
    )


def scales_html(rtype: RelationshipType, catalog: Catalog) -> str:
    """The 1-5 attributes as bars, labelled as teaching assumptions."""
    bars = "".join(
        scale_bar(scale.name, getattr(rtype.attributes, scale.id), low=scale.low, high=scale.high)
        for scale in catalog.assumptions.scales
    )
    return f'<div class="bmc-scales">{bars}<p class="bmc-muted">{SCALES_NOTE}</p></div>'


def motivations_html(rtype: RelationshipType, catalog: Catalog) -> str:
    """Which lifecycle motivations the type serves (all three shown; unserved struck through)."""
    parts = []
    for motivation_id, entry in catalog.motivations.items():
        served = motivation_id in rtype.motivations
        parts.append(
            chips(
                [f"{'✓' if served else '✗'} {entry.name}"],
                css_class="bmc-chip-on" if served else "bmc-chip-off",
            )
        )
    return f'<div class="bmc-motivations"><span class="bmc-muted">Serves: </span>{"".join(parts)}</div>'


def details_html(rtype: RelationshipType, *, open_: bool = False) -> str:
    """Examples, pros, cons, fit and cost in a ``<details>`` section (keyboard-openable)."""
    body = (
        '<div class="bmc-label">Examples</div>'
        + bullet_list(rtype.examples)
        + '<div class="bmc-label">Pros</div>'
        + bullet_list(rtype.pros)
        + '<div class="bmc-label">Cons</div>'
        + bullet_list(rtype.cons)
        + '<div class="bmc-label">Fits when</div>'
        + bullet_list(rtype.fits_when)
        + '<div class="bmc-label">Does not fit when</div>'
        + bullet_list(rtype.not_fit_when)
        + cost_html(rtype)
    )
    return (
        f"<details{' open' if open_ else ''}><summary>Examples, pros and cons, when it fits, cost"
        f"</summary>{body}</details>"
    )


def type_card_html(
    rtype: RelationshipType,
    catalog: Catalog,
    *,
    chosen: bool = False,
    open_details: bool = False,
    compact: bool = False,
) -> str:
    """The whole card; ``chosen`` marks it as part of the segment's current mix.

    ``compact`` keeps only the name, the summary and what it serves in view,
    with the definition and the scales moved into the details section.
    """
    human = esc(people_line(rtype))
    if compact:
        return (
            f'<div class="bmc-card bmc-type-card{" bmc-card-chosen" if chosen else ""}" '
            f'data-type="{esc(rtype.id)}">'
            f'<div class="bmc-card-title">{esc(rtype.name)}</div>'
            f'<p class="bmc-muted">{esc(rtype.summary)} · {human}</p>'
            + motivations_html(rtype, catalog)
            + "<details><summary>Definition, scales and cost</summary>"
            + f"<p>{esc(rtype.definition)}</p>"
            + scales_html(rtype, catalog)
            + cost_html(rtype)
            + "</details></div>"
        )
    return (
        f'<div class="bmc-card bmc-type-card{" bmc-card-chosen" if chosen else ""}" '
        f'data-type="{esc(rtype.id)}">'
        f'<div class="bmc-card-title">{esc(rtype.name)}</div>'
        f"<p>{esc(rtype.definition)}</p>"
        f'<p class="bmc-muted">{esc(rtype.summary)} · {human}</p>'
        + motivations_html(rtype, catalog)
        + scales_html(rtype, catalog)
        + details_html(rtype, open_=open_details)
        + "</div>"
    )
