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
ARCHETYPE_IDS = ("mass_market", "niche", "business", "government", "luxury", "platform")
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
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scale = Annotated[int, Field(ge=1, le=5, strict=True)]
Money = Annotated[float, Field(ge=0)]


class ContentModel(BaseModel):
    """Base for content entries: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class VersionedFile(ContentModel):
    schema_version: Literal[1]


# --- relationship types -------------------------------------------------------


class Attributes(ContentModel):
    """Ordinal teaching attributes on 1-5 scales (see ``assumptions.toml`` scales)."""

    personalisation: Scale
    cost_to_serve: Scale
    scalability: Scale
    two_way: Scale
    long_term: Scale


class CostModel(ContentModel):
    """Illustrative yearly cost: fixed set-up cost plus a cost per customer."""

    setup_cost: Money
    cost_per_customer: Money
    note: Text

    def cost_per_customer_at(self, customers: int) -> float:
        """Yearly cost per customer when serving ``customers`` customers."""
        if customers <= 0:
            return self.setup_cost + self.cost_per_customer
        return self.setup_cost / customers + self.cost_per_customer

    def total_cost(self, customers: int) -> float:
        """Yearly cost of serving ``customers`` customers this way."""
        return self.setup_cost + self.cost_per_customer * max(customers, 0)


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
    human_contact: bool
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


class RelationshipTypesFile(VersionedFile):
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
    expects_personalisation: Scale
    expects_two_way: Scale
    price_driven: bool
    revenue_band: RevenueBand
    typical_relationships: Annotated[list[Slug], Field(min_length=1)]


class ArchetypesFile(VersionedFile):
    archetypes: list[Archetype] = []


# --- teaching assumptions --------------------------------------------------------


class ScaleDefinition(ContentModel):
    id: Literal["personalisation", "cost_to_serve", "scalability", "two_way", "long_term"]
    name: Text
    low: Text  # what 1 means
    high: Text  # what 5 means


class ImbalanceRule(ContentModel):
    """Relationship cost per customer as a share of revenue per customer."""

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
    rationale: Text


class InvestmentRule(ContentModel):
    heavy_setup_cost: Money
    rationale: Text


class CostMixRule(ContentModel):
    rationale: Text


class AssumptionsFile(VersionedFile):
    scales: Annotated[list[ScaleDefinition], Field(min_length=5, max_length=5)]
    imbalance: ImbalanceRule
    expectation: ExpectationRule
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
    attribute: Literal["personalisation", "long_term", "two_way"]


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


class CaseSegment(ContentModel):
    """A segment of a worked case, in the submission format."""

    id: Slug
    name: Text
    archetype: Slug
    revenue_per_customer: Money
    customers: Annotated[int, Field(ge=0, strict=True)]
    validated: bool
    relationships: list[Text]
    motivations: list[Motivation] = []


class CaseFile(VersionedFile):
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
