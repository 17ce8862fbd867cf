"""Reports: what leaves the course as files.

``export`` writes one learner's canvas block (Markdown, HTML, PNG, JSON);
``classroom`` reads a folder of submissions and writes the class summary
(text, JSON, HTML, CSV).
"""
