"""Hand in: mark the last step done, export the block, and know whether an export is stale.

Placed at the very end of the last notebook, after its knowledge check, so an
export holds every answer. Each export file in the workspace is listed with
when it was made; one made before the learner's latest change (the progress
file is saved on every change, so its time is the latest change, from any
notebook) is flagged, with one click to make every existing export again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as widgets

from bmc_course.model.input_errors import InputError
from bmc_course.state.course_state import Change, CourseState
from bmc_course.state.progress_store import ProgressStore
from bmc_course.widgets.html_fragments import esc, heading, message_box
from bmc_course.widgets.state_view import EVERY_CHANGE, StateView, StatusLine, one_line

EXPORT_FORMATS = {
    "md": ("Markdown", "a text file you can read or paste anywhere"),
    "html": ("Web page", "one self-contained HTML file"),
    "png": ("Picture", "a PNG image of your block"),
    "json": ("Submission", "the JSON file your teacher collects"),
}
LAST_STEP = "canvas_block"


def export_file_name(learner: str, fmt: str) -> str:
    """``customer-relationships-<learner>.<fmt>`` (a safe slug of the learner's name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", learner.lower()).strip("-")[:40]
    return f"customer-relationships{'-' + slug if slug else ''}.{fmt}"


@dataclass(frozen=True)
class ExportedFile:
    """An export in the workspace: its format, path, when it was made and whether it is stale."""

    fmt: str
    path: Path
    made: datetime
    stale: bool


def exported_files(workspace: Path, learner: str, progress: Path) -> list[ExportedFile]:
    """The learner's exports in ``workspace``, each compared with the last saved change."""
    try:
        changed: float | None = progress.stat().st_mtime
    except OSError:
        changed = None
    found = []
    for fmt in EXPORT_FORMATS:
        path = workspace / export_file_name(learner, fmt)
        try:
            made = path.stat().st_mtime
        except OSError:
            continue
        found.append(
            ExportedFile(
                fmt=fmt,
                path=path,
                made=datetime.fromtimestamp(made, UTC),
                stale=changed is not None and changed > made,
            )
        )
    return found


def freshness_html(files: list[ExportedFile]) -> str:
    """Which exports exist, when each was made, and which miss the latest answers."""
    if not files:
        return message_box(
            "Nothing exported yet. Export when you are done: the file holds every answer up "
            "to that moment.",
            "info",
        )
    rows = "".join(
        f"<li>{esc(EXPORT_FORMATS[f.fmt][0])}: {esc(f.path.name)}, made "
        f"{f.made:%Y-%m-%d %H:%M} UTC"
        + (" — <strong>older than your latest change</strong>" if f.stale else " — up to date")
        + "</li>"
        for f in files
    )
    stale = [f for f in files if f.stale]
    note = (
        message_box(
            (
                "Your exported file misses your latest answers. Export it again"
                if len(files) == 1
                else f"{len(stale)} of your {len(files)} exported files miss your latest "
                "answers. Export again"
            )
            + " (or press “Refresh exported files”) before you hand "
            + ("it" if len(files) == 1 else "them")
            + " in.",
            "warning",
        )
        if stale
        else message_box("Your exported files hold your latest answers.", "ok")
    )
    return f'{note}<ul class="bmc-list bmc-export-files">{rows}</ul>'


class HandInView(StateView):
    """ "Mark this step done", the export buttons, and the state of the exported files."""

    REDRAW_ON = EVERY_CHANGE

    def __init__(
        self,
        course_state: CourseState,
        workspace: Path,
        store: ProgressStore,
        *,
        with_style: bool = True,
    ) -> None:
        super().__init__(course_state, css_class="bmc-hand-in", with_style=with_style)
        self.workspace = workspace
        self.store = store
        self.done_button = widgets.Button(layout=widgets.Layout(width="auto"))
        self.done_button.add_class("bmc-hand-in-done")
        self.done_button.on_click(self._on_done)
        self.status = StatusLine()
        self.status.add_class("bmc-export-status")
        self.freshness = widgets.HTML()
        self.freshness.add_class("bmc-export-freshness")
        self.written: dict[str, Path] = {}
        self.export_buttons: dict[str, widgets.Button] = {}
        for fmt, (label, what) in EXPORT_FORMATS.items():
            button = widgets.Button(
                description=f"Export {label} (.{fmt})",
                tooltip=f"Write {what} into {workspace}",
                layout=widgets.Layout(width="auto"),
            )
            button.add_class("bmc-export")
            button.add_class(f"bmc-export-{fmt}")
            button.export_format = fmt
            button.on_click(self._on_export)
            self.export_buttons[fmt] = button
        self.refresh_button = widgets.Button(
            description="Refresh exported files", layout=widgets.Layout(width="auto")
        )
        self.refresh_button.add_class("bmc-export-refresh")
        self.refresh_button.on_click(self._on_refresh_exports)
        self._set_body(
            widgets.HTML(
                heading(
                    "Hand in",
                    4,
                    sub="Finish the step, then export: a file holds your answers up to the "
                    f"moment it is made. Files go into your workspace folder: {workspace}",
                )
            ),
            self.done_button,
            widgets.HBox(
                list(self.export_buttons.values()), layout=widgets.Layout(flex_flow="row wrap")
            ),
            self.status,
            self.freshness,
            self.refresh_button,
        )
        # The files are compared with the progress file once a change is written to it
        # (the store writes after the views have redrawn).
        store.on_saved(self._after_save)
        self.refresh()
        self.show_freshness()

    def refresh(self, change: Change | None = None) -> None:
        """The done button's label (the exported files are checked after the save)."""
        self.redraw_count += 1
        done = LAST_STEP in self.course_state.completed_steps
        self.done_button.description = "Step done ✓ (undo)" if done else "Mark this step done"
        self.done_button.button_style = "success" if done else ""

    def _after_save(self) -> None:
        self.show_freshness()

    def close(self) -> None:
        """Stop checking the files, then close like every view."""
        store = getattr(self, "store", None)  # None when __init__ failed early
        if store is not None:
            store.off_saved(self._after_save)
        super().close()

    def show_freshness(self) -> None:
        """List the exports and flag those older than the latest saved change."""
        files = exported_files(self.workspace, self.course_state.learner, self.store.path)
        self.freshness.value = freshness_html(files)
        self.refresh_button.layout.display = None if any(f.stale for f in files) else "none"

    def export(self, fmt: str) -> Path:
        """Write the block in one format into the workspace; return the path."""
        from bmc_course.reports.export import export  # matplotlib/pandas only when exporting

        path = self.workspace / export_file_name(self.course_state.learner, fmt)
        export(self.course_state.stamped_submission(), self.course_state.catalog, fmt, path)
        self.written[fmt] = path
        return path

    def _export_all(self, formats: list[str]) -> list[Path]:
        written = []
        for fmt in formats:
            try:
                written.append(self.export(fmt))
            except (OSError, ValueError, InputError) as error:
                self.status.error(f"Could not export .{fmt}: {one_line(error)}")
                return written
        return written

    def _on_export(self, button: widgets.Button) -> None:
        fmt = button.export_format
        self.status.info(f"Writing the {EXPORT_FORMATS[fmt][0].lower()} file…")
        written = self._export_all([fmt])
        if written:
            self.status.ok(f"Wrote {written[0]} ({written[0].stat().st_size:,} bytes).")
        self.show_freshness()

    def _on_refresh_exports(self, _button: widgets.Button) -> None:
        files = exported_files(self.workspace, self.course_state.learner, self.store.path)
        stale = [f.fmt for f in files if f.stale]
        self.status.info("Writing your exported files again…")
        written = self._export_all(stale)
        if len(written) == len(stale):
            names = ", ".join(p.name for p in written)
            self.status.ok(f"Wrote {names} again, with your latest answers.")
        self.show_freshness()

    def _on_done(self, _button: widgets.Button) -> None:
        done = LAST_STEP in self.course_state.completed_steps
        with self.status.reporting():
            self.course_state.mark_step_done(LAST_STEP, not done)
