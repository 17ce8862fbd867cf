"""A one-line progress bar on a terminal (and nothing at all when output is not a terminal).

Drawn by tqdm, a kept library, rather than by hand: it already knows how to
redraw one line in place and how to keep updates cheap (at most one redraw
every ``MIN_INTERVAL`` seconds, and most calls only compare two numbers).
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import Never, TextIO

from tqdm import tqdm

WIDTH = 30
MIN_INTERVAL = 0.1  # seconds between redraws
# ``[#####.....] 512/1000 reading submissions``: no rate or time left, which
# jump about while files of different sizes are read.
BAR_FORMAT = f"[{{bar:{WIDTH}}}] {{n}}/{{total}} {{desc}}"
BAR_CHARACTERS = ".#"  # empty, then full: plain ASCII, readable on any terminal
NO_LIMIT = 10_000  # columns or rows: more than any terminal has


class TerminalProgress:
    """Callable as ``progress(done, total)``; draws ``[#####.....] 512/1000 label``."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.enabled = bool(getattr(stream, "isatty", lambda: False)())
        self._bar: tqdm[Never] | None = None  # made on the first call, when the total is known

    def __call__(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` (nothing at all when the stream is not a terminal)."""
        if not self.enabled:
            return
        bar = self._bar
        if bar is None:
            bar = self._bar = tqdm(
                desc=self.label,
                total=total,
                file=self.stream,
                mininterval=MIN_INTERVAL,
                ascii=BAR_CHARACTERS,
                bar_format=BAR_FORMAT,
                ncols=_columns(self.stream),
                nrows=NO_LIMIT,  # one bar: the terminal's height never matters
            )
        elif bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # Also on Ctrl-C: the bar shows where it stopped and the line is ended,
        # so the CLI's one-line "stopped." starts on a line of its own.
        if self._bar is not None:
            self._bar.close()  # draws the last state, then a newline
            self.stream.flush()


def _columns(stream: TextIO) -> int:
    """How wide a line tqdm may draw: one column short of the terminal, or no limit.

    One short, as tqdm does when it measures (writing the last column makes
    some terminals wrap); cut, so a narrow terminal does not wrap the line
    either. tqdm measures only ``sys.stderr``/``stdout`` itself, and on a
    terminal that reports a size of 0×0 (a new pseudo-terminal, some CI
    runners) it would draw nothing at all.
    """
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):  # no file descriptor behind the stream, or it is closed
        columns = 0
    return columns - 1 if columns > 1 else NO_LIMIT
