"""A submission carrying every kind of learner reason, some of it hostile.

The cleat maker's case with: a value proposition per segment, a reason for
each type in the athletes' mix, segment notes, an answer to every finding the
checks raise for the athletes (and one to a finding no longer raised), and a
mix planned for launch, growth and a mature market for the teams. The texts
try to run script in HTML (``<script>``) and a formula in a spreadsheet
(``=cmd|``): every export and report must show them as plain text.
"""

from __future__ import annotations

from bmc_course.formats.submission import Stage, Submission, submission_from_case
from bmc_course.logic.checks import check_segments
from bmc_course.model.catalog import Catalog

SCRIPT = "<script>alert('why')</script>"
FORMULA = "=cmd|' /C calc'!A0"
VALUE_PROPOSITION = f"Boots that fit wide feet {SCRIPT}"
SELF_SERVICE_WHY = f"{FORMULA} athletes order at night"
AUTOMATED_WHY = "Size reminders before the season bring them back"
NOTES = f"Most athletes buy once a year & {SCRIPT}"
ANSWER = f"I accept this because we answer e-mail within a day {SCRIPT}"
OLD_ANSWER = "I accepted the old over-serving warning"
TEAMS_STAGES: dict[Stage, list[str]] = {
    "launch": ["personal_assistance"],
    "growth": ["personal_assistance", "self_service"],
    "mature": ["self_service", "communities"],
}


def reasons_submission(catalog: Catalog) -> Submission:
    submission = submission_from_case(catalog.cases["cleat-maker"])
    submission.learner = f"Ada {SCRIPT}"
    athletes, teams = submission.segments
    athletes.value_proposition = VALUE_PROPOSITION
    athletes.relationships[0].notes = SELF_SERVICE_WHY
    athletes.relationships[1].notes = AUTOMATED_WHY
    athletes.notes = NOTES
    raised = [f for f in check_segments(submission.segments, catalog) if f.segment_id == "athletes"]
    athletes.answers = {f.key: ANSWER for f in raised} | {"over_serving:self_service": OLD_ANSWER}
    teams.value_proposition = "Team kits in every size"
    teams.stages = TEAMS_STAGES
    return submission
