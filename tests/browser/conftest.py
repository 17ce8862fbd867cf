"""Fixtures: one chromium per test session, a real JupyterLab per test module, guarded pages."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.browser_setup import (
    CHROMIUM_ARGS,
    VIEWPORT,
    PageGuard,
    chromium_path,
    screenshot_dir,
)
from tests.browser.servers import RunningServer, running_demo, running_lab


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if call.when == "call":
        item.stash[FAILED] = bool(getattr(report, "failed", False))
    return report


FAILED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_lab(tmp_path_factory.mktemp("lab") / "workspace") as server:
        yield server


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_demo(tmp_path_factory.mktemp("demo")) as server:
        yield server


@pytest.fixture
def guard() -> PageGuard:
    return PageGuard()


@pytest.fixture
def page(
    browser: Browser, guard: PageGuard, request: pytest.FixtureRequest, screenshots: Path
) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    guard.attach(page)
    yield page
    if request.node.stash.get(FAILED, False) and not page.is_closed():  # what it showed
        page.screenshot(path=str(screenshots / f"FAILED-{request.node.name}.png"))
    context.close()
    guard.check()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Screenshots go to test-artifacts/screenshots/ (CI keeps it) — see README."""
    return screenshot_dir()
