"""`python -m core.exchange.docs`: regenerate docs/csv-columns.md and docs/fhir/ (`make docs`)."""

from __future__ import annotations

from pathlib import Path

from core.exchange.csv_table import columns_markdown
from core.exchange.fhir_codes import published_files

DOCS = Path(__file__).resolve().parents[2] / "docs"


def main() -> None:
    """Write the generated pages next to the hand-written ones."""
    (DOCS / "csv-columns.md").write_text(columns_markdown(), encoding="utf-8")
    folder = DOCS / "fhir"
    folder.mkdir(exist_ok=True)
    for name, content in published_files().items():
        (folder / name).write_text(content, encoding="utf-8")
    print(f"wrote {DOCS / 'csv-columns.md'} and {len(published_files())} code systems in {folder}")


if __name__ == "__main__":
    main()
