"""The Flesch-Kincaid grade level, a standard readability formula (Kincaid et al., 1975).

grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59. A grade of 7 suits a
reading age of about 12 to 13.
"""

from __future__ import annotations

import re


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e: the usual approximation."""
    word = word.lower()
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def flesch_kincaid_grade(text: str) -> float:
    """The grade level of ``text``; bullet lines count as sentences."""
    sentences = [s for s in re.split(r"[.!?:\n•]+", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59
