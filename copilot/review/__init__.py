"""Reply review: small pure checks + score maths.

    from copilot.review import review
    r = review(reply, case, knowledge)      # case: Case or the customer's message text
    r.score        # 0..100
    r.flags        # failed penalty checks: copy_paste / accusatory / deflection
    r.checks["deflection"].reasons[0].message, .span

Deterministic; fast enough to run on every keystroke (lemmas and message/knowledge
analysis are cached).
"""

from __future__ import annotations

from typing import Callable

from copilot.case import Case
from copilot.review import (accusatory, copy_paste, deflection, empathy, grounding, language, ownership,
                            specificity)
from copilot.review.context import Context
from copilot.review.model import CheckResult, Reason, Review, Span
from copilot.review.score import WEIGHTS, failed_penalties, overall

CHECKS: dict[str, Callable[[Context], CheckResult]] = {
    "copy_paste": copy_paste.check,
    "accusatory": accusatory.check,
    "deflection": deflection.check,
    "empathy": empathy.check,
    "specificity": specificity.check,
    "ownership": ownership.check,
    "grounding": grounding.check,
    "language": language.check,
}
PENALTY_CHECKS = ("copy_paste", "accusatory", "deflection")
POSITIVE_CHECKS = ("empathy", "specificity", "ownership", "grounding", "language")


def review(reply: str, case: Case | str | None = None, knowledge: list[str] | None = None) -> Review:
    """Run every check on ``reply`` (for ``case`` with ``knowledge`` texts) and score it."""
    ctx = Context(reply, case, knowledge)
    checks = {name: fn(ctx) for name, fn in CHECKS.items()}
    return Review(score=overall(checks), checks=checks, flags=failed_penalties(checks), lang=ctx.detected_lang)


__all__ = ["review", "Review", "CheckResult", "Reason", "Span", "CHECKS", "PENALTY_CHECKS",
           "POSITIVE_CHECKS", "WEIGHTS", "Context"]
