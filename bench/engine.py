"""Assessing one exam against a history of 20 and of 200 exams: median times (target: under 2 ms
against 20, and linear or better in the length of the history)."""

from __future__ import annotations

from common import history_record, median_ms

from core.engine import assess

TARGET_MS = 2.0


def figure(history: int) -> float:
    """The median time to assess the latest exam of a record with ``history`` earlier exams."""
    record = history_record(history)
    latest = record.exams_by_date()[-1].id
    return median_ms(lambda: assess(record, latest), repeat=300 if history <= 20 else 60)


def main() -> None:
    """Print both figures, the ratio to the target and how the time grows with the history."""
    short, long = figure(20), figure(200)
    print(f"engine: assess 1 exam against 20 exams: median {short:.2f} ms "
          f"(target < {TARGET_MS} ms, ratio {short / TARGET_MS:.2f})")
    print(f"engine: assess 1 exam against 200 exams: median {long:.2f} ms "
          f"({long / short:.2f}x the time for 10x the history; linear would be 10x)")


if __name__ == "__main__":
    main()
