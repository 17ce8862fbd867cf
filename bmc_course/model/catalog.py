"""Load and validate the course content into one immutable :class:`Catalog`.

The built-in content ships in ``bmc_course/content``. An author's folder (from
``--content DIR`` or ``BMC_COURSE_CONTENT``) is laid over it: entries with the
same id replace built-in ones, new ids are added, and Markdown files with the
same name replace built-in ones. Every problem in every file is collected and
raised together as one :class:`~bmc_course.model.input_errors.ContentError`.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from bmc_course.model.content_models import (
    ARCHETYPE_IDS,
    RELATIONSHIP_TYPE_IDS,
    Archetype,
    ArchetypesFile,
    AssumptionsFile,
    CanvasLinksFile,
    CaseFile,
    Channel,
    ChannelPhase,
    ChannelPhaseEntry,
    ChannelsFile,
    Dimension,
    DimensionsFile,
    Lesson,
    LessonsFile,
    MotivationEntry,
    MotivationsFile,
    QuizFile,
    QuizQuestion,
    RelationshipType,
    RelationshipTypesFile,
    Source,
    SourcesFile,
    TypeCanvasLinks,
    Variant,
)
from bmc_course.model.input_errors import (
    FILE_LEVEL,
    NO_FIELD,
    ContentError,
    InputIssue,
    describe_value,
    entry_label,
    issues_from_validation,
)
from bmc_course.model.paths import content_dir
from bmc_course.model.wording_reader import WordingReader, WordingReading

CONTENT_ENV_VAR = "BMC_COURSE_CONTENT"
MAX_CONTENT_FILE_BYTES = 1_000_000

Model = TypeVar("Model", bound=BaseModel)

# Files at the top of a content folder, the model of each, and the lists in
# them whose items are entries (merged by id across built-in and overlay).
_TOP_FILES: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
    "relationship_types.toml": (RelationshipTypesFile, ("types", "variants")),
    "segment_archetypes.toml": (ArchetypesFile, ("archetypes",)),
    "assumptions.toml": (AssumptionsFile, ("scales",)),
    "channels.toml": (ChannelsFile, ("channels",)),
    "dimensions.toml": (DimensionsFile, ("dimensions",)),
    "motivations.toml": (MotivationsFile, ("motivations",)),
    "lessons.toml": (LessonsFile, ("lessons",)),
    "sources.toml": (SourcesFile, ("sources",)),
    "canvas_links.toml": (CanvasLinksFile, ("phases", "links")),
}
_SUBFOLDERS = {"cases": ".toml", "quizzes": ".toml", "lessons": ".md"}
_TYPES_MEMO_SIZE = 4096  # distinct relationship lists remembered (bounded memory)


@dataclass(frozen=True)
class Catalog:
    """All validated course content, keyed by id, in the order authors wrote it."""

    types: dict[str, RelationshipType]
    variants: dict[str, Variant]
    archetypes: dict[str, Archetype]
    assumptions: AssumptionsFile
    channels: ChannelsFile
    dimensions: dict[str, Dimension]
    motivations: dict[str, MotivationEntry]
    lessons: dict[str, Lesson]
    lesson_texts: dict[str, str]
    quizzes: dict[str, QuizFile]
    cases: dict[str, CaseFile]
    # the works the course draws on, in the order authors listed them (welcome, exports' footer)
    sources: dict[str, Source] = field(default_factory=dict)
    # the five channel phases and, per relationship type, what it asks of the other blocks
    channel_phases: dict[str, ChannelPhaseEntry] = field(default_factory=dict)
    canvas_links: dict[str, TypeCanvasLinks] = field(default_factory=dict)
    _types_memo: dict[tuple[str, ...], tuple[RelationshipType, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def questions(self) -> dict[str, QuizQuestion]:
        """Every knowledge-check question by id, across all lessons (computed once; read-only)."""
        return {q.id: q for quiz in self.quizzes.values() for q in quiz.questions}

    @cached_property
    def correct_answers(self) -> dict[str, str]:
        """Question id → the id of its correct option (computed once; read-only)."""
        return {qid: q.correct_option.id for qid, q in self.questions.items()}

    @cached_property
    def answer_ids(self) -> dict[str, frozenset[str]]:
        """Question id → the ids of its options (computed once; read-only)."""
        return {qid: frozenset(o.id for o in q.options) for qid, q in self.questions.items()}

    def types_among(self, ids: Sequence[str]) -> tuple[RelationshipType, ...]:
        """The relationship types named in ``ids``, each once, in order; other entries left out.

        Remembered per distinct list: the checks ask this several times per segment,
        and a class of learners repeats the same few mixes.
        """
        key = tuple(ids)
        found = self._types_memo.get(key)
        if found is None:
            if len(self._types_memo) >= _TYPES_MEMO_SIZE:
                self._types_memo.clear()
            types = self.types
            found = tuple(types[i] for i in dict.fromkeys(key) if i in types)
            self._types_memo[key] = found
        return found

    @cached_property
    def _wording_reader(self) -> WordingReader:
        return WordingReader(self.types, self.channels)

    def read_wording(self, text: str) -> WordingReading:
        """The relationship type and the channel a learner's phrase names, if any.

        ``"our Instagram page"`` names social media; ``"online community"`` names
        communities; ``"self-service website"`` names both (self-service, on a website).
        """
        return self._wording_reader.read(text)

    def channel_for(self, text: str) -> Channel | None:
        """The channel a learner's wording names where it names no relationship type.

        ``"Web shop"`` and ``"our websites"`` → website; ``"self-service website"`` →
        ``None``, since it names a relationship (the channel is only where it happens).
        """
        reading = self.read_wording(text)
        return reading.channel if reading.names_only_a_channel else None


def load_catalog(overlay: Path | str | None = None) -> Catalog:
    """Load the built-in content, optionally overlaid by an author's folder.

    ``overlay`` defaults to the ``BMC_COURSE_CONTENT`` environment variable.
    Results are cached; an overlay is re-read when any of its files change.
    """
    if overlay is None:
        overlay = os.environ.get(CONTENT_ENV_VAR) or None
    if overlay is None:
        return _load_cached(None, ())
    folder = Path(overlay).expanduser().resolve()
    return _load_cached(folder, _fingerprint(folder))


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    if not folder.is_dir():
        return ()
    stats = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


@lru_cache(maxsize=8)
def _load_cached(folder: Path | None, _fingerprint: tuple[tuple[str, int, int], ...]) -> Catalog:
    return _Loader(folder).load()


class _Loader:
    """Reads every content file, collecting issues instead of stopping at the first."""

    def __init__(self, overlay: Path | None) -> None:
        self.overlay = overlay
        self.issues: list[InputIssue] = []
        self.case_files: dict[str, str] = {}
        self._parsed_top: dict[Path, BaseModel | None] = {}  # each file read once

    # -- reading files --------------------------------------------------------

    def _label(self, path: Path) -> str:
        for root in (self.overlay, content_dir()):
            if root is not None and path.is_relative_to(root):
                prefix = "" if root == content_dir() else f"{root}{os.sep}"
                return prefix + str(path.relative_to(root))
        return str(path)

    def _issue(self, file: str, entry: str, field_: str, expected: str, found: str) -> None:
        self.issues.append(InputIssue(file, entry, field_, expected, found))

    def _read_text(self, path: Path) -> str | None:
        label = self._label(path)
        if path.is_symlink():  # an author's folder must not point the reader elsewhere
            self._issue(
                label, FILE_LEVEL, NO_FIELD, "a plain file", "a symbolic link (not followed)"
            )
            return None
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                self._issue(label, FILE_LEVEL, NO_FIELD, "a plain file", "a pipe, device or socket")
                return None
            data = path.read_bytes()
        except OSError as error:
            self._issue(
                label, FILE_LEVEL, NO_FIELD, "a readable file", error.strerror or str(error)
            )
            return None
        if len(data) > MAX_CONTENT_FILE_BYTES:
            self._issue(
                label,
                FILE_LEVEL,
                NO_FIELD,
                f"at most {MAX_CONTENT_FILE_BYTES} bytes",
                f"{len(data)} bytes",
            )
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = data[error.start]
            self._issue(
                label,
                FILE_LEVEL,
                NO_FIELD,
                "UTF-8 text",
                f"byte 0x{bad:02x} at position {error.start}",
            )
            return None

    def _read_toml(self, path: Path, expected_version: int) -> dict[str, Any] | None:
        text = self._read_text(path)
        if text is None:
            return None
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            self._issue(self._label(path), FILE_LEVEL, NO_FIELD, "valid TOML", str(error))
            return None
        except RecursionError:
            self._issue(
                self._label(path),
                FILE_LEVEL,
                NO_FIELD,
                "valid TOML",
                "tables nested too deeply to read",
            )
            return None
        version = raw.get("schema_version")
        if version != expected_version:
            found = "nothing (field missing)" if version is None else describe_value(version)
            if isinstance(version, int) and version > expected_version:
                found += " (written for a newer bmc-course; upgrade bmc-course)"
            elif isinstance(version, int) and version < expected_version:
                found += " (an older content format; see the README's 'Content files')"
            self._issue(
                self._label(path),
                FILE_LEVEL,
                "schema_version",
                f"schema_version = {expected_version}",
                found,
            )
            return None
        return raw

    def _validate(self, path: Path, model: type[Model], collections: Iterable[str]) -> Model | None:
        raw = self._read_toml(path, _schema_version_of(model))
        if raw is None:
            return None
        label = self._label(path)
        try:
            parsed = model.model_validate(raw)
        except ValidationError as error:
            self.issues.extend(
                issues_from_validation(error, file=label, raw=raw, entry_collections=collections)
            )
            return None
        for collection in collections:
            self._check_unique_ids(label, raw.get(collection), collection)
        return parsed

    def _check_unique_ids(self, label: str, items: Any, collection: str) -> None:
        if not isinstance(items, list):
            return
        first_seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                continue
            if item["id"] in first_seen:
                self._issue(
                    label,
                    entry_label(collection, index, item),
                    "id",
                    "an id not used by another entry",
                    f"duplicate of {collection}[{first_seen[item['id']]}]",
                )
            else:
                first_seen[item["id"]] = index

    # -- merging built-in and overlay ----------------------------------------

    def _roots(self) -> list[Path]:
        return [content_dir()] + ([self.overlay] if self.overlay is not None else [])

    def _top_file(self, name: str) -> list[BaseModel]:
        model, collections = _TOP_FILES[name]
        parsed = []
        for root in self._roots():
            path = root / name
            if path.is_file():
                if path not in self._parsed_top:
                    self._parsed_top[path] = self._validate(path, model, collections)
                result = self._parsed_top[path]
                if result is not None:
                    parsed.append(result)
        return parsed

    def _merged(self, name: str, collection: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for parsed in self._top_file(name):
            for entry in getattr(parsed, collection):
                merged[entry.id] = entry
        return merged

    def _last(self, name: str) -> Any:
        parsed = self._top_file(name)
        if not parsed:
            self._issue(
                name, FILE_LEVEL, NO_FIELD, "this file to exist and be valid", "no valid file"
            )
            return None
        return parsed[-1]

    def _folder_files(self, sub: str) -> dict[str, Path]:
        """Files of a subfolder by name; an overlay file replaces the built-in one."""
        files: dict[str, Path] = {}
        for root in self._roots():
            folder = root / sub
            if folder.is_dir():
                for path in sorted(folder.iterdir()):
                    if path.suffix == _SUBFOLDERS[sub] and path.is_file():
                        files[path.name] = path
        return files

    def _check_overlay_names(self) -> None:
        if self.overlay is None:
            return
        if not self.overlay.is_dir():
            found = "a file" if self.overlay.exists() else "no such folder"
            self._issue(str(self.overlay), FILE_LEVEL, NO_FIELD, "a content folder", found)
            return
        for path in sorted(self.overlay.iterdir()):
            if path.name.startswith("."):
                continue
            known = path.name in _TOP_FILES if path.is_file() else path.name in _SUBFOLDERS
            if not known:
                expected = "one of " + ", ".join([*_TOP_FILES, *(f"{s}/" for s in _SUBFOLDERS)])
                self._issue(
                    self._label(path), FILE_LEVEL, NO_FIELD, expected, "an unknown file name"
                )

    # -- the whole load ----------------------------------------------------------

    def load(self) -> Catalog:
        self._check_overlay_names()
        types = self._merged("relationship_types.toml", "types")
        variants = self._merged("relationship_types.toml", "variants")
        archetypes = self._merged("segment_archetypes.toml", "archetypes")
        dimensions = self._merged("dimensions.toml", "dimensions")
        motivations = self._merged("motivations.toml", "motivations")
        lessons = self._merged("lessons.toml", "lessons")
        sources = self._merged("sources.toml", "sources")
        channel_phases = self._merged("canvas_links.toml", "phases")
        canvas_links = self._merged("canvas_links.toml", "links")
        assumptions = self._last("assumptions.toml")
        channels = self._last("channels.toml")
        lesson_texts = self._lesson_texts(lessons)
        quizzes = self._quizzes(lessons)
        cases = self._cases()
        self._require_ids("relationship_types.toml", "types", types, RELATIONSHIP_TYPE_IDS)
        self._require_ids("segment_archetypes.toml", "archetypes", archetypes, ARCHETYPE_IDS)
        self._require_ids("canvas_links.toml", "links", canvas_links, RELATIONSHIP_TYPE_IDS)
        for link_id in canvas_links:
            if link_id not in types:
                self._issue(
                    "canvas_links.toml",
                    f"links {link_id!r}",
                    "id",
                    "a relationship type id (one of " + ", ".join(types) + ")",
                    describe_value(link_id),
                )
        self._require_ids("canvas_links.toml", "phases", channel_phases, get_args(ChannelPhase))
        self._check_references(types, variants, archetypes, channels)
        self._check_cases(cases, types, archetypes, WordingReader(types, channels))
        if self.issues:
            raise ContentError(self.issues)
        return Catalog(
            types=types,
            variants=variants,
            archetypes=archetypes,
            assumptions=assumptions,
            channels=channels,
            dimensions=dimensions,
            motivations=motivations,
            lessons=lessons,
            lesson_texts=lesson_texts,
            quizzes=quizzes,
            cases=cases,
            sources=sources,
            channel_phases=channel_phases,
            canvas_links=canvas_links,
        )

    def _require_ids(
        self, file: str, collection: str, found: Mapping[str, Any], required: Iterable[str]
    ) -> None:
        missing = [id_ for id_ in required if id_ not in found]
        if missing:
            self._issue(
                file, collection, "id", "entries for " + ", ".join(missing), "no such entries"
            )

    def _lesson_texts(self, lessons: Mapping[str, Lesson]) -> dict[str, str]:
        files = self._folder_files("lessons")
        texts = {}
        for lesson in lessons.values():
            name = Path(lesson.key_ideas).name
            if name not in files:
                self._issue(
                    "lessons.toml",
                    f"lessons {lesson.id!r}",
                    "key_ideas",
                    "an existing Markdown file under lessons/",
                    describe_value(lesson.key_ideas),
                )
                continue
            text = self._read_text(files[name])
            if text is not None:
                texts[lesson.id] = text
        return texts

    def _quizzes(self, lessons: Mapping[str, Lesson]) -> dict[str, QuizFile]:
        quizzes: dict[str, QuizFile] = {}
        seen_questions: dict[str, str] = {}
        for name, path in self._folder_files("quizzes").items():
            quiz = self._validate(path, QuizFile, ("questions",))
            if quiz is None:
                continue
            label = self._label(path)
            if quiz.lesson not in lessons:
                self._unknown_ref(label, FILE_LEVEL, "lesson", "a lesson id", quiz.lesson, lessons)
                continue
            for index, question in enumerate(quiz.questions):
                if question.id in seen_questions:
                    self._issue(
                        label,
                        f"questions[{index}] {question.id!r}",
                        "id",
                        "a question id unique across all quiz files",
                        f"already used in {seen_questions[question.id]}",
                    )
                seen_questions[question.id] = f"quizzes/{name}"
            quizzes[quiz.lesson] = quiz
        return {lesson_id: quizzes[lesson_id] for lesson_id in lessons if lesson_id in quizzes}

    def _cases(self) -> dict[str, CaseFile]:
        cases = {}
        for path in self._folder_files("cases").values():
            case = self._validate(path, CaseFile, ("segments",))
            if case is None:
                continue
            if case.id != path.stem:
                self._issue(
                    self._label(path),
                    FILE_LEVEL,
                    "id",
                    f"the file name without .toml ({path.stem!r})",
                    describe_value(case.id),
                )
            self._check_unique_ids(
                self._label(path), [s.model_dump() for s in case.segments], "segments"
            )
            cases[case.id] = case
            self.case_files[case.id] = self._label(path)
        return cases

    def _unknown_ref(
        self, file: str, entry: str, field_: str, what: str, found: str, known: Iterable[str]
    ) -> None:
        self._issue(
            file, entry, field_, f"{what} (one of {', '.join(known)})", describe_value(found)
        )

    def _check_references(
        self,
        types: Mapping[str, RelationshipType],
        variants: Mapping[str, Variant],
        archetypes: Mapping[str, Archetype],
        channels: ChannelsFile | None,
    ) -> None:
        refs: list[tuple[str, str, str, list[str]]] = []
        for variant in variants.values():
            refs.append(
                (
                    "relationship_types.toml",
                    f"variants {variant.id!r}",
                    "closest_types",
                    variant.closest_types,
                )
            )
        for archetype in archetypes.values():
            refs.append(
                (
                    "segment_archetypes.toml",
                    f"archetypes {archetype.id!r}",
                    "typical_relationships",
                    archetype.typical_relationships,
                )
            )
            if archetype.unsuited_types:
                refs.append(
                    (
                        "segment_archetypes.toml",
                        f"archetypes {archetype.id!r}",
                        "unsuited_types",
                        archetype.unsuited_types,
                    )
                )
        if channels is not None:
            for channel in channels.channels:
                refs.append(
                    (
                        "channels.toml",
                        f"channels {channel.id!r}",
                        "relationship_hint",
                        [channel.relationship_hint],
                    )
                )
            for index, words in enumerate(channels.relationship_words):
                refs.append(("channels.toml", f"relationship_words[{index}]", "type", [words.type]))
        for file, entry, field_, ids in refs:
            for index, type_id in enumerate(ids):
                if type_id not in types:
                    where = field_ if len(ids) == 1 else f"{field_}[{index}]"
                    self._unknown_ref(file, entry, where, "a relationship type id", type_id, types)

    def _check_cases(
        self,
        cases: Mapping[str, CaseFile],
        types: Mapping[str, RelationshipType],
        archetypes: Mapping[str, Archetype],
        wording: WordingReader,
    ) -> None:
        for case in cases.values():
            file = self.case_files[case.id]
            for index, segment in enumerate(case.segments):
                entry = f"segments[{index}] {segment.id!r}"
                if segment.archetype not in archetypes:
                    self._unknown_ref(
                        file,
                        entry,
                        "archetype",
                        "an archetype id",
                        segment.archetype,
                        archetypes,
                    )
                for r_index, relationship in enumerate(segment.relationships):
                    name = relationship.type
                    if name not in types and not wording.read(name).names_only_a_channel:
                        self._unknown_ref(
                            file,
                            entry,
                            f"relationships[{r_index}].type",
                            "a relationship type id or a channel term",
                            name,
                            types,
                        )
                segment_ids = [other.id for other in case.segments if other.id != segment.id]
                if segment.funded_by is not None and segment.funded_by not in segment_ids:
                    self._issue(
                        file,
                        entry,
                        "funded_by",
                        "the id of another segment of this case (" + ", ".join(segment_ids) + ")",
                        describe_value(segment.funded_by),
                    )


def _schema_version_of(model: type[BaseModel]) -> int:
    """The ``schema_version`` a content model accepts (its ``Literal`` field)."""
    version: int = get_args(model.model_fields["schema_version"].annotation)[0]
    return version
