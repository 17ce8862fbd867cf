"""``python -m bmc_course`` runs the command-line interface."""

import sys

from bmc_course.app.cli import main

sys.exit(main())
