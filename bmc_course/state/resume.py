"""Resume from a submission exported on another machine: check the uploaded file, then load it.

The welcome view only passes on what the learner uploaded and shows the
outcome; the file handling is here. An upload is checked exactly like a file
on disk (it is written to a private temporary folder and read back), and
loading it keeps the current progress file beside it instead of overwriting it.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from bmc_course.formats.submission import Submission, load_checked_submission
from bmc_course.model.catalog import Catalog
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.safe_files import move_aside
from bmc_course.state.session import CourseSession

DEFAULT_UPLOAD_NAME = "upload.json"
KEPT_REASON = "before-upload"  # the progress file is kept as NAME.before-upload-<time>.json


def read_uploaded_submission(name: str, content: bytes, catalog: Catalog) -> Submission:
    """Check an uploaded file exactly like a submission file on disk; errors name the upload.

    The upload's name is only used in messages (its last part, printable, at
    most 100 characters): the bytes go to a fixed name in a private temporary
    folder, so names like ``..``, a NUL or 300 bytes cannot break anything.
    """
    safe_name = upload_label(name)
    with tempfile.TemporaryDirectory(prefix="bmc-upload-") as folder:
        path = Path(folder) / DEFAULT_UPLOAD_NAME
        path.write_bytes(content)
        try:
            return load_checked_submission(path, catalog)
        except SubmissionError as error:
            raise SubmissionError(
                [dataclasses.replace(issue, file=safe_name) for issue in error.issues]
            ) from None


def upload_label(name: str) -> str:
    """How an uploaded file is named in messages: its last part, printable, not too long."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(ch if ch.isprintable() else "?" for ch in last).strip()
    if printable in ("", ".", ".."):
        return DEFAULT_UPLOAD_NAME
    return printable if len(printable) <= 100 else printable[:99] + "…"


def resume_from(session: CourseSession, submission: Submission) -> Path | None:
    """Replace the session's state with ``submission``; return where the old progress file went.

    The current progress file (if there is one) is moved aside first, never
    overwritten; the state's next save writes ``submission`` in its place.
    """
    path = session.store.path
    kept = move_aside(path, KEPT_REASON) if path.exists() else None
    session.state.replace(submission)
    return kept
