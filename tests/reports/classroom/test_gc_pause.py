"""The cycle collector is off while a class is counted, and back as it was afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bmc_course.reports.classroom.gc_pause import cycle_collector_paused


@pytest.fixture
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_restored")
def test_paused_inside_and_on_again_after() -> None:
    gc.enable()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_restored")
def test_on_again_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="bad file"), cycle_collector_paused():
        raise ValueError("bad file")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_restored")
def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector_restored")
def test_nested_pauses_restore_the_outer_state() -> None:
    gc.enable()
    with cycle_collector_paused():
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # still inside the outer pause
    assert gc.isenabled()
