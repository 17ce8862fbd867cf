"""Typed, versioned models of the course content files (``bmc_course/content``).

Every content file carries ``schema_version``; the models forbid unknown keys so
that an author's typo (``pros`` spelled ``prons``) is reported, not ignored.
Cross-references between files (a case naming a type id) are checked by the
catalog, which sees all files at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

CONTENT_SCHEMA_VERSION = 1

RELATIONSHIP_TYPE_IDS = (
    "personal_assistance",
    "dedicated_personal_assistance",
    "self_service",
    "automated_services",
    "communities",
    "co_creation",
)
ARCHETYPE_IDS = (
    "mass_market",
    "niche",
    "business",
    "government",
    "luxury",
    "platform",
    "citizens",
)
MOTIVATION_IDS = ("acquisition", "retention", "boosting_sales")

Motivation = Literal["acquisition", "retention", "boosting_sales"]
# The stages of a market a segment's mix is planned for (the lifecycle notebook).
STAGE_IDS = ("launch", "growth", "mature")
Stage = Literal["launch", "growth", "mature"]
TestMethod = Literal["interview", "survey", "experiment", "mvp"]
Severity = Literal["info", "warning", "problem"]
FindingCode = Literal[
    "revenue_cost_imbalance",
    "expectation_mismatch",
    "over_serving",
    "lifecycle_gap",
    "no_human_fallback",
    "unvalidated_investment",
    "channel_not_relationship",
    "acquisition_cost_not_recovered",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scale = Annotated[int, Field(ge=1, le=5, strict=True)]
Money = Annotated[float, Field(ge=0)]
Fraction = Annotated[float, Field(gt=0, le=1)]


class ContentModel(BaseModel):
    """Base for content entries: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class VersionedFile(ContentModel):
    """Base for content files in their first shape (``schema_version = 1``)."""

    schema_version: Literal[1]


class VersionedFileV2(ContentModel):
    """Files whose shape changed with the economic model of submission format 2."""

    schema_version: Literal[2]


# --- relationship types -------------------------------------------------------


class Attributes(ContentModel):
    """Ordinal teaching attributes on 1-5 scales (see ``assumptions.toml`` scales).

    ``human_contact`` (how much of the contact is with the business's own people)
    and ``automation`` (how much is done by machines) are separate scales: a
    community is neither, so one "personal vs automated" line cannot rank it.
    """

    personalisation: Scale
    cost_to_serve: Scale
    scalability: Scale
    two_way: Scale
    long_term: Scale
    human_contact: Scale
    automation: Scale


class SetupTier(ContentModel):
    """A one-off set-up cost for a business that serves up to ``up_to_customers`` this way."""

    up_to_customers: Annotated[int, Field(ge=1, strict=True)] | None = None  # None: any size
    cost: Money
    example: Text  # what that money buys at this size


class CostModel(ContentModel):
    """Illustrative costs of one relationship type for one business.

    The set-up is paid once per business, sized by how many customers the
    business serves this way (``setup`` tiers), and spread over
    ``setup_years``; the running cost is per customer served, per year.
    """

    setup: Annotated[list[SetupTier], Field(min_length=1)]
    setup_years: Annotated[int, Field(ge=1, le=20, strict=True)]
    cost_per_customer: Money
    note: Text
    source: Text  # the published figure or reasoning the numbers lean on

    @model_validator(mode="after")
    def _tiers_ascending(self) -> CostModel:
        limits = [tier.up_to_customers for tier in self.setup]
        if limits[-1] is not None or None in limits[:-1]:
            raise ValueError(
                "expected the last set-up tier, and only the last, without up_to_customers"
            )
        bounded = [limit for limit in limits if limit is not None]
        if bounded != sorted(set(bounded)):
            raise ValueError("expected set-up tiers in ascending order of up_to_customers")
        return self

    def setup_tier(self, customers_served: float) -> SetupTier:
        """The set-up a business needs to serve ``customers_served`` customers this way."""
        for tier in self.setup:
            if tier.up_to_customers is None or customers_served <= tier.up_to_customers:
                return tier
        return self.setup[-1]  # unreachable: the last tier has no limit

    def yearly_setup(self, customers_served: float) -> float:
        """The set-up cost spread over ``setup_years``: its part of each year's cost."""
        return self.setup_tier(customers_served).cost / self.setup_years

    def cost_per_customer_at(self, customers: int) -> float:
        """Yearly cost per customer when this type alone serves ``customers`` customers."""
        served = max(customers, 1)
        return self.yearly_setup(served) / served + self.cost_per_customer

    def total_cost(self, customers: int) -> float:
        """Yearly cost of serving ``customers`` customers this way (set-up spread, plus running)."""
        return self.yearly_setup(max(customers, 1)) + self.cost_per_customer * max(customers, 0)


