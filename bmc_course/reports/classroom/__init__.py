"""Classroom: read a folder of learners' submissions and summarise the class for a teacher.

``intake`` turns whatever students handed in into accepted submissions and
rejections with one clear reason each (never modifying the folder);
``summary`` computes what the class chose and where its reasoning breaks;
``report_text``, ``report_json``, ``report_html`` and ``report_csv`` write it out
(``csv_safe`` keeps learner text from running as a spreadsheet formula);
``class_report`` puts them together for the command line and the teacher's view.
"""
