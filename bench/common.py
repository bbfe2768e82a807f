"""Helpers shared by the benchmark scripts: timing and a generated patient history."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from core.demo import demo_record
from core.grades import MotorGrade
from core.knowledge import Muscle, Side
from core.record import Exam, ExamKind, PatientRecord


def median_ms(action: Callable[[], object], repeat: int = 200, warmup: int = 5) -> float:
    """Median wall time of ``action`` in milliseconds, after warm-up runs."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def interleaved_medians_ms(actions: dict[str, Callable[[], object]], repeat: int = 40,
                           warmup: int = 3) -> dict[str, float]:
    """Median wall time of each action in milliseconds, the actions taking turns.

    Ratios between the figures are what count; on a shared machine a burst of load would hit
    one figure measured alone and skew the ratio, while taking turns spreads it over all.
    """
    for action in actions.values():
        for _ in range(warmup):
            action()
    samples: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def history_record(exam_count: int, seed: int = 1) -> PatientRecord:
    """The demo patient with ``exam_count`` exams: the demo's three, then varied follow-ups."""
    rng = random.Random(seed)
    record = demo_record()
    template = record.exams[-1]
    grades = MotorGrade.testable_grades()
    while len(record.exams) < exam_count:
        index = len(record.exams)
        exam: Exam = template.model_copy(deep=True)
        exam.id = f"fu-{index}"
        exam.kind = ExamKind.FOLLOW_UP
        exam.date = template.date + dt.timedelta(days=14 * index)
        for side in Side:
            motor = dict(exam.motor.get(side) or {})
            motor[rng.choice(list(Muscle))] = rng.choice(grades[3:])
            exam.motor.set(side, motor)
        record.exams.append(exam)
    return record
