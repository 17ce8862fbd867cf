"""The economic model behind every cost figure and cost check: pure functions, no UI.

In plain words:

* Each segment has a **mix**: relationship types, each with the *share* of the
  segment's customers served that way in a year.
* A type's **set-up** is paid once by the business, not once per segment. Its
  size depends on how many customers the whole business serves that way
  (a shop's booking page is not a national platform), it is spread over the
  type's ``setup_years``, and each year's part is shared by the segments using
  the type in proportion to the customers each sends through it.
* The **running cost** is the type's yearly cost per customer served, times
  the share.
* **Gross profit** per customer is revenue × gross margin (the learner's
  figure, or the archetype's default); **lifetime value** is gross profit ×
  the years a customer stays.
* A **free segment** (``funded_by``) pays nothing itself: its whole
  relationship cost is carried by the segment that funds it and shown per
  paying customer there.

Every number comes from the content files (``relationship_types.toml``,
``segment_archetypes.toml``); nothing here is a figure of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from bmc_course.model.catalog import Catalog
from bmc_course.model.content_models import SetupTier

Source = Literal["learner", "archetype"]


class RelationshipLike(Protocol):
    """One entry of a mix: a type id (or a channel word) and a share."""

    @property
    def type(self) -> str:
        """A relationship type id, or a channel word a learner typed."""

    @property
    def share(self) -> float:
        """The share of the segment's customers served this way in a year (above 0, at most 1)."""


class SegmentLike(Protocol):
    """What the model reads of a segment (a learner's choice or a worked case's)."""

    @property
    def id(self) -> str:
        """The segment's id, unique within the business."""

    @property
    def name(self) -> str:
        """The segment's name as the learner or the case wrote it."""

    @property
    def archetype(self) -> str:
        """The id of the segment's archetype, which supplies the defaults."""

    @property
    def revenue_per_customer(self) -> float:
        """Yearly revenue per customer (for citizens: the budget per person)."""

    @property
    def customers(self) -> int:
        """How many customers the segment has."""

    @property
    def relationships(self) -> Sequence[RelationshipLike]:
        """The mix: relationship types, each with the share of customers served that way."""

    @property
    def gross_margin(self) -> float | None:
        """Share of revenue left after the product's own cost; None: the archetype's default."""

    @property
    def customer_years(self) -> float | None:
        """How many years a customer stays; None: the archetype's default."""

    @property
    def acquisition_cost(self) -> float | None:
        """What winning one customer costs; None: not given (nothing to check it against)."""

    @property
    def funded_by(self) -> str | None:
        """The id of the paying segment that carries this free segment's costs; None: it pays."""


@dataclass(frozen=True)
class SegmentFigures:
    """A segment's figures with every default resolved: what the model computes from.

    ``mix`` holds only relationship types the catalog knows (channel words a
    learner typed are left out), each once, with its share.
    """

    id: str
    name: str
    archetype: str
    customers: int
    revenue_per_customer: float
    mix: tuple[tuple[str, float], ...]
    gross_margin: float
    margin_from: Source
    customer_years: float
    years_from: Source
    acquisition_cost: float | None
    funded_by: str | None

    def with_mix(self, mix: Iterable[tuple[str, float]]) -> SegmentFigures:
        """The same segment with another mix (for what-ifs and suggestions)."""
        return replace(self, mix=tuple(mix))

    def share_of(self, type_id: str) -> float:
        """The share of customers served by ``type_id`` (0 when it is not in the mix)."""
        return next((share for tid, share in self.mix if tid == type_id), 0.0)


@dataclass(frozen=True)
class SharedSetup:
    """One type's set-up for the whole business."""

    type_id: str
    customers_served: float  # by this type, across all segments
    tier: SetupTier
    years: int

    @property
    def yearly(self) -> float:
        """The part of the set-up that falls on each year."""
        return self.tier.cost / self.years


@dataclass(frozen=True)
class TypeCost:
    """What one type in one segment's mix costs, per customer of the segment, a year."""

    type_id: str
    share: float
    customers_served: float
    running_per_customer: float
    setup_per_customer: float

    @property
    def per_customer(self) -> float:
        """Running cost plus this segment's part of the yearly set-up, per customer."""
        return self.running_per_customer + self.setup_per_customer


@dataclass(frozen=True)
class SegmentEconomics:
    """The economics of one segment's relationships."""

    figures: SegmentFigures
    types: tuple[TypeCost, ...]
    carried: tuple[tuple[str, float], ...] = ()  # (free segment id, its cost per customer here)

    @property
    def segment_id(self) -> str:
        """The segment's id."""
        return self.figures.id

    @property
    def gross_profit_per_customer(self) -> float:
        """Revenue per customer × gross margin: what is left after the product itself."""
        return self.figures.revenue_per_customer * self.figures.gross_margin

    @property
    def lifetime_value(self) -> float:
        """Gross profit per customer × the years a customer stays."""
        return self.gross_profit_per_customer * self.figures.customer_years

    @property
    def running_cost_per_customer(self) -> float:
        """This segment's own running relationship cost per customer a year."""
        return sum(t.running_per_customer for t in self.types)

    @property
    def setup_cost_per_customer(self) -> float:
        """This segment's part of the yearly set-up of its types, per customer."""
        return sum(t.setup_per_customer for t in self.types)

    @property
    def own_cost_per_customer(self) -> float:
        """The segment's own relationship cost per customer a year (running + set-up part)."""
        return self.running_cost_per_customer + self.setup_cost_per_customer

    @property
    def carried_cost_per_customer(self) -> float:
        """What the free segments this one funds cost, per customer of this segment."""
        return sum(cost for _, cost in self.carried)

    @property
    def cost_per_customer(self) -> float:
        """Everything this segment's customers pay for in relationships, per customer a year."""
        return self.own_cost_per_customer + self.carried_cost_per_customer

    @property
    def total_cost(self) -> float:
        """The segment's own relationship cost a year, for all its customers."""
        return self.own_cost_per_customer * self.figures.customers

    @property
    def cost_share_of_gross_profit(self) -> float | None:
        """Relationship cost per customer as a share of gross profit per customer.

        ``None`` for a segment funded by another (it is judged where it is
        paid for); infinity when there is a cost and no gross profit at all.
        """
        if self.figures.funded_by is not None:
            return None
        cost = self.cost_per_customer
        profit = self.gross_profit_per_customer
        if profit > 0:
            return cost / profit
        return float("inf") if cost > 0 else 0.0

    def cost_of(self, type_id: str) -> TypeCost | None:
        """The cost of one type of the mix, or ``None`` when it is not in the mix."""
        return next((t for t in self.types if t.type_id == type_id), None)


