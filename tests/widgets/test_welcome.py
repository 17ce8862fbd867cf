"""Welcome: name and business saved, a progress summary, resuming from an uploaded file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bmc_course.state.session import CourseSession, open_session
from bmc_course.widgets.welcome import WelcomeView


def upload(view: WelcomeView, name: str, content: bytes) -> None:
    view.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.now(UTC),
        },
    )


def test_name_and_business_are_saved(session: CourseSession) -> None:
    view = WelcomeView(session)
    view.learner.value = "Ada"
    view.business.value = "Cleats for athletes"
    saved = json.loads(session.store.path.read_text(encoding="utf-8"))
    assert (saved["learner"], saved["business"]) == ("Ada", "Cleats for athletes")


def test_progress_summary_follows_the_state(session: CourseSession) -> None:
    view = WelcomeView(session)
    session.state.add_segment("<b>Teams</b>", "business")
    session.state.mark_step_done(next(iter(session.catalog.lessons)))
    assert "Segments: <strong>1</strong>" in view.progress.value
    assert "&lt;b&gt;Teams&lt;/b&gt;" in view.progress.value
    assert "Steps done: <strong>1 of" in view.progress.value


def test_knowledge_checks_read_plainly_before_and_after_answers(session: CourseSession) -> None:
    view = WelcomeView(session)
    assert "No knowledge checks answered yet" in view.progress.value
    assert "Segments: none yet" in view.progress.value
    assert "0 of 0" not in view.progress.value
    question = next(iter(session.catalog.questions.values()))
    wrong = next(o.id for o in question.options if o.id != question.correct_option.id)
    session.state.answer(question.id, wrong)
    assert "Knowledge checks: <strong>0 of 1</strong> answered correctly" in view.progress.value


def test_the_upload_button_is_labelled_plainly(session: CourseSession) -> None:
    view = WelcomeView(session)
    assert view.upload.description == "Load a saved file…"
    # the frontend appends " (0)" to the description; the view's own style hides that text
    # and shows the label instead
    assert view.upload_style in view.children
    css = view.upload_style.value
    assert ".bmc-welcome .bmc-upload { font-size: 0; }" in css
    assert 'content: "Load a saved file…" / "";' in css  # shown, not read out twice
    assert view.upload.layout.width == "max-content"  # an em width would be 0 at font size 0


def test_moved_aside_progress_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text("{not json", encoding="utf-8")
    session = open_session(path)
    view = WelcomeView(session)
    assert "could not be read" in view.session_message.value
    assert "bmc-message-warning" in view.session_message.value


def test_upload_valid_submission_asks_then_replaces(session: CourseSession, tmp_path: Path) -> None:
    session.state.set_learner("Old me")
    view = WelcomeView(session)
    data = {
        "schema_version": 1,
        "learner": "Ada",
        "business": "Cleats",
        "segments": [
            {
                "id": "athletes",
                "name": "Athletes",
                "archetype": "mass_market",
                "revenue_per_customer": 120,
                "customers": 50000,
                "relationships": ["self_service"],
            }
        ],
        "quiz": {},
    }
    upload(view, "ada.json", json.dumps(data).encode())
    assert session.state.learner == "Old me"  # nothing replaced before confirming
    assert view.confirm_box.layout.display is None
    assert "Ada" in view.status.value
    view.confirm.click()
    assert session.state.learner == "Ada"
    assert [s.id for s in session.state.segments] == ["athletes"]
    assert view.learner.value == "Ada"
    kept = [p for p in tmp_path.iterdir() if "before-upload" in p.name]
    assert len(kept) == 1
    assert json.loads(kept[0].read_text(encoding="utf-8"))["learner"] == "Old me"
    assert json.loads(session.store.path.read_text(encoding="utf-8"))["learner"] == "Ada"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{oops", "valid JSON"),
        (b'{"schema_version": 99}', "newer bmc-course"),
        (b'{"schema_version": 1, "segments": [{"id": "x"}]}', "segments[0]"),
        (
            b'{"schema_version": 1, "segments": [{"id": "x", "name": "X", "archetype": "aliens",'
            b' "revenue_per_customer": 1, "customers": 1}]}',
            "aliens",
        ),
    ],
)
def test_upload_bad_file_is_one_line(session: CourseSession, content: bytes, expected: str) -> None:
    view = WelcomeView(session)
    upload(view, "bad.json", content)
    assert "bmc-message-error" in view.status.value
    assert expected in view.status.value
    assert "Could not load that file: bad.json: " in view.status.value  # named as uploaded
    assert view.confirm_box.layout.display == "none"
    assert view.pending is None


def test_cancel_upload_changes_nothing(session: CourseSession) -> None:
    view = WelcomeView(session)
    upload(view, "ok.json", b'{"schema_version": 1, "learner": "Bo"}')
    view.cancel.click()
    assert session.state.learner == ""
    assert "Nothing was loaded" in view.status.value