class AssumptionTest(ContentModel):
    """A template turning a relationship choice into a testable assumption."""

    assumption: Text  # may contain {segment}
    method: TestMethod
    signal: Text


class RelationshipType(ContentModel):
    """One relationship type: what it is, when it fits, its attributes, costs and tests."""

    id: Slug
    name: Text
    summary: Text
    definition: Text
    examples: Annotated[list[Text], Field(min_length=3)]
    pros: Annotated[list[Text], Field(min_length=1)]
    cons: Annotated[list[Text], Field(min_length=1)]
    fits_when: Annotated[list[Text], Field(min_length=1)]
    not_fit_when: Annotated[list[Text], Field(min_length=1)]
    human_fallback: bool  # a person the customer can turn to when the tools fail
    motivations: Annotated[list[Motivation], Field(min_length=1)]
    attributes: Attributes
    cost_model: CostModel
    tests: Annotated[list[AssumptionTest], Field(min_length=1)]


class Variant(ContentModel):
    """A named form of relationship explained via the core types (e.g. retail)."""

    id: Slug
    name: Text
    explanation: Text
    closest_types: Annotated[list[Slug], Field(min_length=1)]


class RelationshipTypesFile(VersionedFileV2):
    """``relationship_types.toml``: the relationship types and the named variants."""

    types: list[RelationshipType] = []
    variants: list[Variant] = []


# --- segment archetypes --------------------------------------------------------


class RevenueBand(ContentModel):
    """Typical yearly revenue per customer (one currency unit)."""

    low: Money
    typical: Money
    high: Money

    @model_validator(mode="after")
    def _ordered(self) -> RevenueBand:
        if not self.low <= self.typical <= self.high:
            raise ValueError("expected low <= typical <= high")
        return self


class Archetype(ContentModel):
    """A kind of customer segment: what it expects, its revenue band, its economic defaults."""

    id: Slug
    name: Text
    description: Text
    examples: Annotated[list[Text], Field(min_length=2)]
    expects: Text  # one line: the relationship this segment typically expects
    expects_human_contact: Scale
    expects_two_way: Scale
    price_driven: bool
    revenue_band: RevenueBand
    revenue_label: Text = "revenue per customer"  # citizens: "yearly budget per person"
    profit_label: Text = "gross profit"  # what costs are judged against; citizens: "budget"
    gross_margin: Annotated[
        float, Field(ge=0, le=1)
    ]  # default share of revenue left after the product
    customer_years: Annotated[float, Field(gt=0, le=50)]  # default years a customer stays
    economics_rationale: Text  # where the two defaults come from
    typical_relationships: Annotated[list[Slug], Field(min_length=1)]
    unsuited_types: list[Slug] = []  # never suggested for this archetype
    unsuited_rationale: Text | None = None

    @model_validator(mode="after")
    def _unsuited_explained(self) -> Archetype:
        if self.unsuited_types and self.unsuited_rationale is None:
            raise ValueError("expected unsuited_rationale when unsuited_types is given")
        return self


class ArchetypesFile(VersionedFileV2):
    """``segment_archetypes.toml``: the segment archetypes."""

    archetypes: list[Archetype] = []


# --- teaching assumptions --------------------------------------------------------


class ScaleDefinition(ContentModel):
    """What the two ends of one 1-5 attribute scale mean."""

    id: Literal[
        "personalisation",
        "cost_to_serve",
        "scalability",
        "two_way",
        "long_term",
        "human_contact",
        "automation",
    ]
    name: Text
    low: Text  # what 1 means
    high: Text  # what 5 means


class ImbalanceRule(ContentModel):
    """Relationship cost per customer as a share of gross profit per customer."""

    warning_ratio: Annotated[float, Field(gt=0)]
    problem_ratio: Annotated[float, Field(gt=0)]
    rationale: Text

    @model_validator(mode="after")
    def _ordered(self) -> ImbalanceRule:
        if self.warning_ratio > self.problem_ratio:
            raise ValueError("expected warning_ratio <= problem_ratio")
        return self


