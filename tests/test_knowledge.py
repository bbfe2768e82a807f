"""The knowledge tables agree with each other and cover every vocabulary."""

from __future__ import annotations

from core.knowledge import (
    DERMATOMES,
    LESION_LABELS,
    LESION_PATTERNS,
    MOTOR_ITEMS,
    RED_FLAGS,
    REFLEXES,
    ROOT_LESION_PATTERNS,
    Dermatome,
    Lesion,
    Muscle,
    Nerve,
    RedFlag,
    Reflex,
)

NERVE_BRANCHES: dict[Lesion, set[Nerve]] = {
    Lesion.COMMON_PERONEAL: {Nerve.DEEP_PERONEAL, Nerve.SUPERFICIAL_PERONEAL},
    Lesion.DEEP_PERONEAL: {Nerve.DEEP_PERONEAL},
    Lesion.SCIATIC: {Nerve.DEEP_PERONEAL, Nerve.SUPERFICIAL_PERONEAL, Nerve.TIBIAL,
                     Nerve.SCIATIC_TIBIAL},
    Lesion.FEMORAL: {Nerve.FEMORAL, Nerve.FEMORAL_OR_PLEXUS},
}


def test_every_vocabulary_has_its_table_row() -> None:
    assert set(MOTOR_ITEMS) == set(Muscle)
    assert set(DERMATOMES) == set(Dermatome)
    assert set(REFLEXES) == set(Reflex)
    assert set(RED_FLAGS) == set(RedFlag)
    assert set(LESION_LABELS) == set(Lesion)


def test_root_patterns_only_name_muscles_that_root_supplies() -> None:
    """Section 7 (localisation) must agree with section 2 (muscle roots)."""
    for pattern in ROOT_LESION_PATTERNS.values():
        assert pattern.root is not None
        for muscle in pattern.weak + pattern.weak_minor:
            info = MOTOR_ITEMS[muscle]
            assert pattern.root in info.roots + info.minor_roots, (pattern.label, muscle)
        for reflex in pattern.reflexes_reduced + pattern.reflexes_maybe_reduced:
            assert pattern.root in REFLEXES[reflex].roots + REFLEXES[reflex].minor_roots


def test_nerve_patterns_only_name_muscles_that_nerve_supplies() -> None:
    for lesion, branches in NERVE_BRANCHES.items():
        pattern = LESION_PATTERNS[lesion]
        for muscle in pattern.weak + pattern.weak_minor:
            assert MOTOR_ITEMS[muscle].nerve in branches, (lesion, muscle)
        for muscle in pattern.spared:
            assert MOTOR_ITEMS[muscle].nerve not in branches, (lesion, muscle)


def test_the_peroneal_discriminators_are_l5_muscles_outside_the_peroneal_nerve() -> None:
    peroneal = LESION_PATTERNS[Lesion.COMMON_PERONEAL]
    l5 = LESION_PATTERNS[Lesion.L5_ROOT]
    for muscle in (Muscle.ANKLE_INVERSION, Muscle.HIP_ABDUCTION):
        assert muscle in peroneal.spared and muscle in l5.weak


def test_lems_key_muscles_are_one_per_key_level() -> None:
    levels = [info.key_level for info in MOTOR_ITEMS.values() if info.key_level]
    assert [str(level) for level in levels] == ["L2", "L3", "L4", "L5", "S1"]
