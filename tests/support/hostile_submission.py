"""A submission whose learner text tries to run, format or inject: every renderer must show it as text."""

from __future__ import annotations

from bmc_course.formats.submission import Submission, submission_from_case
from bmc_course.model.catalog import Catalog

HOSTILE = '<img src=x onerror=alert(1)> <script>alert("x")</script>'


def hostile_submission(catalog: Catalog) -> Submission:
    submission = submission_from_case(catalog.cases["online-retailer"])
    submission.learner = HOSTILE
    submission.business = "Shop <b>bold</b> & co"
    submission.segments[0].name = "<i>Shoppers</i>"
    return submission
