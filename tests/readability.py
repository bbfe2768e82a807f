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


# Spanish ---------------------------------------------------------------------------------------

SPANISH_WORD = re.compile(r"[a-záéíóúüñ]+", re.IGNORECASE)
_STRONG = set("aeoáéóíú")
"""Open vowels, and i/u when accented (an accent on i or u breaks the diphthong: "dí-a")."""
_VOWELS = _STRONG | set("iuü")


def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word: vowel nuclei, where two strong vowels are a hiatus (two
    syllables) and a weak unaccented i/u next to another vowel forms a diphthong (one)."""
    word = word.lower()
    count, previous = 0, ""
    for char in word:
        if char in _VOWELS:
            if not previous or (previous in _STRONG and char in _STRONG):
                count += 1
            previous = char
        else:
            previous = ""
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        count += 1  # "muy" is one syllable, "y" alone none; "ley" already counted
    return max(1, count)


def _spanish_counts(text: str) -> tuple[int, int, int]:
    sentences = [s for s in re.split(r"[.!?:\n•]+", text) if SPANISH_WORD.search(s)]
    words = SPANISH_WORD.findall(text)
    return len(sentences), len(words), sum(spanish_syllables(w) for w in words)


def inflesz(text: str) -> float:
    """The Szigriszt-Pazos perspicuity index, read on the INFLESZ scale (Barrio-Cantalejo et al.,
    An Pediatr 2008;69:521): 206.835 - 62.3 * syllables per word - words per sentence. Below 40
    very difficult, 40-55 somewhat difficult, 55-65 normal, 65-80 fairly easy ("bastante fácil"),
    above 80 very easy."""
    sentences, words, syllables_ = _spanish_counts(text)
    return 206.835 - 62.3 * syllables_ / words - words / sentences


def fernandez_huerta(text: str) -> float:
    """Fernández-Huerta's reading ease (1959), as corrected by G. Law: 206.84 - 60 *
    syllables per word - 1.02 * words per sentence. 70-80 fairly easy, 80-90 easy."""
    sentences, words, syllables_ = _spanish_counts(text)
    return 206.84 - 60 * syllables_ / words - 1.02 * words / sentences
