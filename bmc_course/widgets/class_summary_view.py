"""The teacher's class summary in a notebook: choose a folder, read it with a progress bar, see the class.

The same intake, summary and report as ``bmc-course class-summary`` (both call
``reports/classroom/class_report.py``); the view only shows them (tables
escape every piece of learner text) and can save the self-contained HTML
report beside the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets

from bmc_course.charts.class_choices import plot_class_choices
from bmc_course.charts.png_renderer import figure_png
from bmc_course.logic.wording import finding_title
from bmc_course.model.catalog import Catalog
from bmc_course.reports.classroom.class_report import summarise_folder, write_reports
from bmc_course.reports.classroom.summary import ClassSummary
from bmc_course.reports.html_table import html_table
from bmc_course.widgets.chart_view import png_output
from bmc_course.widgets.html_fragments import heading, message_box
from bmc_course.widgets.stylesheet import style_tag

FOLDER_ENV_VAR = "BMC_CLASS_FOLDER"
REPORT_NAME = "class-report.html"
PROGRESS_STEPS = 100  # bar updates per run: each one is a message to the browser
ROWS_SHOWN = 300  # learners listed here; the HTML report lists them all
TABLE_CLASS = "bmc-table"


def default_folder() -> Path:
    """``$BMC_CLASS_FOLDER``, else ``submissions`` in the current folder."""
    return Path(os.environ.get(FOLDER_ENV_VAR) or Path.cwd() / "submissions")


class ClassSummaryView(widgets.VBox):
    """Folder box, "Summarise" button, progress bar, then the class at a glance."""

    def __init__(self, catalog: Catalog, folder: Path | None = None) -> None:
        self.catalog = catalog
        self.summary: ClassSummary | None = None
        self.folder = widgets.Text(
            value=str(folder or default_folder()),
            description="Folder",
            layout=widgets.Layout(width="40em"),
        )
        self.folder.add_class("bmc-class-folder")
        self.include = widgets.Text(
            value="*.json", description="Files", layout=widgets.Layout(width="16em")
        )
        self.run_button = widgets.Button(description="Summarise", button_style="primary")
        self.run_button.add_class("bmc-class-run")
        self.run_button.on_click(lambda _b: self.run())
        self.save_button = widgets.Button(description="Save HTML report", disabled=True)
        self.save_button.add_class("bmc-class-save")
        self.save_button.on_click(lambda _b: self.save_report())
        self.progress = widgets.IntProgress(value=0, min=0, max=1, description="Reading")
        self.progress.add_class("bmc-class-progress")
        self.status = widgets.HTML()
        self.status.add_class("bmc-class-status")
        self.chart = widgets.Output()
        self.chart.add_class("bmc-chart-output")
        self.body = widgets.HTML()
        self.body.add_class("bmc-class-body")
        super().__init__(
            [
                style_tag(),
                widgets.HTML(
                    heading(
                        "Class summary",
                        3,
                        sub="Reads every file in the folder (and its sub-folders); never changes them.",
                    )
                ),
                widgets.HBox([self.folder, self.include]),
                widgets.HBox([self.run_button, self.save_button, self.progress]),
                self.status,
                self.chart,
                self.body,
            ]
        )
        self.add_class("bmc-view")
        self.add_class("bmc-class-summary")
        if Path(self.folder.value).is_dir():
            self.run()

    def _on_progress(self, done: int, total: int) -> None:
        if done != total and done % max(-(-total // PROGRESS_STEPS), 1):  # at most 100 steps
            return
        self.progress.max = max(total, 1)
        self.progress.value = done

    def run(self) -> None:
        """Summarise the folder named in the form; show the counts, the chart and the tables."""
        folder = Path(self.folder.value).expanduser()
        if not folder.is_dir():
            self.status.value = message_box(f"{folder} is not a folder.", "error")
            return
        self.progress.value = 0
        self.summary = summary = summarise_folder(
            folder, self.catalog, include=self.include.value or "*", progress=self._on_progress
        )
        self.save_button.disabled = False
        self.status.value = message_box(
            f"{len(summary.learners)} learners, {summary.segments} segments; "
            f"{len(summary.rejected)} files rejected, {len(summary.duplicates)} older duplicates.",
            "ok" if not summary.rejected else "warning",
        )
        self.chart.outputs = (
            png_output(
                figure_png(plot_class_choices(self.catalog, summary.by_archetype)),
                "Relationship types chosen per segment archetype (numbers in the report).",
            ),
        )
        self.body.value = self._tables(summary)

    def _tables(self, summary: ClassSummary) -> str:
        lessons = {lesson_id: lesson.title for lesson_id, lesson in self.catalog.lessons.items()}
        parts = [heading("Most frequent findings", 4)]
        parts.append(
            html_table(
                ["finding", "learners", "for example"],
                [
                    [finding_title(f.code), f.learners, ", ".join(f.examples)]
                    for f in summary.findings
                ],
                css_class=TABLE_CLASS,
            )
        )
        parts.append(heading("Knowledge checks, weakest first", 4))
        parts.append(
            html_table(
                ["question", "lesson", "correct", "share"],
                [
                    [
                        q.prompt,
                        lessons.get(q.lesson_id, q.lesson_id),
                        f"{q.correct}/{q.answered}",
                        f"{q.share_correct or 0:.0%}",
                    ]
                    for q in summary.quiz
                ],
                css_class=TABLE_CLASS,
            )
        )
        shown = summary.learners[:ROWS_SHOWN]
        parts.append(
            heading(
                "Learners",
                4,
                sub=f"The first {len(shown)} of {len(summary.learners)}; "
                "the HTML report lists them all and sorts them."
                if len(shown) < len(summary.learners)
                else "",
            )
        )
        parts.append(
            html_table(
                ["learner", "file", "segments", "types", "findings", "quiz"],
                [
                    [
                        r.learner or "(no name)",
                        r.file,
                        r.segments,
                        ", ".join(r.types),
                        r.findings,
                        f"{r.quiz_correct}/{r.quiz_answered}",
                    ]
                    for r in shown
                ],
                css_class=TABLE_CLASS,
            )
        )
        not_summarised: list[list[object]] = [[file, reason] for file, reason in summary.rejected]
        not_summarised += [
            [file, f"an older submission of {learner}; kept {kept}"]
            for file, learner, kept in summary.duplicates
        ]
        if not_summarised:
            parts.append(heading("Files not summarised", 4))
            parts.append(html_table(["file", "reason"], not_summarised, css_class=TABLE_CLASS))
        return "".join(parts)

    def save_report(self) -> Path | None:
        """Write the HTML report beside the folder; return its path (None before any summary)."""
        if self.summary is None:
            return None
        folder = Path(self.summary.folder)
        target = folder.parent / REPORT_NAME
        write_reports(self.summary, self.catalog, html=target)
        self.status.value = message_box(f"Wrote {target}", "ok")
        return target
