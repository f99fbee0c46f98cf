"""Score maths: weighted mean of check scores, capped when a penalty check fails.

Like a QA scorecard, a failed penalty check (copy_paste, accusatory, deflection) is an
auto-fail: the overall score cannot exceed ``PENALTY_CAP`` however good the rest is. A
reply in the wrong language is capped at ``LANGUAGE_CAP``.
"""

from __future__ import annotations

from typing import Mapping

from copilot.review.model import CheckResult

WEIGHTS: dict[str, float] = {
    "copy_paste": 1.5,
    "accusatory": 1.5,
    "deflection": 1.5,
    "empathy": 1.0,
    "specificity": 1.0,
    "ownership": 1.5,
    "grounding": 1.0,
    "language": 1.0,
}
PENALTY_CAP = 40.0
LANGUAGE_CAP = 50.0


def weighted_mean(scores: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """0..100 weighted mean of 0..1 scores; checks without a weight count 1.0."""
    total = sum(weights.get(k, 1.0) for k in scores)
    if total <= 0:
        return 100.0
    return 100.0 * sum(weights.get(k, 1.0) * max(0.0, min(1.0, v)) for k, v in scores.items()) / total


def failed_penalties(checks: Mapping[str, CheckResult]) -> list[str]:
    """Names of failed penalty checks, in a stable order."""
    return sorted(name for name, c in checks.items() if c.kind == "penalty" and not c.passed)


def apply_caps(score: float, checks: Mapping[str, CheckResult], *, penalty_cap: float = PENALTY_CAP,
               language_cap: float = LANGUAGE_CAP) -> float:
    if failed_penalties(checks):
        score = min(score, penalty_cap)
    lang = checks.get("language")
    if lang is not None and not lang.passed:
        score = min(score, language_cap)
    return score


def overall(checks: Mapping[str, CheckResult], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The Review score: weighted mean, then caps; rounded to one decimal."""
    score = weighted_mean({n: c.score for n, c in checks.items()}, weights)
    return round(apply_caps(score, checks), 1)
