"""Every open notebook stays live: a kernel follows the answers another notebook saves."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator

import pytest
from tornado.ioloop import IOLoop

from bmc_course.state.session import CourseSession, open_session
from bmc_course.widgets.live_progress import (
    _views,
    follow_other_notebooks,
    is_shown,
    notebook_shown,
    redraw_views_after_handlers,
    save_after_each_handler,
    stop_following,
)
from bmc_course.widgets.relationship_picker import RelationshipPicker
from bmc_course.widgets.state_view import redraw_after_handlers


@pytest.fixture
def loop() -> Iterator[IOLoop]:
    io_loop = IOLoop(make_current=False)
    yield io_loop
    redraw_after_handlers(None)  # the views of later tests redraw at once again
    io_loop.close(all_fds=False)


@pytest.fixture(autouse=True)
def shown_again() -> Iterator[None]:
    yield
    _views.clear()  # the next test's kernel has heard from no view yet


def _run_until(loop: IOLoop, condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Run the loop until ``condition()`` holds (or ``timeout`` passes); return whether it did.

    The loop runs in a thread of its own while this one waits, as a kernel's loop runs
    beside the test: the main thread may already have an asyncio loop of its own marked as
    running (Playwright's sync API leaves one), where a second could not run.
    """

    async def wait() -> bool:
        for _ in range(int(timeout / 0.02)):
            if condition():
                return True
            await asyncio.sleep(0.02)
        return False

    outcome: list[bool] = []
    runner = threading.Thread(target=lambda: outcome.append(bool(loop.run_sync(wait))))
    runner.start()
    runner.join(timeout + 10)
    return outcome == [True]


def test_a_rename_in_another_notebook_shows_here_without_rerunning(
    session: CourseSession, loop: IOLoop
) -> None:
    seg_id = session.state.add_segment("Walk-ins", "mass_market")
    picker = RelationshipPicker(session.state)  # notebook 04, open in a tab
    other = open_session(session.store.path)  # notebook 02 in its own kernel
    watcher = follow_other_notebooks(session, io_loop=loop, every_ms=20)
    assert watcher is not None
    try:
        other.state.update_segment(seg_id, name="Walk-in commuters")
        assert _run_until(
            loop, lambda: picker.segment_select.options == (("Walk-in commuters", seg_id),)
        )
        other.state.toggle_relationship(seg_id, "communities", True)
        assert _run_until(loop, lambda: picker.type_toggles["communities"].value)
    finally:
        stop_following(session)
    assert not watcher.is_running()


def test_one_watcher_per_session_and_none_outside_a_kernel(
    session: CourseSession, loop: IOLoop
) -> None:
    assert follow_other_notebooks(session) is None  # a test process has no kernel loop
    first = follow_other_notebooks(session, io_loop=loop, every_ms=20)
    _run_until(loop, lambda: first is not None and first.is_running())
    try:
        assert follow_other_notebooks(session, io_loop=loop) is first
    finally:
        stop_following(session)


def test_our_own_saves_do_not_redraw_the_views(session: CourseSession, loop: IOLoop) -> None:
    seg_id = session.state.add_segment("Teams", "business")
    picker = RelationshipPicker(session.state)
    follow_other_notebooks(session, io_loop=loop, every_ms=20)
    try:
        session.state.toggle_relationship(seg_id, "personal_assistance", True)
        drawn = picker.redraw_count
        ticks = [0]

        def counted() -> bool:
            ticks[0] += 1
            return ticks[0] > 25  # about 25 looks at the file (0.5 s)

        _run_until(loop, counted)
        assert picker.redraw_count == drawn  # nothing changed elsewhere: nothing redrawn
    finally:
        stop_following(session)


