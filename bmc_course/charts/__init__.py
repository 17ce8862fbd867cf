"""Charts: data → matplotlib Figure, each with a pandas table as its text alternative.

No widget code here; views in :mod:`bmc_course.widgets` and the exporters call
these. The package face is lazy: importing one chart module loads only what
that chart needs.
"""

from typing import TYPE_CHECKING

from bmc_course import lazy_exports

if TYPE_CHECKING:
    from bmc_course.charts.canvas_block_picture import plot_canvas_block
    from bmc_course.charts.cost_growth import (
        crossovers,
        first_crossovers,
        layers_cost_growth,
        plot_cost_growth,
        table_cost_growth,
    )
    from bmc_course.charts.cost_personalisation_map import (
        layers_cost_personalisation_map,
        plot_cost_personalisation_map,
        table_cost_personalisation_map,
    )
    from bmc_course.charts.cost_vs_revenue import (
        layers_cost_vs_revenue,
        plot_cost_vs_revenue,
        table_cost_vs_revenue,
    )
    from bmc_course.charts.layered import LayeredChart
    from bmc_course.charts.lifecycle_coverage import (
        plot_lifecycle_coverage,
        table_lifecycle_coverage,
    )
    from bmc_course.charts.lifetime_value import (
        layers_lifetime_value,
        plot_lifetime_value,
        table_lifetime_value,
    )

__all__ = [
    "LayeredChart",
    "crossovers",
    "first_crossovers",
    "layers_cost_growth",
    "layers_cost_personalisation_map",
    "layers_cost_vs_revenue",
    "layers_lifetime_value",
    "plot_canvas_block",
    "plot_cost_growth",
    "plot_cost_personalisation_map",
    "plot_cost_vs_revenue",
    "plot_lifecycle_coverage",
    "plot_lifetime_value",
    "table_cost_growth",
    "table_cost_personalisation_map",
    "table_cost_vs_revenue",
    "table_lifecycle_coverage",
    "table_lifetime_value",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__)