class ExpectationRule(ContentModel):
    """How far a mix may fall short of the contact a segment expects, and what over-serves it."""

    mismatch_gap: Annotated[int, Field(ge=1, le=4, strict=True)]
    problem_gap: Annotated[int, Field(ge=1, le=4, strict=True)]
    over_serving_cost: Scale
    over_serving_share: Fraction  # a costly type for at least this share of a price-driven segment
    min_share: Fraction  # a type meets the segment's expectations only from this share on
    rationale: Text


class AcquisitionRule(ContentModel):
    """Lifetime value as a multiple of the cost of winning one customer."""

    warning_multiple: Annotated[float, Field(gt=0)]
    problem_multiple: Annotated[float, Field(gt=0)]
    rationale: Text

    @model_validator(mode="after")
    def _ordered(self) -> AcquisitionRule:
        if self.problem_multiple > self.warning_multiple:
            raise ValueError("expected problem_multiple <= warning_multiple")
        return self


class FallbackRule(ContentModel):
    """How many customers of an automated segment a human fallback is sized for."""

    share: Fraction
    rationale: Text


class InvestmentRule(ContentModel):
    """A segment's part of a set-up from which building before validating it is flagged."""

    heavy_setup_cost: Money
    rationale: Text


class CostMixRule(ContentModel):
    """How a mix's yearly cost is built up, explained (no threshold to set)."""

    rationale: Text


class AssumptionsFile(VersionedFileV2):
    """``assumptions.toml``: the attribute scales and the thresholds behind the checks."""

    scales: Annotated[list[ScaleDefinition], Field(min_length=7, max_length=7)]
    imbalance: ImbalanceRule
    expectation: ExpectationRule
    acquisition: AcquisitionRule
    fallback: FallbackRule
    investment: InvestmentRule
    cost_mix: CostMixRule


# --- channels, dimensions, motivations ------------------------------------------


class Channel(ContentModel):
    """A channel word learners often write in the block, and the relationship it hints at."""

    id: Slug
    term: Text
    aliases: list[Text] = []
    explanation: Text
    relationship_hint: Slug


class RelationshipWords(ContentModel):
    """Words learners write for a relationship type besides its id and name."""

    type: Slug
    words: list[Text] = []
    # phrases containing one of the words that name something else ("community centre")
    not_within: list[Text] = []


class ChannelsFile(VersionedFile):
    """``channels.toml``: channel words, and how a channel differs from a relationship."""

    distinction: Text  # relationship vs channel, in a paragraph
    channels: list[Channel] = []
    relationship_words: list[RelationshipWords] = []


class Dimension(ContentModel):
    """A line along which any relationship can be placed, read from one attribute."""

    id: Slug
    name: Text
    low_pole: Text
    high_pole: Text
    explanation: Text
    attribute: Literal["personalisation", "long_term", "two_way", "human_contact", "automation"]


class DimensionsFile(VersionedFile):
    """``dimensions.toml``: the dimensions of a customer relationship."""

    dimensions: Annotated[list[Dimension], Field(min_length=1)]


class MotivationEntry(ContentModel):
    """One motivation for a relationship, explained, with an example."""

    id: Motivation
    name: Text
    explanation: Text
    example: Text


class MotivationsFile(VersionedFile):
    """``motivations.toml``: acquisition, retention and boosting sales."""

    motivations: Annotated[list[MotivationEntry], Field(min_length=3, max_length=3)]


# --- sources ------------------------------------------------------------------------


class Source(ContentModel):
    """A work the course draws on, named for learners and teachers.

    ``author``, ``year``, ``url`` and ``licence`` are given only where the work
    itself states them; ``subject`` says in the course's words what it covers.
    """

    id: Slug
    kind: Literal["book", "canvas", "article"]
    title: Text
    author: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100, strict=True)] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    licence: Text | None = None
    subject: Text
    used_for: Text  # what the course takes from it

    @property
    def citation(self) -> str:
        """One plain-text line: author, title (year), licence; no markup, escape it for HTML."""
        line = f"{self.author}, {self.title}" if self.author else self.title
        if self.year is not None:
            line += f" ({self.year})"
        if self.licence:
            line += f", {self.licence}"
        return line


