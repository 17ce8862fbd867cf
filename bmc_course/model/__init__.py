"""Model: what the course content is.

Typed, versioned models of the content files (``content_models``), the
validated catalog built from a content folder (``catalog``), the one error
record for every bad input (``input_errors``) and where the packaged files
live (``paths``). The bottom layer: it imports nothing else of the package.
"""
