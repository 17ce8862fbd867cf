"""The class-summary progress bar: one line on a terminal, nothing anywhere else."""

from __future__ import annotations

import io
import os
import select
import struct
from collections.abc import Iterator
from typing import TextIO

import pytest

from bmc_course.reports.classroom import progress_bar
from bmc_course.reports.classroom.progress_bar import TerminalProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("stream", [_Pipe(), io.StringIO()], ids=["not a tty", "no isatty"])
def test_nothing_is_written_off_a_terminal(stream: io.StringIO) -> None:
    with TerminalProgress(stream, "reading submissions") as progress:
        for done in range(1, 6):
            progress(done, 5)
    assert not progress.enabled
    assert stream.getvalue() == ""


def test_a_fast_run_draws_the_start_and_the_full_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_bar, "MIN_INTERVAL", 3600.0)  # no redraw in between
    terminal = _Terminal()
    with TerminalProgress(terminal, "reading submissions") as progress:
        for done in range(1, 13):
            progress(done, 12)
    assert terminal.getvalue() == (
        "\r[..............................] 0/12 reading submissions"
        "\r[##############################] 12/12 reading submissions\n"
    )


def test_each_redraw_replaces_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_bar, "MIN_INTERVAL", 0.0)  # redraw on every call
    terminal = _Terminal()
    with TerminalProgress(terminal, "files") as progress:
        progress(1, 4)
        progress(2, 4)
        assert terminal.getvalue().split("\r")[1:] == [
            "[..............................] 0/4 files",
            "[#######.......................] 1/4 files",
            "[###############...............] 2/4 files",
        ]
    assert terminal.getvalue().endswith("\r[###############...............] 2/4 files\n")


def test_ctrl_c_leaves_the_bar_where_it_stopped_and_ends_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress_bar, "MIN_INTERVAL", 3600.0)
    terminal = _Terminal()
    with pytest.raises(KeyboardInterrupt), TerminalProgress(terminal, "files") as progress:
        progress(1, 10)
        progress(3, 10)
        raise KeyboardInterrupt  # the CLI turns this into a one-line "stopped."
    assert terminal.getvalue().endswith("\r[#########.....................] 3/10 files\n")


def test_nothing_is_drawn_when_there_was_nothing_to_read() -> None:
    terminal = _Terminal()
    with TerminalProgress(terminal, "reading submissions"):
        pass
    assert terminal.getvalue() == ""


@pytest.fixture
def pseudo_terminal() -> Iterator[tuple[TextIO, int]]:
    """A real terminal (a pseudo-terminal): the stream to write to, and the fd to read it back."""
    pty = pytest.importorskip("pty")
    reader, writer = pty.openpty()
    stream = os.fdopen(writer, "w", encoding="utf-8")
    try:
        yield stream, reader
    finally:
        stream.close()
        os.close(reader)


def _read_back(stream: TextIO, reader: int) -> str:
    stream.flush()
    written = b""
    while select.select([reader], [], [], 0.5)[0]:  # each write may arrive on its own
        written += os.read(reader, 65536)
    return written.decode().replace("\r\n", "\n")  # the terminal turns \n into \r\n


def _set_width(stream: TextIO, columns: int) -> None:
    termios = pytest.importorskip("termios")
    fcntl = pytest.importorskip("fcntl")
    fcntl.ioctl(stream.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))


def test_a_terminal_that_reports_no_width_still_gets_the_whole_bar(
    pseudo_terminal: tuple[TextIO, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_bar, "MIN_INTERVAL", 3600.0)
    stream, reader = pseudo_terminal
    _set_width(stream, 0)  # what a new pseudo-terminal says until someone sets its size
    with TerminalProgress(stream, "reading submissions") as progress:
        progress(3, 3)
    assert _read_back(stream, reader).endswith(
        "\r[##############################] 3/3 reading submissions\n"
    )


def test_a_narrow_terminal_gets_the_line_cut_to_its_width(
    pseudo_terminal: tuple[TextIO, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_bar, "MIN_INTERVAL", 3600.0)
    stream, reader = pseudo_terminal
    _set_width(stream, 40)
    with TerminalProgress(stream, "reading submissions") as progress:
        progress(3, 3)
    assert _read_back(stream, reader).endswith(
        "\r[##############################] 3/3 re\n"  # 39 characters: one short of the width
    )