class SourcesFile(VersionedFile):
    """``sources.toml``: the works the course draws on, for its "Sources" sections."""

    sources: Annotated[list[Source], Field(min_length=1)]


# --- the canvas around the block -----------------------------------------------------

ChannelPhase = Literal["awareness", "evaluation", "purchase", "delivery", "after_sales"]


class ChannelPhaseEntry(ContentModel):
    """One of the five channel phases of the canvas (awareness … after sales)."""

    id: ChannelPhase
    name: Text
    question: Text


class TypeCanvasLinks(ContentModel):
    """What one relationship type asks of the blocks around it (``id`` is the type's id)."""

    id: Slug
    channel_phases: Annotated[list[ChannelPhase], Field(min_length=1)]
    key_resources: Annotated[list[Text], Field(min_length=1)]
    key_activities: Annotated[list[Text], Field(min_length=1)]
    key_partners: list[Text] = []
    cost_structure: Text


class CanvasLinksFile(VersionedFile):
    """``canvas_links.toml``: the channel phases and, per type, its links to the other blocks."""

    phases: list[ChannelPhaseEntry] = []
    links: list[TypeCanvasLinks] = []


# --- lessons and quizzes ----------------------------------------------------------


class Lesson(ContentModel):
    """One step of the course: its notebook, a summary and its key-ideas page."""

    id: Slug
    title: Text
    notebook: Annotated[str, StringConstraints(pattern=r"^[0-9]{2}_[a-z0-9_]+\.ipynb$")]
    summary: Text
    key_ideas: Annotated[str, StringConstraints(pattern=r"^lessons/[a-z0-9_]+\.md$")]


class LessonsFile(VersionedFile):
    """``lessons.toml``: the lessons, in course order."""

    lessons: Annotated[list[Lesson], Field(min_length=1)]


class QuizOption(ContentModel):
    """One answer to a quiz question, whether it is right, and the feedback it gets."""

    id: Slug
    text: Text
    correct: bool = False
    feedback: Text


class QuizQuestion(ContentModel):
    """A multiple-choice question with exactly one correct option."""

    id: Slug
    prompt: Text
    options: Annotated[list[QuizOption], Field(min_length=2)]
    explanation: Text

    @model_validator(mode="after")
    def _one_correct(self) -> QuizQuestion:
        correct = sum(option.correct for option in self.options)
        if correct != 1:
            raise ValueError(f"expected exactly one option with correct = true, found {correct}")
        ids = [option.id for option in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"expected unique option ids, found {ids}")
        return self

    @property
    def correct_option(self) -> QuizOption:
        """The option marked correct."""
        return next(option for option in self.options if option.correct)


class QuizFile(VersionedFile):
    """A lesson's knowledge-check questions (``quizzes/*.toml``)."""

    lesson: Slug
    questions: Annotated[list[QuizQuestion], Field(min_length=1)]


# --- cases ------------------------------------------------------------------------


class CaseRelationship(ContentModel):
    """One type in a case segment's mix and the share of its customers served that way."""

    type: Text
    share: Fraction


class CaseSegment(ContentModel):
    """A segment of a worked case, in the submission format (version 2)."""

    id: Slug
    name: Text
    archetype: Slug
    revenue_per_customer: Money
    customers: Annotated[int, Field(ge=0, strict=True)]
    validated: bool
    relationships: list[CaseRelationship]
    motivations: list[Motivation] = []
    gross_margin: Annotated[float, Field(ge=0, le=1)] | None = None
    customer_years: Annotated[float, Field(gt=0, le=50)] | None = None
    acquisition_cost: Money | None = None
    funded_by: Slug | None = None
    notes: str = ""


class CaseFile(VersionedFileV2):
    """A worked case (``cases/*.toml``): its story, segments and the findings it should raise."""

    id: Slug
    title: Text
    business: Text
    story: Text  # Markdown
    lesson: Text  # the one idea the case teaches
    source: Text  # which seed fact the case is built on
    expected_findings: list[FindingCode] = []
    max_severity: Severity = "problem"
    discussion: Annotated[list[Text], Field(min_length=1)]
    segments: Annotated[list[CaseSegment], Field(min_length=1)]
