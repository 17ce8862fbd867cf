"""Changes to a segment's mix, tried out on the economic model before they are suggested.

A suggestion is only made after the model has computed what it would do to
the whole business (set-ups are shared, so changing one segment's mix can
change another's cost). It never names a type the segment already uses or
one its archetype rules out (``unsuited_types`` in ``segment_archetypes.toml``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bmc_course.logic.economics import SegmentEconomics, SegmentFigures, economics_of_figures
from bmc_course.logic.wording import listing, money, percent, share_of_customers
from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import RelationshipType

Mix = tuple[tuple[str, float], ...]
# Shares tried when a costly type is kept for fewer customers, most service first.
REDUCED_SHARES = (0.5, 0.25, 0.2, 0.1, 0.05)


@dataclass(frozen=True)
class MixChange:
    """A changed mix for one segment and what the model says it leads to."""

    before: Mix
    after: Mix
    economics: SegmentEconomics

    @property
    def added(self) -> tuple[str, ...]:
        """Types in the new mix that were not in the old one."""
        old = dict(self.before)
        return tuple(type_id for type_id, _ in self.after if type_id not in old)

    def describe(self, catalog: Catalog) -> str:
        """The change in words, e.g. "personal assistance for 20% of them instead of all"."""
        old, new = dict(self.before), dict(self.after)
        parts = []
        for type_id, share in self.after:
            name = catalog.types[type_id].name.lower()
            if type_id not in old:
                parts.append(f"{name} for {share_of_customers(share)} of them")
            elif share != old[type_id]:
                parts.append(
                    f"{name} for {share_of_customers(share)} of them instead of "
                    f"{share_of_customers(old[type_id])}"
                )
        parts.extend(f"no {catalog.types[t].name.lower()}" for t in old if t not in new)
        return listing(parts)

    def effect(self) -> str:
        """What the change does to the segment's cost, in words."""
        ratio = self.economics.cost_share_of_gross_profit
        cost = money(self.economics.cost_per_customer)
        if ratio is None:
            return f"brings their relationship cost to about {cost} per customer a year"
        return (
            f"brings relationship cost to about {cost} per customer a year, "
            f"{percent(ratio)} of gross profit"
        )


def economics_with(
    segments: Sequence[SegmentFigures], segment_id: str, mix: Mix, catalog: Catalog
) -> SegmentEconomics:
    """The segment's economics if its mix were ``mix`` (every other segment unchanged)."""
    changed = [s.with_mix(mix) if s.id == segment_id else s for s in segments]
    return economics_of_figures(changed, catalog).segment(segment_id)


def addable_types(
    segment: SegmentFigures,
    catalog: Catalog,
    keep: Callable[[RelationshipType], bool] = lambda _type: True,
) -> list[RelationshipType]:
    """Types that may be suggested for the segment: not in its mix, not ruled out by its archetype."""
    archetype = catalog.archetypes.get(segment.archetype)
    unsuited = set(archetype.unsuited_types) if archetype else set()
    used = {type_id for type_id, _ in segment.mix}
    return [
        t for t in catalog.types.values() if t.id not in used and t.id not in unsuited and keep(t)
    ]


def expectation_levels(mix: Iterable[tuple[str, float]], catalog: Catalog) -> tuple[int, int]:
    """(contact with people, two-way exchange) the mix offers to the segment as a whole.

    A type counts only when it reaches at least ``min_share`` of the customers
    (``assumptions.toml``): a person for one customer in a hundred does not
    make the segment's relationship personal.
    """
    min_share = catalog.assumptions.expectation.min_share
    counted = [catalog.types[t] for t, share in mix if share >= min_share]
    return (
        max((t.attributes.human_contact for t in counted), default=0),
        max((t.attributes.two_way for t in counted), default=0),
    )


