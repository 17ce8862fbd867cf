"""Two learners log in to the class hub in chromium and work in their own course.

The hub runs the shipped configuration as the doc starts it on a lab server
(root, PAM accounts, each server as its learner, HTTPS with a self-signed
certificate). Each learner types their own user name and password into the
hub's login form, lands on the welcome notebook, runs it and records their
name; each progress file then holds only its owner's name, the first learner
gets 403 on the second's server, and the teacher's class summary counts both.
Then the doc's end-to-end check (``python -m bmc_course.app.hub.hub_check``)
runs against the same hub: kernels as the learners' own user ids, one
learner's kernel denied the other's folder and file, terminals off.

Needs root and configurable-http-proxy (``scripts/test`` installs it from npm);
skipped with the reason otherwise.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bmc_course.app.hub.hub_check import Learner, display_name, run_check
from tests.browser.browser_setup import VIEWPORT, PageGuard
from tests.browser.lab_page import NOTEBOOK, WIDGET_TIMEOUT, run_all_until_started, shot
from tests.hub.class_hub import RunningHub, missing_requirement, running_class_hub
from tests.support.cli_runner import run_cli

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(missing_requirement() is not None, reason=str(missing_requirement())),
    pytest.mark.timeout(300),
]

LOGIN_TIMEOUT = 120_000  # ms: the hub starts the learner's server after the form is sent


@pytest.fixture(scope="module")
def hub() -> Iterator[RunningHub]:
    with running_class_hub(learners=2, https=True) as running:
        yield running


def learner_page(browser: Browser) -> tuple[BrowserContext, Page, PageGuard]:
    # the lab's certificate is self-signed: the learners' browsers were told to trust it
    context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)
    page = context.new_page()
    guard = PageGuard()
    guard.attach(page)
    return context, page, guard


def log_in(page: Page, hub: RunningHub, learner: Learner) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(learner.name)
    page.locator("#password_input").fill(learner.password)
    page.locator("#login_submit").click()


def wait_for_learner(hub: RunningHub, learner: Learner, name: str) -> None:
    progress = hub.users_root / learner.name / "bmc-course-progress.json"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if json.loads(progress.read_text(encoding="utf-8")).get("learner") == name:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{progress} never held {name!r}")


def test_two_learners_log_in_and_work_in_their_own_course(
    browser: Browser, hub: RunningHub, screenshots: Path
) -> None:
    pages: list[tuple[BrowserContext, Page, PageGuard]] = []
    try:
        for learner in hub.learners:
            context, page, guard = learner_page(browser)
            pages.append((context, page, guard))
            log_in(page, hub, learner)
            expect(page).to_have_url(
                f"{hub.url}/user/{learner.name}/lab/tree/00_welcome.ipynb", timeout=LOGIN_TIMEOUT
            )
        for learner, (_, page, _) in zip(hub.learners, pages, strict=True):
            notebook = page.locator(NOTEBOOK)
            expect(notebook.locator(".jp-Cell").first).to_be_visible(timeout=WIDGET_TIMEOUT)
            run_all_until_started(page, notebook)
            name_field = notebook.locator(".bmc-learner input")
            name_field.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
            name_field.fill(display_name(learner.name))
            name_field.press("Enter")
            wait_for_learner(hub, learner, display_name(learner.name))
            shot(page, screenshots, f"hub-{learner.name[:6]}-welcome")
        alice_page, bob = pages[0][1], hub.learners[1]
        response = alice_page.goto(f"{hub.url}/user/{bob.name}/lab")
        assert response is not None and response.status == 403
        shot(alice_page, screenshots, "hub-403-on-another-learner")
        for _, _, guard in pages:
            guard.check()
    finally:
        for context, _, _ in pages:
            context.close()
    out, _ = run_cli(["class-summary", str(hub.users_root), "--include", "*.json", "--json"])
    rows = json.loads(out)["learner_rows"]
    assert sorted(row["learner"] for row in rows) == sorted(
        display_name(learner.name) for learner in hub.learners
    )


def test_the_end_to_end_check_finds_the_learners_kept_apart(hub: RunningHub) -> None:
    alice, bob = hub.learners
    lines = run_check(hub.url, hub.users_root, hub.learners, cafile=hub.cafile)
    assert lines[0].startswith(f"{alice.name}: server ready")
    assert "kernel as uid 0" not in lines[0] and "terminals off" in lines[0]
    assert lines[2] == (
        f"{alice.name} cannot read {bob.name}'s folder or progress file, "
        "and gets HTTP 403 on their server"
    )
    for learner in hub.learners:
        folder = hub.users_root / learner.name
        assert folder.stat().st_mode & 0o077 == 0  # nobody else may even list it


def test_a_wrong_password_is_refused_on_the_form(browser: Browser, hub: RunningHub) -> None:
    context, page, guard = learner_page(browser)
    try:
        learner = hub.learners[0]
        log_in(page, hub, Learner(learner.name, learner.password + "x"))
        expect(page.locator(".login_error, #login-main .alert-danger").first).to_be_visible(
            timeout=30_000
        )
        assert "/user/" not in page.url
        guard.check()
    finally:
        context.close()
