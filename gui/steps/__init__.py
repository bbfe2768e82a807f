"""The exam editor's steps, one module per step: each lays out its widgets, shows the exam it is
given and emits typed edits (enums, dates, dataclasses; never text to parse back). The editor
(gui/exam_editor.py) turns the edits into undoable changes through the session and core.edits.
"""
