"""What a ``bmc-course`` command can fail with, and the exit code each failure gives.

0 success, 1 bad input (a file or folder with problems), 2 bad usage. ``main``
turns each exception into one line on stderr, never a traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command-line usage (exit code 2)."""


class CommandFailed(Exception):
    """A command could not do its job for a reason the user can act on (exit code 1)."""
