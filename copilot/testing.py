"""pytest helpers for integrators: assert that a reply passes the review.

    from copilot.testing import assert_good_reply

    def test_card_block_reply():
        assert_good_reply(my_bot(case), case, knowledge=[kb_text], min_score=70)

On failure the AssertionError lists every failed check with its hint and the offending
text, e.g.::

    reply scored 40.0 (< 70); flags: deflection
      - deflection: This sends the customer elsewhere — own it, or say who takes it over
        and by when: "call our card services on 0200 3000"
"""

from __future__ import annotations

from collections.abc import Iterable

from copilot.case import Case
from copilot.review import Review, review
from copilot.review.score import apply_caps, weighted_mean


def explain(rv: Review, min_score: float | None = None, limit: int = 12) -> str:
    """Readable multi-line explanation of a review (failed checks, hints, spans)."""
    head = f"reply scored {rv.score:.1f}"
    if min_score is not None:
        head += f" ({'<' if rv.score < min_score else '>='} {min_score:g})"
    head += "; flags: " + (", ".join(rv.flags) if rv.flags else "none")
    lines = [head]
    for name, reason in rv.reasons()[:limit]:
        line = f"  - {name}: {reason.message}"
        if reason.span is not None:
            line += f': "{reason.span.text}"'
        lines.append(line)
    return "\n".join(lines)


def assert_good_reply(reply: str, case: Case | str, knowledge: list[str] | None = None, min_score: float = 70,
                      *, allow: Iterable[str] = ()) -> Review:
    """Fail (AssertionError) when the reply scores below ``min_score`` or a penalty check fails.

    ``allow`` names penalty checks that may fail (e.g. ``allow=["copy_paste"]`` for a reply
    that must quote a legal text). Returns the Review when the reply is good.
    """
    __tracebackhide__ = True  # pytest: show the caller's line, not this helper
    rv = review(reply, case, knowledge)
    allowed = set(allow)
    flags = [f for f in rv.flags if f not in allowed]
    score = rv.score
    if allowed & set(rv.flags):  # an allowed failure does not cap the score
        kept = {n: c for n, c in rv.checks.items() if n not in allowed}
        score = round(apply_caps(weighted_mean({n: c.score for n, c in rv.checks.items()}), kept), 1)
    if score < min_score or flags:
        raise AssertionError(explain(rv, min_score))
    return rv


__all__ = ["assert_good_reply", "explain"]
