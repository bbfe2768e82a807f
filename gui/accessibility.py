"""Accessible names for form fields: every field is named after its label, so a screen reader says
"Date of birth, edit" rather than "edit"."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel


def name_form_fields(form: QFormLayout) -> None:
    """Give each field of ``form`` that has no accessible name the text of its row's label."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label_item is None or field_item is None:
            continue
        label, field = label_item.widget(), field_item.widget()
        if isinstance(label, QLabel) and field is not None and not field.accessibleName():
            field.setAccessibleName(label.text().replace("&", ""))
