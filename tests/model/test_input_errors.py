"""One error record for every bad input: file, entry, field, expected, found."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bmc_course.model.input_errors import (
    FILE_LEVEL,
    NO_FIELD,
    ContentError,
    InputError,
    InputIssue,
    SubmissionError,
    describe_value,
    entry_label,
    issues_from_validation,
)


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    id: str
    size: int = Field(ge=0)
    kind: Literal["a", "b"] = "a"
    tags: list[str] = []

    @field_validator("tags")
    @classmethod
    def _short(cls, tags: list[str]) -> list[str]:
        if len(tags) > 2:
            raise ValueError(f"expected at most 2 tags, found {len(tags)}")
        return tags


class File(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    version: Literal[1]
    items: list[Item] = []


def issues_for(raw: dict[str, Any]) -> list[InputIssue]:
    with pytest.raises(ValidationError) as caught:
        File.model_validate(raw)
    return issues_from_validation(caught.value, file="f.toml", raw=raw, entry_collections=["items"])


def test_an_issue_reads_as_one_line() -> None:
    issue = InputIssue("types.toml", "types[2] 'self_service'", "cost", "a number", "'lots' (str)")
    assert str(issue) == (
        "types.toml: types[2] 'self_service': cost: expected a number, found 'lots' (str)"
    )


def test_an_error_carries_all_its_issues_one_per_line() -> None:
    first = InputIssue("a.json", FILE_LEVEL, "learner", "a string", "42 (int)")
    second = InputIssue("a.json", "segments[0]", NO_FIELD, "an object", "[] (list)")
    error = SubmissionError([first, second])
    assert error.issues == [first, second]
    assert str(error) == (
        "a.json: (file): learner: expected a string, found 42 (int)\n"
        "a.json: segments[0]: -: expected an object, found [] (list)"
    )
    assert isinstance(error, InputError) and not isinstance(error, ContentError)


def test_describe_value_is_one_short_line() -> None:
    assert describe_value("ok") == "'ok'"
    assert describe_value({"a": [1, 2]}) == "{'a': [1, 2]}"
    assert describe_value("two\nlines") == "'two\\nlines'"
    assert describe_value(["x   y"]) == "['x y']"  # runs of blanks squeezed
    long = describe_value("x" * 100)
    assert len(long) == 60 and long == "'" + "x" * 58 + "…"


def test_entry_label_adds_the_id_when_there_is_one() -> None:
    assert entry_label("types", 2, {"id": "self_service"}) == "types[2] 'self_service'"
    assert entry_label("types", 0, {"id": 7}) == "types[0]"
    assert entry_label("segments", 1, "not a table") == "segments[1]"


def test_missing_and_unknown_fields_inside_an_entry() -> None:
    raw = {"version": 1, "items": [{"id": "ok", "size": 1}, {"id": "x", "colour": "red"}]}
    assert issues_for(raw) == [
        InputIssue(
            "f.toml", "items[1] 'x'", "size", "this field to be present", "nothing (field missing)"
        ),
        InputIssue(
            "f.toml",
            "items[1] 'x'",
            "colour",
            "only known fields",
            "unknown field with value 'red'",
        ),
    ]


def test_literal_value_error_and_wrong_type() -> None:
    raw = {
        "version": 2,
        "items": [{"id": "a", "size": -1, "kind": "c", "tags": ["1", "2", "3"]}, {"size": "1"}],
    }
    assert issues_for(raw) == [
        InputIssue("f.toml", FILE_LEVEL, "version", "1", "2"),
        InputIssue("f.toml", "items[0] 'a'", "size", "greater than or equal to 0", "-1 (int)"),
        InputIssue("f.toml", "items[0] 'a'", "kind", "'a' or 'b'", "'c'"),
        InputIssue("f.toml", "items[0] 'a'", "tags", "at most 2 tags", "3"),
        InputIssue(
            "f.toml", "items[1]", "id", "this field to be present", "nothing (field missing)"
        ),
        InputIssue("f.toml", "items[1]", "size", "a valid integer", "'1' (str)"),
    ]


def test_a_field_path_inside_a_list_names_the_position() -> None:
    raw = {"version": 1, "items": [{"id": "a", "size": 1, "tags": ["ok", 5]}]}
    (issue,) = issues_for(raw)
    assert (issue.entry, issue.field) == ("items[0] 'a'", "tags[1]")


def test_outside_the_entry_collections_the_whole_path_is_the_field() -> None:
    raw = {"version": 1, "items": [{"id": "a", "size": "big"}]}
    with pytest.raises(ValidationError) as caught:
        File.model_validate(raw)
    (issue,) = issues_from_validation(caught.value, file="f.toml", raw=raw)
    assert (issue.entry, issue.field) == (FILE_LEVEL, "items[0].size")
