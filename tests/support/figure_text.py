"""What a matplotlib figure holds, to check a chart without looking at pixels."""

from __future__ import annotations

from matplotlib.figure import Figure


def gids(fig: Figure) -> set[str]:
    return {gid for a in fig.findobj() if (gid := a.get_gid())}


def texts(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj() if hasattr(t, "get_text"))
