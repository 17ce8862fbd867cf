"""Charts: data → matplotlib Figure, each with a pandas table as its text alternative.

No widget code here; views in :mod:`bmc_course.widgets` and the exporters call
these. The package face is lazy: importing one chart module loads only what
that chart needs.
"""

from bmc_course import lazy_exports

_EXPORTS = {
    "LayeredChart": "layered",
    "crossovers": "cost_growth",
    "first_crossovers": "cost_growth",
    "layers_cost_growth": "cost_growth",
    "layers_cost_personalisation_map": "cost_personalisation_map",
    "layers_cost_vs_revenue": "cost_vs_revenue",
    "plot_canvas_block": "canvas_block_picture",
    "plot_cost_growth": "cost_growth",
    "plot_cost_personalisation_map": "cost_personalisation_map",
    "plot_cost_vs_revenue": "cost_vs_revenue",
    "plot_lifecycle_coverage": "lifecycle_coverage",
    "table_cost_growth": "cost_growth",
    "table_cost_personalisation_map": "cost_personalisation_map",
    "table_cost_vs_revenue": "cost_vs_revenue",
    "table_lifecycle_coverage": "lifecycle_coverage",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
