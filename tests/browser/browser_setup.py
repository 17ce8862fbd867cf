"""Debian's chromium for Playwright, and the guards every browser test runs under.

Playwright's own browser download does not work offline, so tests drive the
system chromium (``apt-get install chromium``; ``scripts/test`` installs it
when missing). Every page records its requests and fails the test on any that
leaves 127.0.0.1, and on any JavaScript dialog (``alert`` from injected
learner text would open one).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Dialog, Page, Request, ViewportSize

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "blob", "about"}
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR_ENV = "BMC_SCREENSHOT_DIR"
DEFAULT_SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"


def chromium_path() -> str:
    """The system chromium, or an explanation of how to install it."""
    for candidate in (os.environ.get("BMC_CHROMIUM", ""), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    raise RuntimeError(
        "no chromium found for the browser tests: install it with "
        "`apt-get update && apt-get install -y chromium` (scripts/test does this when run as root) "
        "or point BMC_CHROMIUM at a chromium binary"
    )


def screenshot_dir() -> Path:
    folder = Path(os.environ.get(SCREENSHOT_DIR_ENV) or DEFAULT_SCREENSHOT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class PageGuard:
    """What a page did that a test must not allow: requests off this machine, dialogs, errors."""

    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", self._on_request)
        page.on("dialog", self._on_dialog)
        page.on("console", self._on_console)

    def _on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if parts.hostname not in LOCAL_HOSTS:
            self.foreign_requests.append(request.url)

    def _on_dialog(self, dialog: Dialog) -> None:
        if dialog.type == "beforeunload":  # JupyterLab's "leave with unsaved changes?"
            dialog.accept()
            return
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def check(self) -> None:
        assert not self.foreign_requests, f"requests left 127.0.0.1: {self.foreign_requests}"
        assert not self.dialogs, f"a JavaScript dialog opened (injected script?): {self.dialogs}"
