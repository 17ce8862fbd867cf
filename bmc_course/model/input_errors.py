"""Precise, typed errors for bad input files (content, submissions, progress).

Every problem names the file, the entry inside it and the field, with what was
expected and what was found, so an author or teacher can fix it without
reading Python. All problems of a file are collected, not just the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

FILE_LEVEL = "(file)"
NO_FIELD = "-"
_MAX_FOUND = 60


@dataclass(frozen=True)
class InputIssue:
    """One problem in one input file."""

    file: str
    entry: str
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.entry}: {self.field}: expected {self.expected}, found {self.found}"
        )


class InputError(Exception):
    """Raised when an input file (or folder of files) has one or more problems."""

    def __init__(self, issues: Sequence[InputIssue]) -> None:
        self.issues = list(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


class ContentError(InputError):
    """The course content (built-in or an author's folder) is invalid."""


class SubmissionError(InputError):
    """A learner's submission or progress file is invalid."""


def describe_value(value: Any) -> str:
    """A short, single-line rendering of a found value."""
    text = repr(value)
    text = " ".join(text.split())
    if len(text) > _MAX_FOUND:
        text = text[: _MAX_FOUND - 1] + "…"
    return text


def entry_label(collection: str, index: int, raw: Any) -> str:
    """``types[2] 'self_service'``: the position, plus the id when the entry has one."""
    label = f"{collection}[{index}]"
    if isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
        label += f" {raw['id']!r}"
    return label


def issues_from_validation(
    error: ValidationError,
    *,
    file: str,
    raw: Any,
    entry_collections: Iterable[str] = (),
) -> list[InputIssue]:
    """Turn a pydantic ``ValidationError`` into file/entry/field issues.

    ``entry_collections`` names top-level lists whose items are "entries"
    (``types``, ``segments``, ...): a location inside one is reported as that
    entry plus the field path within it.
    """
    collections = set(entry_collections)
    issues = []
    for detail in error.errors(include_url=False):
        loc = list(detail["loc"])
        entry = FILE_LEVEL
        if len(loc) >= 2 and loc[0] in collections and isinstance(loc[1], int):
            items = raw.get(loc[0]) if isinstance(raw, Mapping) else None
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            entry = entry_label(str(loc[0]), loc[1], item)
            loc = loc[2:]
        field = _field_path(loc)
        expected, found = _expected_found(detail)
        issues.append(InputIssue(file, entry, field, expected, found))
    return issues


def _field_path(loc: Sequence[Any]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif parts:
            parts.append(f".{part}")
        else:
            parts.append(str(part))
    return "".join(parts) or NO_FIELD


def _expected_found(detail: Mapping[str, Any]) -> tuple[str, str]:
    kind = detail["type"]
    message = str(detail["msg"])
    value = detail.get("input")
    if kind == "missing":
        return "this field to be present", "nothing (field missing)"
    if kind == "extra_forbidden":
        return "only known fields", f"unknown field with value {describe_value(value)}"
    if kind == "literal_error":
        return message.removeprefix("Input should be "), describe_value(value)
    if kind == "value_error":
        expected = message.removeprefix("Value error, ")
        expected = expected.removeprefix("expected ")
        if ", found " in expected:
            expected, found = expected.split(", found ", 1)
            return expected, found
        return expected, describe_value(value)
    expected = message.removeprefix("Input should be ").removeprefix("String should ")
    return expected, f"{describe_value(value)} ({type(value).__name__})"
