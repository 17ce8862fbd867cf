"""The layering of DESIGN.md, enforced: import-linter's contracts in pyproject.toml must all be kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_import_contract_is_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Three contracts: the layers, the pure layers' forbidden libraries, no widgets in reports/app.
    assert "Contracts: 3 kept, 0 broken." in result.stdout
