"""The knowledge tables agree with each other and cover every vocabulary."""

from __future__ import annotations

from core.knowledge import (
    DERMATOMES,
    INVOLVEMENT_WEIGHTS,
    LESION_LABELS,
    LESION_PROFILES,
    MOTOR_ITEMS,
    RED_FLAGS,
    REFLEXES,
    ROOT_LESION_PROFILES,
    Dermatome,
    Involvement,
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


INVOLVED = (Involvement.TYPICAL, Involvement.COMMON, Involvement.SUPPORTIVE,
            Involvement.OCCASIONAL)


def test_root_rows_only_involve_muscles_and_reflexes_that_root_supplies() -> None:
    """Section 7 (localisation) must agree with section 2 (muscle roots) and 4 (reflexes)."""
    for profile in ROOT_LESION_PROFILES.values():
        assert profile.root is not None
        for item, involvement in profile.involvement.items():
            if involvement not in INVOLVED:
                continue
            if isinstance(item, Muscle):
                info = MOTOR_ITEMS[item]
                assert profile.root in info.roots + info.minor_roots, (profile.label, item)
            if isinstance(item, Reflex):
                reflex = REFLEXES[item]
                assert profile.root in reflex.roots + reflex.minor_roots, (profile.label, item)


def test_nerve_rows_only_involve_muscles_that_nerve_supplies() -> None:
    for lesion, branches in NERVE_BRANCHES.items():
        profile = LESION_PROFILES[lesion]
        for item, involvement in profile.involvement.items():
            if not isinstance(item, Muscle):
                continue
            if involvement in INVOLVED:
                assert MOTOR_ITEMS[item].nerve in branches, (lesion, item)
            if involvement is Involvement.SPARED:
                assert MOTOR_ITEMS[item].nerve not in branches, (lesion, item)


def test_the_peroneal_discriminators_work_one_way() -> None:
    """Section 7: weak inversion or hip abduction argues strongly for L5 and against the
    peroneal nerve; normal ones argue only weakly against L5 and not for the nerve."""
    peroneal = LESION_PROFILES[Lesion.COMMON_PERONEAL]
    l5 = LESION_PROFILES[Lesion.L5_ROOT]
    for muscle in (Muscle.ANKLE_INVERSION, Muscle.HIP_ABDUCTION):
        assert peroneal.of(muscle) is Involvement.SPARED and l5.of(muscle) is Involvement.COMMON
        l5_weak, l5_normal = INVOLVEMENT_WEIGHTS[l5.of(muscle)]
        assert l5_weak >= 4 * abs(l5_normal), "weak must count far more than normal"


def test_every_category_counts_absence_less_than_presence() -> None:
    for abnormal, normal in INVOLVEMENT_WEIGHTS.values():
        assert abs(normal) <= abs(abnormal)


def test_the_sciatic_nerve_spares_the_gluteal_muscles() -> None:
    sciatic = LESION_PROFILES[Lesion.SCIATIC]
    assert sciatic.of(Muscle.HIP_ABDUCTION) is Involvement.SPARED
    assert sciatic.of(Muscle.HIP_EXTENSION) is Involvement.SPARED


def test_lems_key_muscles_are_one_per_key_level() -> None:
    levels = [info.key_level for info in MOTOR_ITEMS.values() if info.key_level]
    assert [str(level) for level in levels] == ["L2", "L3", "L4", "L5", "S1"]
