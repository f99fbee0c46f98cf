"""specificity: does the reply use this case's details?

Details come from the customer's message (and earlier customer turns): codes and numbers
(order/tracking ids, dates, amounts), names, and topic words (content lemmas). Score is
half "specifics reused" (up to two) and half "topic words reused" (up to four); without
specifics in the message, topic words carry the score. Without a case: not applicable.
"""

from __future__ import annotations

from copilot.review.base import reason, result
from copilot.review.context import Context
from copilot.review.model import CheckResult

NAME = "specificity"
PASS_AT = 0.5


def check(ctx: Context) -> CheckResult:
    m = ctx.message
    if m is None:
        return result(NAME, "positive", 1.0, True, [], applicable=False)
    toks = [t for sg in ctx.segs if sg.role != "signoff" for t in sg.tokens]
    greet_name = any(sg.role == "greeting" or sg.tokens is not sg.sentence.tokens for sg in ctx.segs[:1]) and \
        any(t.cap and (t.low in m.names) for t in ctx.segs[0].sentence.tokens[:4]) if ctx.segs else False
    spec = {t.low for t in ctx.specific_tokens(toks)}
    topic = {t.key for t in ctx.message_tokens(toks)}
    avail = len(m.codes) + len(m.names)
    s_topic = min(1.0, len(topic) / 4.0)
    if avail:
        s_spec = min(1.0, len(spec) / float(min(2, avail)))
        score = 0.5 * s_spec + 0.5 * s_topic
    else:
        score = s_topic
    if greet_name:
        score = min(1.0, score + 0.1)
    reasons = [] if score >= PASS_AT else [reason(ctx, "specificity.low")]
    return result(NAME, "positive", score, score >= PASS_AT, reasons, specifics=sorted(spec),
                  topic_words=len(topic))
