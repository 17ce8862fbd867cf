"""Three-way merge of two learners' edits to one progress file (two notebooks, two kernels).

Each open notebook keeps the version of the file it last read or wrote (the
*base*). When it saves and finds the file changed by another notebook
(*theirs*), its own state (*mine*) is merged field by field: what only one
side changed is taken from that side, so neither side's change is lost. Where
both changed the same field, the side saving now wins (the learner just did
it). Segments are matched by id, quiz answers by question, scenarios by name;
a segment removed on one side and untouched on the other stays removed.
Works on the JSON dicts of the file format, so unknown fields merge too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JsonDict = dict[str, Any]
_MISSING: Any = object()  # a key absent from one version


def merge_progress(base: JsonDict, mine: JsonDict, theirs: JsonDict) -> JsonDict:
    """The merged file: every change of ``mine`` and ``theirs`` since ``base``."""
    return _merge_dicts(base, mine, theirs, _TOP_LEVEL_MERGES)


def _pick(base: Any, mine: Any, theirs: Any) -> Any:
    """One value: the side that changed it; both changed: mine (the newest edit)."""
    if mine == base:
        return theirs
    return mine


def _merge_dicts(
    base: JsonDict,
    mine: JsonDict,
    theirs: JsonDict,
    special: dict[str, Callable[[Any, Any, Any], Any]] | None = None,
) -> JsonDict:
    merged: JsonDict = {}
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        if special and key in special and _MISSING not in (m, t) and m != t:
            value = special[key](None if b is _MISSING else b, m, t)
        else:
            value = _pick(b, m, t)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _merge_keyed_lists(key: str) -> Callable[[Any, Any, Any], list[Any]]:
    """Merge lists of objects matched by ``key`` (segments by id, scenarios by name)."""

    def merge(base: Any, mine: Any, theirs: Any) -> list[Any]:
        if not all(isinstance(v, list) for v in (mine, theirs)):
            return list(mine) if isinstance(mine, list) else []
        base_items = _by_key(base if isinstance(base, list) else [], key)
        mine_items, theirs_items = _by_key(mine, key), _by_key(theirs, key)
        order = [*theirs_items, *(k for k in mine_items if k not in theirs_items)]
        merged = []
        for item_key in order:
            b = base_items.get(item_key, _MISSING)
            m = mine_items.get(item_key, _MISSING)
            t = theirs_items.get(item_key, _MISSING)
            if _MISSING not in (m, t) and isinstance(m, dict) and isinstance(t, dict):
                value = _merge_dicts(b if isinstance(b, dict) else {}, m, t)
            else:
                value = _pick(b, m, t)
            if value is not _MISSING:
                merged.append(value)
        return merged

    return merge


def _by_key(items: list[Any], key: str) -> dict[Any, Any]:
    found: dict[Any, Any] = {}
    for index, item in enumerate(items):
        name = item.get(key) if isinstance(item, dict) else None
        found[name if name is not None else ("#", index)] = item
    return found


def _merge_answers(base: Any, mine: Any, theirs: Any) -> Any:
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dicts(base if isinstance(base, dict) else {}, mine, theirs)
    return mine


def _merge_steps(base: Any, mine: Any, theirs: Any) -> Any:
    """Finished steps: one side's newly finished and newly reopened steps both count."""
    if not all(isinstance(v, list) for v in (mine, theirs)):
        return mine
    before = set(base) if isinstance(base, list) else set()
    reopened = (before - set(mine)) | (before - set(theirs))
    done = (set(mine) | set(theirs)) - reopened
    return [step for step in dict.fromkeys([*theirs, *mine]) if step in done]


_TOP_LEVEL_MERGES: dict[str, Callable[[Any, Any, Any], Any]] = {
    "segments": _merge_keyed_lists("id"),
    "scenarios": _merge_keyed_lists("name"),
    "quiz": _merge_answers,
    "completed_steps": _merge_steps,
}
