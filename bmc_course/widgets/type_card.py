"""A relationship type as an HTML card: definition, examples, pros/cons, fit and the scales."""

from __future__ import annotations

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType
from bmc_course.widgets.html_fragments import bullet_list, chips, esc, money, scale_bar

SCALES_NOTE = "Teaching assumptions on 1-to-5 scales, not measured data."


def scales_html(rtype: RelationshipType, catalog: Catalog) -> str:
    """The five 1-5 attributes as bars, labelled as teaching assumptions."""
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
    """Examples, pros, cons and fit in a ``<details>`` section (keyboard-openable)."""
    cost = rtype.cost_model
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
        + '<div class="bmc-label">Illustrative cost</div>'
        + f"<p>About {money(cost.setup_cost)} a year to set up, plus "
        f"{money(cost.cost_per_customer)} per customer a year. "
        f'<span class="bmc-muted">{esc(cost.note)}</span></p>'
    )
    return (
        f"<details{' open' if open_ else ''}><summary>Examples, pros and cons, when it fits"
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
    human = "involves people" if rtype.human_contact else "no person involved"
    if compact:
        return (
            f'<div class="bmc-card bmc-type-card{" bmc-card-chosen" if chosen else ""}" '
            f'data-type="{esc(rtype.id)}">'
            f'<div class="bmc-card-title">{esc(rtype.name)}</div>'
            f'<p class="bmc-muted">{esc(rtype.summary)} · {human}</p>'
            + motivations_html(rtype, catalog)
            + "<details><summary>Definition and scales</summary>"
            + f"<p>{esc(rtype.definition)}</p>"
            + scales_html(rtype, catalog)
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
