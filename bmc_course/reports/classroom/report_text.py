"""The class summary as plain text for the terminal.

Learner names and file names are shown with control characters made visible
(``\\x1b``): a name carrying a terminal escape sequence could otherwise clear
the teacher's screen or rewrite what the summary says.
"""

from __future__ import annotations

from bmc_course.logic.wording import count, finding_title
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.summary import ClassSummary

TOP = 5
# C0 and C1 control characters, DEL, and the bidirectional overrides that can reorder a line
_UNSAFE = (*range(0x20), *range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F))
_UNSAFE += (*range(0x2066, 0x206A),)
_VISIBLE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSAFE}


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as escapes."""
    return text.translate(_VISIBLE)


def summary_lines(summary: ClassSummary, catalog: Catalog) -> list[str]:
    """The summary as lines: choices per archetype, top findings, weakest questions, rejects."""
    lines = [
        f"Class summary of {printable(summary.folder)}",
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
        lines.append(f"  {name} ({count(total, 'segment')}): {chosen or 'nothing chosen'}")
    lines += ["", "Most frequent findings (learners):"]
    lines += [
        f"  {finding_title(f.code)}: {f.learners} (e.g. {printable(', '.join(f.examples))})"
        for f in summary.findings[:TOP]
    ] or ["  none"]
    lines += ["", "Weakest knowledge-check questions (share correct):"]
    lessons = {lesson_id: lesson.title for lesson_id, lesson in catalog.lessons.items()}
    lines += [
        f"  {q.question_id} ({lessons.get(q.lesson_id, q.lesson_id)}): {q.correct}/{q.answered}"
        f" = {q.share_correct or 0:.0%}"
        for q in summary.quiz[:TOP]
    ] or ["  no answers"]
    if summary.reasons:
        learners = len({r.file for r in summary.reasons})
        lines += [
            "",
            f"Reasons written: {count(len(summary.reasons), 'segment')} by "
            f"{count(learners, 'learner')} "
            "(in the HTML report and the CSV).",
        ]
    if summary.rejected or summary.duplicates:
        lines += ["", f"Not summarised ({len(summary.rejected) + len(summary.duplicates)} files):"]
        lines += [f"  {printable(file)}: {printable(reason)}" for file, reason in summary.rejected]
        lines += [
            printable(f"  {file}: an older submission of {learner}; kept {kept}")
            for file, learner, kept in summary.duplicates
        ]
    return lines
