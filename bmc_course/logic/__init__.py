"""Logic: the course's judgement, as pure functions.

The checks a learner's choices get (``checks``), choices turned into testable
assumptions (``assumption_plan``), the canvas block assembled for every view
(``canvas_block``) and the facilitator demo's scenes (``demo_scene``). No
widgets, charts, pandas or files here: everything is tested without a kernel.
"""
