"""Two notebooks' edits to one progress file are merged field by field, never overwritten."""

from __future__ import annotations

from bmc_course.state.progress_merge import merge_progress

BASE = {
    "schema_version": 2,
    "learner": "Ana",
    "business": "Bikes",
    "segments": [{"id": "a", "name": "Walk-ins", "customers": 100}],
    "quiz": {"q1": "x"},
    "completed_steps": ["welcome"],
}


def test_each_side_keeps_what_only_it_changed() -> None:
    mine = BASE | {"business": "Bike repair", "quiz": {"q1": "x", "q2": "y"}}
    theirs = BASE | {"learner": "Ana Lopez", "quiz": {"q1": "z"}}
    assert merge_progress(BASE, mine, theirs) == BASE | {
        "learner": "Ana Lopez",
        "business": "Bike repair",
        "quiz": {"q1": "z", "q2": "y"},
    }


def test_segments_are_matched_by_id_and_merged_field_by_field() -> None:
    mine = BASE | {
        "segments": [
            {"id": "a", "name": "Walk-in commuters", "customers": 100},
            {"id": "b", "name": "Fleets"},
        ]
    }
    theirs = BASE | {
        "segments": [
            {"id": "a", "name": "Walk-ins", "customers": 1500},
            {"id": "c", "name": "Clubs"},
        ]
    }
    assert merge_progress(BASE, mine, theirs)["segments"] == [
        {"id": "a", "name": "Walk-in commuters", "customers": 1500},
        {"id": "c", "name": "Clubs"},
        {"id": "b", "name": "Fleets"},
    ]


def test_a_segment_removed_on_one_side_stays_removed() -> None:
    mine = BASE | {"segments": []}
    theirs = BASE | {"business": "Bike repair"}
    merged = merge_progress(BASE, mine, theirs)
    assert merged["segments"] == []
    assert merged["business"] == "Bike repair"


def test_when_both_change_the_same_field_the_newest_edit_wins() -> None:
    mine = BASE | {"business": "Mine"}
    theirs = BASE | {"business": "Theirs"}
    assert merge_progress(BASE, mine, theirs)["business"] == "Mine"


def test_finished_and_reopened_steps_from_both_sides_count() -> None:
    mine = BASE | {"completed_steps": ["welcome", "segments"]}
    theirs = BASE | {"completed_steps": []}  # the other notebook reopened "welcome"
    assert merge_progress(BASE, mine, theirs)["completed_steps"] == ["segments"]


def test_unknown_fields_merge_too() -> None:
    mine = BASE | {"teacher_tag": "group-3"}
    theirs = BASE | {"colour": "blue"}
    merged = merge_progress(BASE, mine, theirs)
    assert (merged["teacher_tag"], merged["colour"]) == ("group-3", "blue")
