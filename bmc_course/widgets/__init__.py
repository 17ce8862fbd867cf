"""The course's widgets: thin views over one :class:`~bmc_course.state.course_state.CourseState`.

Each view reads the state, calls its methods and redraws when it notifies a
change. Notebooks do not use these classes directly: they call the functions
of :mod:`bmc_course.course`, which picks the session's state. The package
face is lazy: importing one view loads only what that view needs.
"""

from bmc_course import lazy_exports

_EXPORTS = {
    "CanvasBlockView": "canvas_block_view",
    "CaseExplorer": "case_explorer",
    "ChartView": "chart_view",
    "CourseNav": "course_nav",
    "FindingsPanel": "findings_panel",
    "KeyIdeas": "markdown_view",
    "KnowledgeCheck": "knowledge_check",
    "LifecycleGoals": "lifecycle_view",
    "LifecycleView": "lifecycle_view",
    "RelationshipPicker": "relationship_picker",
    "SegmentPicker": "segment_picker",
    "StateView": "state_view",
    "StatusLine": "state_view",
    "TestPlanView": "test_plan_view",
    "TradeOffs": "trade_offs",
    "TypesExplorer": "types_explorer",
    "WelcomeView": "welcome",
    "WhatIf": "what_if",
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
