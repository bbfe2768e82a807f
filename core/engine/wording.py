"""Every sentence the engine composes from the findings, as an English template with named fields.

The engine decides what a sentence says (which finding, which side, which grades) and builds a
``core.i18n.Phrase`` from one of these templates; each language words the template in its
catalogue (``core/locales/<code>.py``, keyed by the English). This module is the one place the
engine's wording lives, so a translator finds every composed sentence here, and a test checks
each one has its Spanish with the same fields. Field values that are words (sides, movements,
lesions) are Phrases themselves; grades, codes and levels are verbatim.
"""

from __future__ import annotations

from typing import Final

# Items and findings (core/engine/findings.py) -------------------------------------------------
DERMATOME_SENSATION: Final = "{dermatome} sensation"
REFLEX_NAMED: Final = "{reflex} reflex"
POSITIVE_AT_DEGREES: Final = "positive at {degrees} degrees"
FINDING_NORMAL: Final = "{item} normal{note}"
FINDING_VALUE: Final = "{item} {value}{note}"
NOTE_NEW_OR_WORSE: Final = " (new or worse)"
NOTE_NOT_WORSE: Final = ", {course}, not worse"
COURSE_WORDS: Final = {"residual": "residual", "persisting": "persisting"}
ENHANCED_REFLEX: Final = "{reflex} reflex 4"
SADDLE_ALTERED: Final = "{side} S4-5 {modality} {grade}"

# Localisation terms (core/engine/localisation.py) ----------------------------------------------
TERM_WEIGHED: Final = "{body} [{weight}]"
REASON_ENHANCED: Final = "{finding} (enhanced: not explained by a root or nerve lesion)"
REASON_SPARED: Final = "{finding}, which a lesion of the {lesion} spares"
REASON_OUTSIDE: Final = "{finding}, which the {lesion} does not reach"
REASON_INVOLVED: Final = "{finding} ({involvement} in {lesion})"
OPERATED_ROOT: Final = ("the operation addressed this root ({relation}); it explains "
                        "{explained} of {affected} abnormal findings")
TRAVERSING_ROOT: Final = "traversing {root} at {level}"
EXITING_ROOT: Final = "exiting {root} at {level}"
EXITING_ROOT_IF_FORAMINAL: Final = "exiting {root} at {level}, if the disc was foraminal"
ON_SIDE: Final = "{side}: {what}"
SADDLE_SENSATION_ALTERED: Final = "saddle sensation altered: {where}"
WEAKNESS_IN_BOTH_LEGS: Final = "weakness in both legs"
ROOTS_TOGETHER: Final = "{first} and {second} together: {what}"

# Triage findings (core/engine/triage.py) -------------------------------------------------------
MOTOR_CHANGE: Final = "{side} {movement} {before} -> {now} ({change})"
NOT_GRADED: Final = "not graded"
WEAK_NOT_COMPARED: Final = "{side} {movement} {grade}/5 (no earlier grade to compare)"
IN_DAYS: Final = "{finding} in {days} days"
ON_THE_DAY_OF_OPERATION: Final = "{finding}, on the day of the operation"
BELOW_BEST_SINCE_OPERATION: Final = "{side} {movement} {grade}/5, best since the operation {best}/5"
DAYS_AFTER_SURGERY: Final = "{finding}, {days} days after surgery"
SENSORY_CHANGE: Final = "{side} {dermatome} {modality} {before} -> {now}"
SENSORY_FOUND: Final = "{side} {dermatome} {modality} {grade}"
CAUDA_EQUINA_QUESTIONS_NOT_RECORDED: Final = "cauda equina questions not recorded"
SIDE_ITEM: Final = "{side} {item}"
NOT_RECORDED: Final = "not recorded"
NEED_MISSING: Final = "{need}: {missing}"

# Details of the notes (core/engine/flags.py) ---------------------------------------------------
OPPOSITE_SIDE: Final = "{lesion} on the {side}; operation on the {operated} at {level}"
OTHER_ROOT: Final = "{lesion}, {side}; operated: {roots} at {level}"
TWO_ROOTS: Final = "{first} and {second}, {side}"
ROOT_OR_NERVE: Final = "{root} or {nerve}, {side}"

# Residual findings (core/engine/assessment.py) -------------------------------------------------
RESIDUAL: Final = "{side} {item} {before} -> {now}"

# The assessment as text (core/engine/summary.py) -----------------------------------------------
CHANGE_LINE: Final = "{side} {item} [{modality}]: {before} -> {now}, {change}{minor}"
WITHIN_GRADE_4: Final = " (within grade 4)"
RECOVERY_LINE: Final = "{side} {movement}: {before} -> {now}, {percent} %"

# What is undecided (core/engine/undecided.py) ---------------------------------------------------
TEST_ITEM: Final = "Test {side} {item}{how}. {advice}."
HOW_TO_TEST: Final = " ({how})"
IF_ABNORMAL: Final = "{result}: {lesions}"
IF_NORMAL: Final = "normal: {lesions} more likely"
OR: Final = " or "

