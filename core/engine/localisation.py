"""Which root or nerve explains the pattern (clinical-reference.md, section 7).

Every candidate lesion is scored per side from one table (``core.knowledge.LESION_PROFILES``):
each finding adds the weight of the lesion's involvement category for that item, the weight for
"abnormal" or the weight for "normal" (they differ: evidence can count one way more than the
other), times the factor of the item's kind and, for a weak muscle, its depth. Each term is
written as a sentence in the "for" or "against" list, so a reviewer can redo every score by hand.
No lesion has a branch of its own in this code, and no weight is fitted.

Two readings of the same exam are made: the whole exam (``localise``) and the change alone
(``localise_change``): new or worse findings counted as abnormal, residual ones (present before
the operation, not worse) as unaffected, so that old signs never decide where a new deficit
comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from core.engine import wording
from core.engine.context import ExamContext
from core.engine.findings import (
    Finding,
    References,
    UmnSign,
    change_findings,
    exam_findings,
    saddle_altered,
    umn_signs,
)
from core.i18n import Joined, Number, Phrase, phrase, word
from core.knowledge import (
    ADJACENT_ROOT_PAIRS,
    DENSE_COMMON_MUSCLE_FACTOR,
    DENSE_DEFICIT_MRC,
    DISC_LEVEL_ROOTS,
    INVOLVEMENT_WEIGHTS,
    ITEM_KIND_FACTORS,
    LESION_LABELS,
    LESION_PROFILES,
    RED_FLAGS,
    HerniationZone,
    Involvement,
    ItemKind,
    Lesion,
    LesionProfile,
    LocalisedItem,
    Root,
    Side,
    combined_profile,
)
from core.record import Exam, SurgerySide

EXPLAINING = (Involvement.TYPICAL, Involvement.COMMON, Involvement.SUPPORTIVE,
              Involvement.OCCASIONAL)
"""Categories in which a lesion explains an abnormal finding."""

OPERATED_ROOT_PRIOR = 3.0
"""The operated root, on the operated side, at most: one and a half typical findings. Scaled by
the share of the abnormal findings that root explains, so it applies only to what the root
explains, and it can decide only between lesions the exam itself leaves within 3 points."""

ROOT_PAIR_GAIN = 2.0
"""Two adjacent roots together must beat the best single lesion of the side by this much."""

UNDECIDED_MARGIN = 2.0
"""Lesions within this many points of the leading one are still in question (one typical
finding); the assessment lists the unexamined items that would separate them."""


UMN_SIGN_WEIGHTS: dict[UmnSign, float] = {
    UmnSign.EXTENSOR_PLANTAR: 2.0, UmnSign.SUSTAINED_CLONUS: 2.0, UmnSign.ENHANCED_REFLEX: 1.0}

CAUDA_EQUINA_WEIGHTS: dict[str, float] = {
    "cauda equina red flag": 3.0,
    "saddle (S4-5) sensation altered": 3.0,
    "weakness in both legs beside a cauda equina sign": 1.0,
}

BILATERAL_LABEL = "bilateral"


class Term(NamedTuple):
    """One weighted reason; its words are written only when somebody reads them."""

    weight: float
    finding: Finding | None = None
    profile: LesionProfile | None = None
    note: Phrase | None = None
    """The words of a term without a finding (the operated-root prior, a UMN or cauda equina
    sign)."""
    frames: tuple[Phrase, ...] = ()
    """Templates the reason is set in, innermost first, each with a ``what`` field for it: the
    side of a bilateral lesion ("left: ..."), two roots together ("L4 root and L5 root
    together: ...")."""

    @property
    def text(self) -> Phrase:
        """The reason in words with its weight, e.g. "ankle dorsiflexion 2/5 (typical in L5
        root) [+3]"."""
        if self.finding is not None and self.profile is not None:
            body = _reason_text(self.profile, self.finding)
        else:
            body = self.note or word("")
        for frame in self.frames:
            body = Phrase(frame.template, (*frame.fields, ("what", body)))
        return phrase(wording.TERM_WEIGHED, body=body, weight=Number(self.weight, "+g"))

    def within(self, template: str, **fields: Phrase) -> Term:
        """The term set in one more template (see ``frames``)."""
        return self._replace(frames=(*self.frames, phrase(template, **fields)))


@dataclass
class Candidate:
    """A lesion on one side (or both) with its score and reasons."""

    lesion: Lesion
    side: str
    score: float = 0.0
    terms: list[Term] = field(default_factory=list)
    explained: int = 0
    """How many abnormal findings the lesion explains; a candidate explaining none is not listed."""
    unexplained: int = 0
    """How many abnormal findings this lesion cannot explain."""
    partner: Lesion | None = None
    """For one of two adjacent roots reported together: the other root."""
    prior: float = 0.0
    """The part of the score that comes from the operated level, not from the exam."""

    @property
    def exam_score(self) -> float:
        """The score the exam alone gives (what more testing can change)."""
        return self.score - self.prior

    @property
    def supported(self) -> bool:
        """At least one finding speaks for the lesion."""
        return self.explained > 0

    def add(self, term: Term) -> None:
        """Add one weighted reason, for or against by the sign of its weight."""
        if term.weight:
            self.score += term.weight
            self.terms.append(term)

    @property
    def reasons_for(self) -> list[Phrase]:
        """The terms that count for the lesion, in words."""
        return [t.text for t in self.terms if t.weight > 0]

    @property
    def reasons_against(self) -> list[Phrase]:
        """The terms that count against it, in words."""
        return [t.text for t in self.terms if t.weight < 0]

    @property
    def label(self) -> str:
        """The lesion in words."""
        return LESION_LABELS[self.lesion]

    def evidence_key(self) -> tuple[float, int, int]:
        """What ranks candidates: the score, then more findings explained, then fewer left
        unexplained. Code order never decides between two lesions the evidence cannot."""
        return (-round(self.score, 6), -self.explained, self.unexplained)

    def as_dict(self) -> dict[str, Any]:
        """As the assessment document writes it."""
        return {"lesion": self.lesion.value, "side": self.side, "score": round(self.score, 2),
                "for": [str(r) for r in self.reasons_for],
                "against": [str(r) for r in self.reasons_against]}


# --------------------------------------------------------------------------------------------
# Scoring a lesion of the table on one side.
# --------------------------------------------------------------------------------------------

def _dense_muscles(findings: list[Finding]) -> list[LocalisedItem]:
    """Muscles affected at MRC 2 or less."""
    return [f.item for f in findings if f.affected and f.mrc is not None
            and f.mrc <= DENSE_DEFICIT_MRC]


def _is_dense(profile: LesionProfile, dense_muscles: list[LocalisedItem]) -> bool:
    """A typical muscle of the lesion is affected at MRC 2 or less."""
    return any(profile.weights[m][0] is Involvement.TYPICAL for m in dense_muscles)


_ENHANCED_REFLEX_WEIGHT = (INVOLVEMENT_WEIGHTS[Involvement.OUTSIDE][0]
                           * ITEM_KIND_FACTORS[ItemKind.REFLEX])
"""An enhanced reflex is outside every root and nerve lesion."""


def score_findings(profile: LesionProfile, findings: list[Finding], candidate: Candidate,
                   dense_muscles: list[LocalisedItem]) -> None:
    """Add one term per finding: category x kind factor x muscle depth (one loop, written for
    speed: it runs about 1,500 times per assessment)."""
    weights = profile.weights
    dense = _is_dense(profile, dense_muscles)
    score, explained, unexplained = 0.0, 0, 0
    terms = candidate.terms
    for finding in findings:
        involvement, abnormal_weight, normal_weight = weights[finding.item]
        if finding.affected:
            if finding.enhanced:
                weight = _ENHANCED_REFLEX_WEIGHT
                unexplained += 1
            else:
                weight = abnormal_weight * finding.depth
                if involvement in EXPLAINING:
                    explained += 1
                else:
                    unexplained += 1
        elif dense and involvement is Involvement.COMMON and finding.depth and \
                finding.reading.mrc is not None:
            weight = normal_weight * DENSE_COMMON_MUSCLE_FACTOR
        else:
            weight = normal_weight
        if weight:
            score += weight
            terms.append(Term(weight, finding, profile))
    candidate.score += score
    candidate.explained += explained
    candidate.unexplained += unexplained


def _reason_text(profile: LesionProfile, finding: Finding) -> Phrase:
    if finding.enhanced:
        return phrase(wording.REASON_ENHANCED, finding=finding.text)
    involvement = profile.of(finding.item)
    lesion = word(profile.label)
    if finding.affected and involvement is Involvement.SPARED:
        return phrase(wording.REASON_SPARED, finding=finding.text, lesion=lesion)
    if finding.affected and involvement is Involvement.OUTSIDE:
        return phrase(wording.REASON_OUTSIDE, finding=finding.text, lesion=lesion)
    return phrase(wording.REASON_INVOLVED, finding=finding.text,
                  involvement=word(involvement.value), lesion=lesion)


def score_lesion(lesion: Lesion, profile: LesionProfile, side: Side, findings: list[Finding],
                 context: ExamContext, dense_muscles: list[LocalisedItem] | None = None) -> Candidate:
    """One lesion on one side, every finding weighed by the table; then the operated-root prior."""
    candidate = Candidate(lesion, side.value)
    score_findings(profile, findings, candidate,
                   _dense_muscles(findings) if dense_muscles is None else dense_muscles)
    _add_operated_root_prior(candidate, profile, side, findings, context)
    return candidate


def operated_roots(context: ExamContext, side: Side) -> dict[Root, Phrase]:
    """Roots the operated disc may compress on ``side``, each with how it relates to the level."""
    surgery = context.surgery
    if surgery is None or surgery.side not in (SurgerySide(side.value), SurgerySide.BILATERAL):
        return {}
    traversing, exiting = DISC_LEVEL_ROOTS[surgery.level]
    level = surgery.level.value
    zone = surgery.herniation
    passing = phrase(wording.TRAVERSING_ROOT, root=traversing.value, level=level)
    leaving = phrase(wording.EXITING_ROOT, root=exiting.value, level=level)
    if zone is HerniationZone.PARACENTRAL:
        return {traversing: passing}
    if zone in (HerniationZone.FORAMINAL, HerniationZone.FAR_LATERAL):
        return {exiting: leaving}
    return {traversing: passing,
            exiting: phrase(wording.EXITING_ROOT_IF_FORAMINAL, root=exiting.value, level=level)}


def _add_operated_root_prior(candidate: Candidate, profile: LesionProfile, side: Side,
                             findings: list[Finding], context: ExamContext) -> None:
    operated = operated_roots(context, side)
    relation = next((operated[root] for root in profile.roots if root in operated), None)
    affected = sum(f.affected for f in findings)
    if relation is None or not candidate.supported or not affected:
        return
    share = candidate.explained / affected
    candidate.prior = OPERATED_ROOT_PRIOR * share
    candidate.add(Term(OPERATED_ROOT_PRIOR * share,
                       note=phrase(wording.OPERATED_ROOT, relation=relation,
                                   explained=candidate.explained, affected=affected)))


# --------------------------------------------------------------------------------------------
# Whole-body lesions: upper motor neuron and cauda equina.
# --------------------------------------------------------------------------------------------


def _score_umn(exam: Exam) -> list[Candidate]:
    per_side = []
    for side in Side:
        candidate = Candidate(Lesion.UPPER_MOTOR_NEURON, side.value)
        for sign, text in umn_signs(exam, side):
            candidate.explained += 1
            candidate.add(Term(UMN_SIGN_WEIGHTS[sign],
                               note=phrase(wording.ON_SIDE, side=word(side.value), what=text)))
        per_side.append(candidate)
    return per_side


def _score_cauda_equina(exam: Exam) -> Candidate:
    candidate = Candidate(Lesion.CAUDA_EQUINA, BILATERAL_LABEL)
    for flag in exam.red_flags or []:
        if RED_FLAGS[flag].cauda_equina:
            candidate.explained += 1
            candidate.add(Term(CAUDA_EQUINA_WEIGHTS["cauda equina red flag"],
                               note=word(RED_FLAGS[flag].label)))
    altered = saddle_altered(exam)
    if altered:
        candidate.explained += 1
        candidate.add(Term(CAUDA_EQUINA_WEIGHTS["saddle (S4-5) sensation altered"],
                           note=phrase(wording.SADDLE_SENSATION_ALTERED,
                                       where=Joined(tuple(altered)))))
    weak_both = all(any(g.testable and not g.is_normal for g in (exam.motor.get(s) or {}).values())
                    for s in Side)
    if candidate.supported and weak_both:
        candidate.add(Term(CAUDA_EQUINA_WEIGHTS["weakness in both legs beside a cauda equina sign"],
                           note=word(wording.WEAKNESS_IN_BOTH_LEGS)))
    return candidate


# --------------------------------------------------------------------------------------------
# Ranking.
# --------------------------------------------------------------------------------------------

_ORDER = {lesion: index for index, lesion in enumerate(Lesion)}
_SIDE_ORDER = {"bilateral": 0, "left": 1, "right": 2}


def _rank_key(candidate: Candidate) -> tuple[float, int, int, int, int]:
    return (*candidate.evidence_key(), _ORDER[candidate.lesion], _SIDE_ORDER[candidate.side])


def _merge_bilateral(left: Candidate, right: Candidate) -> Candidate:
    return Candidate(left.lesion, BILATERAL_LABEL, left.score + right.score,
                     [t.within(wording.ON_SIDE, side=word(one.side)) for one in (left, right)
                      for t in one.terms],
                     left.explained + right.explained, left.unexplained + right.unexplained,
                     left.partner or right.partner, left.prior + right.prior)


def _combine_sides(left: Candidate, right: Candidate) -> list[Candidate]:
    """One bilateral entry when the lesion explains findings on both sides and scores above zero
    on each; otherwise each side that it explains, on its own."""
    viable = [c for c in (left, right) if c.supported]
    if len(viable) == 2 and left.score > 0 and right.score > 0:
        return [_merge_bilateral(left, right)]
    return viable


def _root_pairs(side: Side, findings: list[Finding], context: ExamContext,
                best_single: Candidate) -> list[Candidate]:
    """Two adjacent roots together, when they explain the side clearly better than any one lesion.

    Both roots are listed, each with the pair's score and reasons, so the list keeps the
    contract's lesion codes; the multiple_roots flag says they belong together.
    """
    best: tuple[Candidate, Lesion, Lesion] | None = None
    for first, second in ADJACENT_ROOT_PAIRS:
        pair = score_lesion(first, combined_profile(first, second), side, findings, context)
        if pair.supported and pair.score >= best_single.score + ROOT_PAIR_GAIN and (
                best is None or pair.score > best[0].score):
            best = (pair, first, second)
    if best is None:
        return []
    pair, first, second = best
    together = {"first": word(LESION_LABELS[first]), "second": word(LESION_LABELS[second])}
    terms = [t.within(wording.ROOTS_TOGETHER, **together) if t.weight > 0 else t
             for t in pair.terms]
    return [Candidate(lesion, side.value, pair.score, terms, pair.explained, pair.unexplained,
                      partner, pair.prior)
            for lesion, partner in ((first, second), (second, first))]


def score_side(side: Side, findings: list[Finding], context: ExamContext) -> dict[Lesion, Candidate]:
    """Every lesion of the table on one side; two adjacent roots where no single lesion explains
    every finding, or where a nerve leads (two roots can mimic one nerve: L5 and S1 the sciatic)."""
    if not any(f.affected for f in findings):
        return {}
    dense = _dense_muscles(findings)
    scored = {lesion: score_lesion(lesion, profile, side, findings, context, dense)
              for lesion, profile in LESION_PROFILES.items()}
    best = min((c for c in scored.values() if c.supported), key=_rank_key, default=None)
    if best is not None and (best.unexplained or not LESION_PROFILES[best.lesion].roots):
        for member in _root_pairs(side, findings, context, best):
            scored[member.lesion] = member
    return scored


SideScores = dict[tuple[Side, tuple[tuple[object, bool], ...]], dict[Lesion, Candidate]]
"""Scores of one side kept by the evidence they rest on (which items, abnormal or not), so the
change is not scored again when it holds the same evidence as the whole exam."""


def rank(findings: dict[Side, list[Finding]], context: ExamContext, exam_wide: bool,
         cache: SideScores | None = None) -> list[Candidate]:
    """Candidate lesions that explain at least one finding, best first."""
    cache = {} if cache is None else cache
    per_side = {}
    for side in Side:
        key = (side, tuple((f.item, f.affected) for f in findings[side]))
        if key not in cache:
            cache[key] = score_side(side, findings[side], context)
        per_side[side] = cache[key]
    ranked: list[Candidate] = []
    for lesion in LESION_PROFILES:
        left, right = (per_side[side].get(lesion, Candidate(lesion, side.value)) for side in Side)
        ranked += _combine_sides(left, right)
    if exam_wide:
        ranked += _combine_sides(*_score_umn(context.exam))
        cauda = _score_cauda_equina(context.exam)
        if cauda.supported:
            ranked.append(cauda)
    ranked.sort(key=_rank_key)
    return ranked


def localise(context: ExamContext, cache: SideScores | None = None) -> list[Candidate]:
    """The whole exam: every abnormal finding, best explanation first; [] when all is normal."""
    return rank({side: exam_findings(context.exam, side) for side in Side}, context, True, cache)


def localise_change(context: ExamContext, refs: References, new_umn_signs: bool,
                    cache: SideScores | None = None) -> list[Candidate]:
    """The new or worse findings alone (residual and unchanged ones count as unaffected); []
    when nothing is new or worse. The upper motor neuron joins when its signs are new; cauda
    equina signs are always a present event."""
    ranked = rank({side: change_findings(context, side, refs) for side in Side}, context, False,
                  cache)
    extra = _combine_sides(*_score_umn(context.exam)) if new_umn_signs else []
    cauda = _score_cauda_equina(context.exam)
    extra += [cauda] if cauda.supported else []
    return sorted(ranked + extra, key=_rank_key)


def close_contenders(ranked: list[Candidate]) -> list[Candidate]:
    """The lesions the exam itself leaves within ``UNDECIDED_MARGIN`` of the best (at most four).

    The operated-root prior is left out here: it may rank the operated root first, but it never
    settles what the exam has not examined."""
    if not ranked:
        return []
    by_exam = sorted(ranked, key=lambda c: -c.exam_score)
    top = by_exam[0].exam_score
    return [c for c in by_exam if top - c.exam_score <= UNDECIDED_MARGIN][:4]