@dataclass(frozen=True)
class BusinessEconomics:
    """The economics of every segment, and the set-ups they share."""

    segments: tuple[SegmentEconomics, ...]
    setups: Mapping[str, SharedSetup]

    def segment(self, segment_id: str) -> SegmentEconomics:
        """The economics of one segment (``KeyError`` if there is none with that id)."""
        for economics in self.segments:
            if economics.segment_id == segment_id:
                return economics
        raise KeyError(segment_id)


def figures_of(segment: SegmentLike, catalog: Catalog) -> SegmentFigures:
    """A segment's figures with the archetype's defaults filled in where the learner gave none."""
    archetype = catalog.archetypes.get(segment.archetype)
    mix: dict[str, float] = {}
    for relationship in segment.relationships:
        if relationship.type in catalog.types and relationship.type not in mix:
            mix[relationship.type] = relationship.share
    margin, margin_from = _resolved(
        segment.gross_margin, archetype.gross_margin if archetype else None, 1.0
    )
    years, years_from = _resolved(
        segment.customer_years, archetype.customer_years if archetype else None, 1.0
    )
    return SegmentFigures(
        id=segment.id,
        name=segment.name,
        archetype=segment.archetype,
        customers=segment.customers,
        revenue_per_customer=segment.revenue_per_customer,
        mix=tuple(mix.items()),
        gross_margin=margin,
        margin_from=margin_from,
        customer_years=years,
        years_from=years_from,
        acquisition_cost=segment.acquisition_cost,
        funded_by=segment.funded_by,
    )


def _resolved(given: float | None, default: float | None, fallback: float) -> tuple[float, Source]:
    if given is not None:
        return given, "learner"
    return (default if default is not None else fallback), "archetype"


def business_economics(segments: Sequence[SegmentLike], catalog: Catalog) -> BusinessEconomics:
    """The economics of a whole canvas block (every segment, with shared set-ups)."""
    return economics_of_figures([figures_of(s, catalog) for s in segments], catalog)


def economics_of_figures(segments: Sequence[SegmentFigures], catalog: Catalog) -> BusinessEconomics:
    """The model itself, on resolved figures (so what-ifs can change them freely).

    A ``funded_by`` that names no other paying segment of the business is
    ignored: the segment is then judged on its own, never left out.
    """
    segments = _with_valid_funding(segments)
    setups = _shared_setups(segments, catalog)
    own = {s.id: _segment_costs(s, setups, segments, catalog) for s in segments}
    carried: dict[str, list[tuple[str, float]]] = {}
    funders = {s.id: s for s in segments if s.funded_by is None}
    for segment in segments:
        funder = funders.get(segment.funded_by) if segment.funded_by else None
        if funder is None or funder.id == segment.id:
            continue
        total = sum(t.per_customer for t in own[segment.id]) * segment.customers
        carried.setdefault(funder.id, []).append((segment.id, total / max(funder.customers, 1)))
    return BusinessEconomics(
        segments=tuple(
            SegmentEconomics(s, own[s.id], tuple(carried.get(s.id, ()))) for s in segments
        ),
        setups=setups,
    )


def _with_valid_funding(segments: Sequence[SegmentFigures]) -> list[SegmentFigures]:
    paying = {s.id for s in segments if s.funded_by is None}
    return [
        s
        if s.funded_by is None or (s.funded_by in paying and s.funded_by != s.id)
        else replace(s, funded_by=None)
        for s in segments
    ]


def _shared_setups(segments: Sequence[SegmentFigures], catalog: Catalog) -> dict[str, SharedSetup]:
    served: dict[str, float] = {}
    for segment in segments:
        for type_id, share in segment.mix:
            served[type_id] = served.get(type_id, 0.0) + share * segment.customers
    setups = {}
    for type_id, total in served.items():
        model = catalog.types[type_id].cost_model
        setups[type_id] = SharedSetup(type_id, total, model.setup_tier(total), model.setup_years)
    return setups


def _segment_costs(
    segment: SegmentFigures,
    setups: Mapping[str, SharedSetup],
    segments: Sequence[SegmentFigures],
    catalog: Catalog,
) -> tuple[TypeCost, ...]:
    costs = []
    for type_id, share in segment.mix:
        setup = setups[type_id]
        served = share * segment.customers
        if setup.customers_served > 0:
            part = setup.yearly * served / setup.customers_served
        else:  # nobody served yet: the set-up falls equally on the segments that chose the type
            users = sum(1 for s in segments if any(t == type_id for t, _ in s.mix))
            part = setup.yearly / max(users, 1)
        running = share * catalog.types[type_id].cost_model.cost_per_customer
        costs.append(TypeCost(type_id, share, served, running, part / max(segment.customers, 1)))
    return tuple(costs)