def test_in_a_kernel_the_file_is_written_just_after_the_handler(
    session: CourseSession, loop: IOLoop
) -> None:
    assert save_after_each_handler(session) is False  # no kernel: saves stay immediate
    assert save_after_each_handler(session, io_loop=loop) is True
    seg_id = session.state.add_segment("Teams", "business")
    path = session.store.path
    assert not path.exists()  # the handler returned before the disk was touched
    assert _run_until(loop, path.exists)
    assert session.state.segment(seg_id).name in path.read_text(encoding="utf-8")


def test_in_a_kernel_the_findings_redraw_in_the_handler_and_the_picker_just_after(
    session: CourseSession, loop: IOLoop
) -> None:
    from bmc_course.widgets.findings_panel import FindingsPanel

    state = session.state
    seg_id = state.add_segment("Teams", "business")
    picker = RelationshipPicker(state)
    panel = FindingsPanel(state)
    save_after_each_handler(session, io_loop=loop)
    drawn, findings_drawn = picker.redraw_count, panel.redraw_count
    state.toggle_relationship(seg_id, "personal_assistance", True)
    state.set_share(seg_id, "personal_assistance", 0.5)  # a second change, same handler
    assert panel.redraw_count == findings_drawn + 2  # the findings: at once, each time
    assert picker.redraw_count == drawn  # not yet: after the handler
    assert _run_until(loop, lambda: picker.redraw_count == drawn + 1)  # once, for both
    assert picker.share_sliders["personal_assistance"].value == 0.5


def test_a_hidden_notebook_waits_and_catches_up_as_soon_as_it_is_shown(
    session: CourseSession, loop: IOLoop
) -> None:
    seg_id = session.state.add_segment("Walk-ins", "mass_market")
    picker = RelationshipPicker(session.state)  # notebook 04, in a tab behind another
    other = open_session(session.store.path)  # notebook 02, in front
    follow_other_notebooks(session, io_loop=loop, every_ms=20)
    try:
        loop.add_callback(notebook_shown, False)  # the extension: "hidden"
        other.state.update_segment(seg_id, name="Walk-in commuters")
        ticks = [0]

        def counted() -> bool:
            ticks[0] += 1
            return ticks[0] > 25  # about 25 looks at the file (0.5 s)

        _run_until(loop, counted)
        assert picker.segment_select.options == (("Walk-ins", seg_id),)  # nobody sees it

        seen: list[object] = []

        def show() -> None:  # as the extension's request runs: on the kernel's loop
            notebook_shown(True)
            seen.append(picker.segment_select.options)  # right after the call, no later tick

        loop.add_callback(show)
        assert _run_until(loop, lambda: bool(seen))
        assert seen == [(("Walk-in commuters", seg_id),)]
    finally:
        stop_following(session)


def test_without_a_progress_file_views_still_redraw_just_after_the_handler(
    session: CourseSession, loop: IOLoop
) -> None:
    # the demo: a sandbox state, no file, findings first and the rest (charts) just after
    from bmc_course.widgets.findings_panel import FindingsPanel

    state = session.state
    seg_id = state.add_segment("Teams", "business")
    picker, panel = RelationshipPicker(state), FindingsPanel(state)
    assert redraw_views_after_handlers() is False  # no kernel here: views redraw at once
    assert redraw_views_after_handlers(loop) is True
    drawn, findings_drawn = picker.redraw_count, panel.redraw_count
    state.toggle_relationship(seg_id, "communities", True)
    assert (panel.redraw_count, picker.redraw_count) == (findings_drawn + 1, drawn)
    assert _run_until(loop, lambda: picker.redraw_count == drawn + 1)


def test_the_notebook_counts_as_shown_while_any_of_its_views_is() -> None:
    assert is_shown()  # nothing heard yet: as before the extension
    notebook_shown(False, view="page-a")
    assert not is_shown()
    notebook_shown(True, view="page-b")  # the same notebook opened in a second page
    assert is_shown()
    notebook_shown(False, view="page-b")  # that page closed (its last word: hidden)
    assert not is_shown()
    notebook_shown(True, view="page-c")  # opened again later
    assert is_shown()
