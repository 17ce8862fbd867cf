"""The class summary as plain text for the terminal."""

from __future__ import annotations

from bmc_course.catalog import Catalog
from bmc_course.classroom.summary import ClassSummary

TOP = 5


def summary_lines(summary: ClassSummary, catalog: Catalog) -> list[str]:
    lines = [
        f"Class summary of {summary.folder}",
        f"  learners: {len(summary.learners)}   segments: {summary.segments}   "
        f"files summarised: {summary.accepted}   rejected: {len(summary.rejected)}   "
        f"older duplicates: {len(summary.duplicates)}",
        "",
        "Relationship types chosen, per segment archetype:",
    ]
    for archetype_id, counts in sorted(summary.by_archetype.items()):
        archetype = catalog.archetypes.get(archetype_id)
        name = archetype.name if archetype else archetype_id
        total = summary.segments_by_archetype[archetype_id]
        chosen = ", ".join(
            f"{catalog.types[t].name} {n}" for t, n in counts.most_common() if t in catalog.types
        )
        lines.append(f"  {name} ({total} segments): {chosen or 'nothing chosen'}")
    lines += ["", "Most frequent findings (learners):"]
    lines += [
        f"  {f.code}: {f.learners} (e.g. {', '.join(f.examples)})" for f in summary.findings[:TOP]
    ] or ["  none"]
    lines += ["", "Weakest knowledge-check questions (share correct):"]
    lines += [
        f"  {q.question_id} ({q.lesson_id}): {q.correct}/{q.answered} = {q.share_correct or 0:.0%}"
        for q in summary.quiz[:TOP]
    ] or ["  no answers"]
    if summary.rejected or summary.duplicates:
        lines += ["", f"Not summarised ({len(summary.rejected) + len(summary.duplicates)} files):"]
        lines += [f"  {file}: {reason}" for file, reason in summary.rejected]
        lines += [
            f"  {file}: an older submission of {learner}; kept {kept}"
            for file, learner, kept in summary.duplicates
        ]
    return lines
