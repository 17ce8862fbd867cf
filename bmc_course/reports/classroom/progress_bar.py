"""A one-line progress bar on a terminal (and nothing at all when output is not a terminal)."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TextIO

WIDTH = 30
MIN_INTERVAL = 0.1  # seconds between redraws


class TerminalProgress:
    """Callable as ``progress(done, total)``; draws ``[#####.....] 512/1000 label``."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < MIN_INTERVAL:
            return
        self._last = now
        filled = WIDTH * done // total if total else WIDTH
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {self.label}")
        self.stream.flush()
        self._drawn = True

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
