"""Assessing one exam against a history of 20 exams: median time (target under 2 ms)."""

from __future__ import annotations

from common import history_record, median_ms

from core.engine import assess

TARGET_MS = 2.0


def main() -> None:
    """Print the figure and its ratio to the target."""
    record = history_record(20)
    latest = record.exams_by_date()[-1].id
    figure = median_ms(lambda: assess(record, latest), repeat=300)
    print(f"engine: assess 1 exam against 20 exams: median {figure:.2f} ms "
          f"(target < {TARGET_MS} ms, ratio {figure / TARGET_MS:.2f})")


if __name__ == "__main__":
    main()
