"""The terminal report: control characters in learner text made visible, names in words."""

from __future__ import annotations

from pathlib import Path

from bmc_course.formats.submission import Submission
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.intake import read_folder
from bmc_course.reports.classroom.report_text import printable, summary_lines
from bmc_course.reports.classroom.summary import summarise
from tests.support.small_class import learner, save


def test_text_report_makes_control_characters_visible(tmp_path: Path, catalog: Catalog) -> None:
    assert printable("a\x1b[2Jb\nc\u202ed é") == "a\\x1b[2Jb\\x0ac\\u202ed é"
    folder = tmp_path / "class"
    sneaky = "Eve\x1b[2J\x1b[H all good\n"
    save(
        folder,
        "eve.json",
        learner(catalog, sneaky, [("Fans", "mass_market", 10, ["self_service"])], {}),
    )
    save(
        folder,
        "eve-old.json",
        learner(catalog, sneaky, [], {}).model_copy(update={"saved_at": "2000-01-01"}),
    )
    text = "\n".join(summary_lines(summarise(read_folder(folder, catalog), catalog), catalog))
    assert "\x1b" not in text and "Eve\\x1b[2J" in text


def test_text_report_names_findings_and_lessons_in_words(
    small_class: tuple[Path, list[Submission]], catalog: Catalog
) -> None:
    folder, _ = small_class
    lines = summary_lines(summarise(read_folder(folder, catalog), catalog), catalog)
    findings = lines.index("Most frequent findings (learners):")
    assert lines[findings + 1] == "  Lifecycle: 1 (e.g. <img src=x onerror=alert(1)>)"
    assert "  Cost vs gross profit: 1 (e.g. Ana)" in lines
    assert "  welcome-4 (Welcome and resume): 0/1 = 0%" in lines
    assert not [line for line in lines[1:] if "_" in line]  # the first line is the folder
