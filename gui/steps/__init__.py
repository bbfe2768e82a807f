"""The exam editor's steps, one module per step: each lays out its widgets, shows the exam it is
given and emits its edits on one ``edited`` signal, as values of core.edits (never text to parse
back). The editor (gui/exam_editor.py) is their one controller: one slot takes every step's edits
and makes them undoable through the session's one undo command.
"""
