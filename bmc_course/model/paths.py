"""Where the course's packaged files live (content and notebooks)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    """The built-in content folder shipped inside the package."""
    return PACKAGE_DIR / "content"


def notebooks_dir() -> Path:
    """The course notebooks: inside the wheel, or the repo's ``notebooks/`` in a source checkout."""
    packaged = PACKAGE_DIR / "notebooks"
    if packaged.is_dir():
        return packaged
    # Editable installs and source checkouts keep the notebooks at the top level.
    return PACKAGE_DIR.parent / "notebooks"
