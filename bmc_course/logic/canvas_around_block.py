"""The canvas around the Customer Relationships block: what the chosen mixes ask of the
other blocks.

From the learner's segments (their value propositions, mixes and economics)
and the content's per-type links (``canvas_links.toml``) this builds, block by
block, plain lines that say *which* choice asks for *what*: the channel phases
the relationships serve, the revenue they protect, the resources, activities
and partners they need and what they add to the cost structure. Pure data in,
plain data out; widgets and exports render it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bmc_course.formats.submission import SegmentChoice
from bmc_course.logic.economics import business_economics
from bmc_course.logic.wording import count, listing, money
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import TypeCanvasLinks


@dataclass(frozen=True)
class Need:
    """One line of a neighbouring block and the relationship types (with segments) that ask for it."""

    text: str
    asked_by: tuple[str, ...]  # e.g. ("Personal assistance (Teams, Walk-ins)",) or a segment
    by_segment: bool = False  # asked_by names a segment (written as the learner wrote it)

    @property
    def because(self) -> str:
        """``for personal assistance (Teams) and communities (Fans)``, or ``for Teams``."""
        names = self.asked_by if self.by_segment else [_lower_first(a) for a in self.asked_by]
        return "for " + listing(list(names))


@dataclass(frozen=True)
class Block:
    """One block of the canvas: its name, the question it answers, and its lines."""

    name: str
    question: str
    lines: tuple[Need, ...]


@dataclass(frozen=True)
class CanvasAround:
    """The six blocks around Customer Relationships, as the learner's choices shape them."""

    blocks: tuple[Block, ...]

    def block(self, name: str) -> Block:
        """One block by name (``"Key Resources"``)."""
        return next(b for b in self.blocks if b.name == name)


def canvas_around(segments: list[SegmentChoice], catalog: Catalog) -> CanvasAround:
    """The blocks around the relationships for these segments (types not chosen are left out)."""
    names = {type_id: rtype.name for type_id, rtype in catalog.types.items()}
    users: dict[str, list[str]] = {}  # type id → segments using it, in order
    for segment in segments:
        for type_id in segment.type_ids:
            if type_id in names and type_id in catalog.canvas_links:
                users.setdefault(type_id, []).append(segment.name)
    asked = {t: f"{names[t]} ({', '.join(who)})" for t, who in users.items()}
    links = {t: catalog.canvas_links[t] for t in users}

    def needs(field: str) -> tuple[Need, ...]:
        found: dict[str, list[str]] = {}
        for type_id, link in links.items():
            for text in getattr(link, field):
                found.setdefault(text, []).append(asked[type_id])
        return tuple(Need(text, tuple(who)) for text, who in found.items())

    return CanvasAround(
        blocks=(
            Block(
                "Value Propositions",
                "What does each segment get from you — what must the relationships deliver?",
                _value_propositions(segments),
            ),
            Block(
                "Channels",
                "Which phases of the customer's path do the relationships serve?",
                _channels(links, asked, catalog),
            ),
            Block(
                "Revenue Streams",
                "What the relationships protect: the revenue and lifetime value of each segment.",
                _revenue(segments, catalog),
            ),
            Block("Key Resources", "What the relationships need to have.", needs("key_resources")),
            Block("Key Activities", "What the relationships need doing.", needs("key_activities")),
            Block("Key Partners", "Who helps provide them.", needs("key_partners")),
            Block(
                "Cost Structure",
                "What the relationships add to the costs, a year (illustrative figures).",
                _costs(segments, catalog, asked),
            ),
        )
    )


def _value_propositions(segments: list[SegmentChoice]) -> tuple[Need, ...]:
    lines = []
    for segment in segments:
        offer = segment.value_proposition.strip()
        text = offer or "not written yet — say in one line what these customers get from you"
        lines.append(Need(text, (segment.name,), by_segment=True))
    return tuple(lines)


def _channels(
    links: dict[str, TypeCanvasLinks], asked: dict[str, str], catalog: Catalog
) -> tuple[Need, ...]:
    lines = []
    for phase_id, phase in catalog.channel_phases.items():
        serving = tuple(
            asked[t]
            for t, link in catalog.canvas_links.items()
            if t in links
            if phase_id in link.channel_phases
        )
        if serving:
            lines.append(Need(f"{phase.name}: {phase.question}", serving))
    return tuple(lines)


def _revenue(segments: list[SegmentChoice], catalog: Catalog) -> tuple[Need, ...]:
    economics = business_economics(segments, catalog)
    lines = []
    for segment in segments:
        e = economics.segment(segment.id)
        if segment.funded_by is not None:
            funder = next(
                (s.name for s in segments if s.id == segment.funded_by), segment.funded_by
            )
            text = f"pays nothing itself; its relationships are paid for by {funder}"
        else:
            yearly = segment.revenue_per_customer * segment.customers
            text = (
                f"{count(segment.customers, 'customer')} × {money(segment.revenue_per_customer)} "
                f"a year = {money(yearly)} a year; each customer is worth about "
                f"{money(e.lifetime_value)} in gross profit over the years they stay"
            )
        lines.append(Need(text, (segment.name,), by_segment=True))
    return tuple(lines)


def _costs(
    segments: list[SegmentChoice], catalog: Catalog, asked: dict[str, str]
) -> tuple[Need, ...]:
    economics = business_economics(segments, catalog)
    totals: dict[str, float] = {}
    for segment in segments:
        for cost in economics.segment(segment.id).types:
            totals[cost.type_id] = (
                totals.get(cost.type_id, 0.0) + cost.per_customer * segment.customers
            )
    lines = []
    for type_id in sorted(totals, key=lambda t: -totals[t]):
        link = catalog.canvas_links.get(type_id)
        if link is None or type_id not in asked:
            continue
        lines.append(
            Need(f"about {money(totals[type_id])} a year. {link.cost_structure}", (asked[type_id],))
        )
    return tuple(lines)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
