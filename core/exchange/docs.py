"""`python -m core.exchange.docs`: regenerate docs/csv-columns.md and docs/fhir/ (`make docs`).

docs/fhir/ holds the product's CodeSystems (a test keeps them current) and an example transaction
Bundle of the demo patient (regenerated here; not tested for freshness, since the assessment text
in it follows the rules).
"""

from __future__ import annotations

from pathlib import Path

from core.exchange.csv_table import columns_markdown
from core.exchange.fhir_codes import published_files
from core.exchange.registry import registry_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"


def example_bundle() -> str:
    """The demo patient's postoperative exam as the transaction Bundle a server receives (no PDF)."""
    import datetime as dt
    import json

    from core.demo import demo_record
    from core.exchange.fhir import FhirOptions, bundle

    document = bundle([demo_record()], timestamp=dt.datetime(2026, 3, 9, 12, 0, tzinfo=dt.UTC),
                      exam_ids=["post-1"],
                      options=FhirOptions(patient_system="https://hospital.example/fhir/mrn"))
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    """Write the generated pages next to the hand-written ones."""
    (DOCS / "csv-columns.md").write_text(columns_markdown(), encoding="utf-8")
    (DOCS / "registry-export.md").write_text(registry_markdown(), encoding="utf-8")
    folder = DOCS / "fhir"
    folder.mkdir(exist_ok=True)
    for name, content in published_files().items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "example-transaction-bundle.json").write_text(example_bundle(), encoding="utf-8")
    print(f"wrote {DOCS / 'csv-columns.md'} and {len(published_files())} code systems in {folder}")


if __name__ == "__main__":
    main()
