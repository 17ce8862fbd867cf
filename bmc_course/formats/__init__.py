"""Formats: the learner's submission/progress file.

Its schema, the upgrade from older ``schema_version``s and the reading of a
file into a checked :class:`~bmc_course.formats.submission.Submission`, with
one clear message per problem. Built on the model layer only.
"""
