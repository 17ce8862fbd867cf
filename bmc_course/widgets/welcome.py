"""Welcome and resume: who you are, your business, what is done, and loading a saved file.

Shows the session's message (e.g. a progress file that had to be moved
aside), the learner's name and business (saved as they are typed), what is
done so far, and a file upload to resume from an exported JSON submission on
another machine. An uploaded file is checked first; loading it asks for
confirmation and keeps the current progress file beside it (the file handling
is in ``state/resume.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as widgets

from bmc_course.formats.submission import Submission
from bmc_course.model.input_errors import SubmissionError
from bmc_course.state.course_state import Change
from bmc_course.state.resume import read_uploaded_submission, resume_from
from bmc_course.state.session import CourseSession
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import EVERY_CHANGE, StateView, StatusLine, one_line

UPLOAD_LABEL = "Load a saved file…"
# ipywidgets' FileUpload always writes "<description> (<count>)" on its button, so a
# fresh one reads "Load a saved file (0)". The button's own text is hidden (font size 0)
# and the label shown in its place, with empty alternative text (after the "/") so a
# screen reader reads the button's own text once; the file a learner chose is named in
# the status line.
UPLOAD_CSS = (
    ".bmc-welcome .bmc-upload { font-size: 0; }"
    f'.bmc-welcome .bmc-upload::before {{ content: "{UPLOAD_LABEL}" / "";'
    " font-size: var(--jp-widgets-font-size, 13px); }"
)


def knowledge_checks_line(correct: int, answered: int) -> str:
    """The knowledge-check line of the summary: "none answered yet" rather than "0 of 0"."""
    if answered == 0:
        return "No knowledge checks answered yet"
    return f"Knowledge checks: <strong>{correct} of {answered}</strong> answered correctly"


def upload_items(value: Any) -> list[tuple[str, bytes]]:
    """(name, bytes) of each uploaded file (ipywidgets 8 gives a tuple of dicts)."""
    items = []
    for item in value or ():
        items.append((str(item.get("name", "upload.json")), bytes(item.get("content", b""))))
    return items


class WelcomeView(StateView):
    """Resume where you left off; name and business; load a submission from another machine."""

    REDRAW_ON = EVERY_CHANGE

    def __init__(self, session: CourseSession, *, with_style: bool = True) -> None:
        super().__init__(session.state, css_class="bmc-welcome", with_style=with_style)
        self.session = session
        self._syncing = False
        self.pending: Submission | None = None
        self.session_message = widgets.HTML(
            message_box(session.message, "warning") if session.message else ""
        )
        self.session_message.add_class("bmc-session-message")
        self.learner = widgets.Text(
            description="Your name",
            placeholder="shown on your exported block",
            continuous_update=False,
            style={"description_width": "8em"},
            layout=widgets.Layout(width="30em"),
        )
        self.learner.add_class("bmc-learner")
        self.learner.observe(self._on_learner_changed, names="value")
        self.business = widgets.Textarea(
            description="Your business",
            placeholder="One or two sentences: what you sell, to whom",
            continuous_update=False,
            style={"description_width": "8em"},
            layout=widgets.Layout(width="40em", height="5em"),
        )
        self.business.add_class("bmc-business")
        self.business.observe(self._on_business_changed, names="value")
        self.progress = widgets.HTML()
        self.progress.add_class("bmc-progress-summary")
        self.status = StatusLine()
        self.upload = widgets.FileUpload(
            accept=".json",
            multiple=False,
            description=UPLOAD_LABEL,
            tooltip="Resume from a submission (.json) exported on another machine",
            icon="",  # no icon font: Voilà would fetch it from a CDN
            layout=widgets.Layout(width="max-content"),  # not in em: the button's font size is 0
        )
        self.upload.add_class("bmc-upload")
        self.upload_style = widgets.HTML(
            f"<style>{UPLOAD_CSS}</style>", layout=widgets.Layout(display="none")
        )
        self.upload.observe(self._on_uploaded, names="value")
        self.confirm = widgets.Button(description="Yes, load it", button_style="warning")
        self.confirm.add_class("bmc-upload-confirm")
        self.confirm.on_click(self._on_confirm_load)
        self.cancel = widgets.Button(description="Cancel")
        self.cancel.add_class("bmc-upload-cancel")
        self.cancel.on_click(self._on_cancel_load)
        self.confirm_box = widgets.HBox([self.confirm, self.cancel])
        self.confirm_box.layout.display = "none"
        self._set_body(
            widgets.HTML(heading("Welcome", 3)),
            self.session_message,
            widgets.HTML(
                f'<p class="bmc-muted">Everything you enter is saved at once to '
                f"<code>{esc(session.store.path)}</code>.</p>"
            ),
            self.learner,
            self.business,
            self.progress,
            widgets.HTML(
                heading(
                    "Continue on another machine",
                    4,
                    sub="Load the .json file you exported from your canvas block.",
                )
            ),
            self.upload_style,
            self.upload,
            self.status,
            self.confirm_box,
        )
        self.refresh()

    def refresh(self, change: Change | None = None) -> None:
        """Show the saved name, business and what is done so far."""
        self.redraw_count += 1
        state = self.course_state
        self._syncing = True
        try:
            self.learner.value = state.learner
            self.business.value = state.business
        finally:
            self._syncing = False
        lessons = state.catalog.lessons
        done = state.completed_steps
        correct, answered = state.quiz_score()
        segments = state.segments
        next_step = next((lessons[i] for i in lessons if i not in done), None)
        lines = [
            f"<li>Steps done: <strong>{len(done)} of {len(lessons)}</strong>"
            + (f" ({esc(', '.join(lessons[i].title for i in done))})" if done else "")
            + "</li>",
            (
                f"<li>Segments: <strong>{len(segments)}</strong> "
                f"({esc(', '.join(s.name for s in segments))})</li>"
                if segments
                else "<li>Segments: none yet</li>"
            ),
            f"<li>{knowledge_checks_line(correct, answered)}</li>",
        ]
        if next_step is not None:
            lines.append(
                f"<li>Next step: <strong>{esc(next_step.title)}</strong> "
                f"(<code>{esc(next_step.notebook)}</code>)</li>"
            )
        self.progress.value = heading("So far", 4) + f'<ul class="bmc-list">{"".join(lines)}</ul>'

    # -- learner actions ----------------------------------------------------------------

    def _on_learner_changed(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        with self.status.reporting():
            self.course_state.set_learner(change["new"])

    def _on_business_changed(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        with self.status.reporting():
            self.course_state.set_business(change["new"])

    def _on_uploaded(self, change: dict[str, Any]) -> None:
        items = upload_items(change["new"])
        if not items:
            return
        name, content = items[0]
        self.upload.value = ()  # so the same file can be chosen again after a fix
        self.pending = None
        self.confirm_box.layout.display = "none"
        try:
            submission = read_uploaded_submission(name, content, self.session.catalog)
        except SubmissionError as error:
            self.status.error(f"Could not load that file: {one_line(error)}")
            return
        self.pending = submission
        segments = len(submission.segments)
        self.status.info(
            f"{name}: {submission.learner or 'no name'}, {segments} segment"
            f"{'s' if segments != 1 else ''}, {len(submission.quiz)} quiz answers. "
            "Loading it replaces what is shown now; your current progress file is kept beside it."
        )
        self.confirm_box.layout.display = None

    def load_pending(self) -> Path | None:
        """Replace the state with the checked upload; return where the old progress file went."""
        if self.pending is None:
            return None
        kept = resume_from(self.session, self.pending)
        self.pending = None
        return kept

    def _on_confirm_load(self, _button: widgets.Button) -> None:
        self.confirm_box.layout.display = "none"
        try:
            kept = self.load_pending()
        except (SubmissionError, OSError) as error:
            self.status.error(f"Could not load that file: {one_line(error)}")
            return
        where = f" Your previous progress is kept as {kept}." if kept else ""
        self.status.ok("Loaded. You can carry on where you left off." + where)

    def _on_cancel_load(self, _button: widgets.Button) -> None:
        self.pending = None
        self.confirm_box.layout.display = "none"
        self.status.info("Nothing was loaded.")
