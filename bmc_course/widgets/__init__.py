"""The course's widgets: thin views over one :class:`~bmc_course.state.course_state.CourseState`.

Each view reads the state, calls its methods and redraws when it notifies a
change. Notebooks do not use these classes directly: they call the functions
of :mod:`bmc_course.course`, which picks the session's state. The package
face is lazy: importing one view loads only what that view needs.
"""

from typing import TYPE_CHECKING

from bmc_course import lazy_exports

if TYPE_CHECKING:
    from bmc_course.widgets.canvas_block_view import CanvasBlockView
    from bmc_course.widgets.case_explorer import CaseExplorer
    from bmc_course.widgets.chart_view import ChartView
    from bmc_course.widgets.course_nav import CourseNav
    from bmc_course.widgets.findings_panel import FindingsPanel
    from bmc_course.widgets.knowledge_check import KnowledgeCheck
    from bmc_course.widgets.lifecycle_view import LifecycleGoals, LifecycleView
    from bmc_course.widgets.markdown_view import KeyIdeas
    from bmc_course.widgets.relationship_picker import RelationshipPicker
    from bmc_course.widgets.segment_picker import SegmentPicker
    from bmc_course.widgets.state_view import StateView, StatusLine
    from bmc_course.widgets.test_plan_view import TestPlanView
    from bmc_course.widgets.trade_offs import TradeOffs
    from bmc_course.widgets.types_explorer import TypesExplorer
    from bmc_course.widgets.welcome import WelcomeView
    from bmc_course.widgets.what_if import WhatIf

__all__ = [
    "CanvasBlockView",
    "CaseExplorer",
    "ChartView",
    "CourseNav",
    "FindingsPanel",
    "KeyIdeas",
    "KnowledgeCheck",
    "LifecycleGoals",
    "LifecycleView",
    "RelationshipPicker",
    "SegmentPicker",
    "StateView",
    "StatusLine",
    "TestPlanView",
    "TradeOffs",
    "TypesExplorer",
    "WelcomeView",
    "WhatIf",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__)
