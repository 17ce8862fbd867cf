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
    archetypes: list[Archetype] = []


# --- teaching assumptions --------------------------------------------------------


class ScaleDefinition(ContentModel):
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
    heavy_setup_cost: Money
    rationale: Text


class CostMixRule(ContentModel):
    rationale: Text


class AssumptionsFile(VersionedFileV2):
    scales: Annotated[list[ScaleDefinition], Field(min_length=7, max_length=7)]
    imbalance: ImbalanceRule
    expectation: ExpectationRule
    acquisition: AcquisitionRule
    fallback: FallbackRule
    investment: InvestmentRule
    cost_mix: CostMixRule


# --- channels, dimensions, motivations ------------------------------------------


class Channel(ContentModel):
    id: Slug
    term: Text
    aliases: list[Text] = []
    explanation: Text
    relationship_hint: Slug


class ChannelsFile(VersionedFile):
    distinction: Text  # relationship vs channel, in a paragraph
    channels: list[Channel] = []


class Dimension(ContentModel):
    id: Slug
    name: Text
    low_pole: Text
    high_pole: Text
    explanation: Text
    attribute: Literal["personalisation", "long_term", "two_way", "human_contact", "automation"]


class DimensionsFile(VersionedFile):
    dimensions: Annotated[list[Dimension], Field(min_length=1)]


class MotivationEntry(ContentModel):
    id: Motivation
    name: Text
    explanation: Text
    example: Text


class MotivationsFile(VersionedFile):
    motivations: Annotated[list[MotivationEntry], Field(min_length=3, max_length=3)]


# --- lessons and quizzes ----------------------------------------------------------


class Lesson(ContentModel):
    id: Slug
    title: Text
    notebook: Annotated[str, StringConstraints(pattern=r"^[0-9]{2}_[a-z0-9_]+\.ipynb$")]
    summary: Text
    key_ideas: Annotated[str, StringConstraints(pattern=r"^lessons/[a-z0-9_]+\.md$")]


class LessonsFile(VersionedFile):
    lessons: Annotated[list[Lesson], Field(min_length=1)]


class QuizOption(ContentModel):
    id: Slug
    text: Text
    correct: bool = False
    feedback: Text


class QuizQuestion(ContentModel):
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
        return next(option for option in self.options if option.correct)


class QuizFile(VersionedFile):
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
