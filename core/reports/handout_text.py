"""Every string of the patient handout, in one place, ready for translation.

Written for a reading age of about 12: short sentences, everyday words. A test measures the
handout with the Flesch-Kincaid grade formula. Warning signs reuse the lay wording of the red-flag
table in core.knowledge, so the handout and the clinician report never disagree.
"""

from __future__ import annotations

from core.engine.triage import Level
from core.knowledge import Dermatome, Muscle, Reflex

TITLE = "Your leg nerve check"
INTRO = ("Today we checked the nerves that go from your lower back to your legs. "
         "This sheet tells you what we found and what to do next.")
WHAT_WE_TESTED_HEADING = "What we tested"
WHAT_WE_TESTED = [
    "How strong the muscles in your legs and feet are.",
    "How well your skin feels a light touch and a pin.",
    "Your reflexes: how your knees and ankles jump when tapped.",
    "How well you walk on your heels and on your toes.",
]
FOUND_HEADING = "What we found"
ALL_NORMAL = "Your strength, feeling and reflexes were normal today."
CHANGES_HEADING = "What has changed since your operation"
CHANGES_SINCE_LAST_HEADING = "What has changed since your last check"
NO_CHANGE = "Nothing has changed much."
NEXT_HEADING = "What happens next"
NEXT_STEPS: dict[Level, str] = {
    Level.EMERGENCY: "You need to be seen today. Please go to the emergency department now.",
    Level.URGENT: "A spine doctor should see you in the next one or two days. We will arrange it.",
    Level.PROMPT: "A spine doctor should see you in the next one or two weeks.",
    Level.ROUTINE: "Come to your next planned check. You do not need to do anything else now.",
    Level.NOT_ASSESSED: "Your check is not finished yet. Your clinician will tell you what "
                        "happens next.",
}
RECOVERY_NOTE = ("Nerves heal slowly. Strength often comes back more slowly than the pain "
                 "goes away. A reflex may stay weak even when you feel well.")
WARNING_HEADING = "Get help the same day if"
EXTRA_WARNINGS = ["the numbness in your leg or foot spreads"]
WARNING_ACTION = ("Go to the emergency department, or call your clinic straight away. "
                  "Do not wait to see if it gets better.")
CALL_CLINIC = "Your clinic's phone number: {phone}."
NO_PHONE = ("We did not print your clinic's phone number here. Ask the team who looked after you "
            "for it, and write it here: ____________________")
CONTACT_HEADING = "Your clinic"
NO_CONTACT = "Ask the team who looked after you for a phone number."
DISCLAIMER = ("This sheet helps you remember your visit. It does not replace what your doctor "
              "or nurse tells you.")

SIDE_WORDS = {"left": "left", "right": "right"}
MUSCLE_WORDS: dict[Muscle, str] = {
    Muscle.HIP_FLEXION: "lifts your {side} thigh",
    Muscle.HIP_ADDUCTION: "pulls your {side} leg in",
    Muscle.KNEE_EXTENSION: "straightens your {side} knee",
    Muscle.ANKLE_DORSIFLEXION: "lifts your {side} foot up",
    Muscle.GREAT_TOE_EXTENSION: "lifts your {side} big toe",
    Muscle.TOE_EXTENSION: "lifts the small toes of your {side} foot",
    Muscle.ANKLE_INVERSION: "turns your {side} foot in",
    Muscle.ANKLE_EVERSION: "turns your {side} foot out",
    Muscle.HIP_ABDUCTION: "moves your {side} leg out to the side",
    Muscle.HIP_EXTENSION: "pushes your {side} leg back",
    Muscle.KNEE_FLEXION: "bends your {side} knee",
    Muscle.ANKLE_PLANTARFLEXION: "pushes your {side} foot down",
}
WEAK_MUSCLE = "The muscle that {movement} is weaker than normal."
DERMATOME_WORDS: dict[Dermatome, str] = {
    Dermatome.L1: "at the top of your {side} thigh, near the groin",
    Dermatome.L2: "on the front of your {side} thigh",
    Dermatome.L3: "on the inside of your {side} knee",
    Dermatome.L4: "on the inside of your {side} lower leg and ankle",
    Dermatome.L5: "on the top of your {side} foot and the outside of your lower leg",
    Dermatome.S1: "on the outside edge and sole of your {side} foot",
    Dermatome.S2: "on the back of your {side} thigh",
    Dermatome.S3: "on your {side} buttock",
    Dermatome.S4_5: "around your back passage, on the {side} side",
}
NUMB_AREA = "Your skin {area} does not feel things as well as normal."
REFLEX_WORDS: dict[Reflex, str] = {
    Reflex.PATELLAR: "at your {side} knee", Reflex.MEDIAL_HAMSTRING: "at the back of your {side} knee",
    Reflex.ACHILLES: "at your {side} ankle",
}
WEAK_REFLEX = "The reflex {place} is weaker than usual."
BRISK_SIGNS = ("Some of your reflexes are stronger than usual. Your doctor will look into this, "
               "because it can come from a nerve problem higher up than the lower back.")
CHANGE_WORDS = {
    "better": "{thing}: better than before.",
    "resolved": "{thing}: back to normal.",
    "worse": "{thing}: weaker than before.",
    "new": "{thing}: this is new.",
}
MUSCLE_THING = "The muscle that {movement}"
AREA_THING = "Feeling {area}"