def cheaper_mix(
    segments: Sequence[SegmentFigures], segment_id: str, catalog: Catalog
) -> MixChange | None:
    """The smallest change that brings the segment's cost under the warning line, if any.

    Tried in order of how much service it keeps: the costliest type kept for
    fewer customers (from half down to one in twenty), alone or with one
    cheaper type added for all of them; then dropped. A change that would
    leave customers with no relationship at all, the segment with less contact
    than its archetype expects, or without the human fallback it had, is not
    suggested.
    """
    segment = next(s for s in segments if s.id == segment_id)
    current = economics_with(segments, segment_id, segment.mix, catalog)
    warning = catalog.assumptions.imbalance.warning_ratio
    costly = sorted(current.types, key=lambda t: -t.per_customer)
    for costliest in costly:
        running = catalog.types[costliest.type_id].cost_model.cost_per_customer
        cheaper = sorted(addable_types(segment, catalog, _cheaper_than(running)), key=_closeness)
        additions: list[RelationshipType | None] = [None, *cheaper]
        shares = [s for s in REDUCED_SHARES if s < costliest.share] + [0.0]
        for share in shares:
            for addition in additions:
                mix = _changed(segment.mix, costliest.type_id, share, addition)
                if not mix or not _keeps_the_relationship(segment, mix, catalog):
                    continue
                after = economics_with(segments, segment_id, mix, catalog)
                ratio = after.cost_share_of_gross_profit
                if ratio is not None and ratio < warning:
                    return MixChange(segment.mix, mix, after)
    return None


def fewer_served(
    segments: Sequence[SegmentFigures], segment_id: str, type_id: str, catalog: Catalog
) -> MixChange:
    """``type_id`` kept as a fallback for a few customers (``assumptions.fallback.share``).

    When that would leave customers with no relationship at all, the cheapest
    scalable type the segment may get is added for all of them.
    """
    segment = next(s for s in segments if s.id == segment_id)
    share = catalog.assumptions.fallback.share
    scalable = sorted(
        addable_types(segment, catalog, lambda t: t.attributes.scalability >= 4),
        key=lambda t: t.cost_model.cost_per_customer,
    )
    mix = _changed(segment.mix, type_id, share, None)
    if max(s for _, s in mix) < max(s for _, s in segment.mix) and scalable:
        mix = _changed(segment.mix, type_id, share, scalable[0])
    return MixChange(segment.mix, mix, economics_with(segments, segment_id, mix, catalog))


def _cheaper_than(running: float) -> Callable[[RelationshipType], bool]:
    def cheaper(relationship: RelationshipType) -> bool:
        return relationship.cost_model.cost_per_customer < running

    return cheaper


def _closeness(relationship: RelationshipType) -> tuple[int, float]:
    """Most contact with people first (the closest replacement), then the cheapest."""
    return (-relationship.attributes.human_contact, relationship.cost_model.cost_per_customer)


def _changed(mix: Mix, type_id: str, share: float, addition: RelationshipType | None) -> Mix:
    changed = [(t, share if t == type_id else s) for t, s in mix]
    changed = [(t, s) for t, s in changed if s > 0]
    if addition is not None:
        changed.append((addition.id, 1.0))
    return tuple(changed)


def _keeps_the_relationship(segment: SegmentFigures, mix: Mix, catalog: Catalog) -> bool:
    """No customers left with no relationship, no new expectation gap, no lost human fallback."""
    if max(share for _, share in mix) < max(share for _, share in segment.mix):
        return False  # e.g. a named contact for half the fleets, and nothing for the rest
    archetype = catalog.archetypes.get(segment.archetype)
    if archetype is not None:
        gap = catalog.assumptions.expectation.mismatch_gap
        human, two_way = expectation_levels(mix, catalog)
        old_human, old_two_way = expectation_levels(segment.mix, catalog)
        if (
            archetype.expects_human_contact - human
            >= gap
            > archetype.expects_human_contact - old_human
        ):
            return False
        if archetype.expects_two_way - two_way >= gap > archetype.expects_two_way - old_two_way:
            return False
    had_fallback = any(catalog.types[t].human_fallback for t, _ in segment.mix)
    return not had_fallback or any(catalog.types[t].human_fallback for t, _ in mix)


def cheapest_addition(
    segments: Sequence[SegmentFigures],
    segment_id: str,
    catalog: Catalog,
    candidates: Iterable[RelationshipType],
    share_for: Callable[[RelationshipType], float],
) -> list[MixChange]:
    """Each candidate added at its share, cheapest result first (what adding it would cost)."""
    segment = next(s for s in segments if s.id == segment_id)
    changes = []
    for candidate in candidates:
        mix = (*segment.mix, (candidate.id, share_for(candidate)))
        changes.append(
            MixChange(segment.mix, mix, economics_with(segments, segment_id, mix, catalog))
        )
    return sorted(changes, key=lambda change: change.economics.cost_per_customer)


def typical_share(relationship: RelationshipType, catalog: Catalog) -> float:
    """The share a type is suggested at: all customers for cheap, scalable types; a few for people."""
    if relationship.attributes.scalability >= 4:
        return 1.0
    return catalog.assumptions.expectation.min_share
