"""Bounds shared by every version of the submission format.

Upper bounds catch typos (an extra three zeros) without limiting real
businesses; a version's schema never loosens them silently.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

MAX_SUBMISSION_BYTES = 1_000_000
MAX_REVENUE_PER_CUSTOMER = 1e9
MAX_CUSTOMERS = 10_000_000_000
MAX_CUSTOMER_YEARS = 50
MAX_NOTES_CHARS = 5000
MAX_LINE_CHARS = 300  # a one-line answer: a value proposition, a reason for one type
# Answers to findings a segment can hold (a segment gets a handful of findings at most).
MAX_FINDING_ANSWERS = 50
# A canvas block has a handful of segments; 100 is far beyond any real one and keeps the
# checks (which try changes on the whole business) to seconds for a hostile but valid file.
MAX_SEGMENTS = 100
MAX_SCENARIOS = 20

SegmentSlug = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
