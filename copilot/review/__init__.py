"""Reply review: small pure checks + score maths.

    from copilot.review import review, warm_up
    warm_up()                               # optional: load lemmatiser data once (~2-3 s)
    r = review(reply, case, knowledge)      # case: Case or the customer's message text; knowledge: texts
    r.score        # 0..100 (weighted mean of check scores; capped at 40 when a penalty check fails)
    r.flags        # failed penalty checks: copy_paste / accusatory / deflection
    r.checks["deflection"].reasons[0].message, .span   # hint in the reply's language + offending text

Penalty checks: ``copy_paste`` (recites knowledge / FAQ text), ``accusatory`` (blame, reprimand,
suspicion, rule-quoting at the customer), ``deflection`` (sends the customer elsewhere with nobody
owning it). Positive checks: ``empathy``, ``specificity``, ``ownership``, ``grounding``, ``language``.

Finnish and English are analysed with simplemma lemmas, Snowball stems and a small verb-form
generator (``fi_morph``) so constructions match inflected forms and know who acts (first person =
the writer, second person / imperative = the customer). Deterministic; per-word analysis and the
message / knowledge indexes are cached, so a 150-word reply reviews in a few milliseconds.
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
    """Run every check on ``reply`` (for ``case`` with ``knowledge`` texts) and score it.

    An empty reply (no words) scores 0; its checks are still reported.
    """
    ctx = Context(reply or "", case, knowledge)
    checks = {name: fn(ctx) for name, fn in CHECKS.items()}
    score = overall(checks) if ctx.doc.tokens else 0.0
    return Review(score=score, checks=checks, flags=failed_penalties(checks), lang=ctx.detected_lang)


def warm_up(langs: tuple[str, ...] = ("fi", "en")) -> None:
    """Load the lemmatiser data, language model and word tables now (about 1-3 s once per process),
    so the first review in the side panel is as fast as the rest."""
    samples = {"fi": ("Hei, avasin korttisi ja soitan sinulle huomenna klo 12. Ota yhteyttä konttoriin.",
                      "Korttini ei toimi."),
               "en": ("Hi, I've reopened your card and will call you tomorrow at 12. Please contact the branch.",
                      "My card does not work.")}
    for lang in langs:
        reply, message = samples.get(lang, samples["en"])
        review(reply, Case(message=message, lang=lang), ["Kortti avataan. The card is reopened."])


__all__ = ["review", "warm_up", "Review", "CheckResult", "Reason", "Span", "CHECKS", "PENALTY_CHECKS",
           "POSITIVE_CHECKS", "WEIGHTS", "Context"]
