"""State: the learner's answers while the course runs, and their file.

``course_state`` is the one evented object every view observes;
``progress_store`` saves it to the workspace's progress file; ``session``
ties the two together for a kernel; ``resume`` checks a file uploaded from
another machine and loads it, keeping the old progress file; ``safe_files``
writes atomically and moves broken files aside instead of deleting them.
"""
