"""copy_paste: the reply recites knowledge / FAQ / macro text instead of addressing this customer.

Per body sentence (greeting, thanks, sign-off and closing wishes are set aside):

- overlap with the knowledge: share of the sentence's content lemma-stems found in the
  knowledge, and share of its lemma-stem pairs (window 2, order-free) found there -- so a
  light paraphrase (reordered, re-inflected, passive for active) is still caught;
- FAQ voice: third-person "asiakas / the customer", passive or impersonal modal ("voidaan",
  "tilataan", "can be flagged"), generic adverbs ("yleensä", "normally"), how-to ("voit ...
  kohdassa", "under Settings") -- works without knowledge;
- personal anchors: the writer acting (first person), the customer's own details (name,
  codes, numbers, topic words from the message not in the knowledge), direct address.

A sentence counts as recited when it is mostly knowledge (or FAQ voice) *and* has no
personal anchor. Severity = recited share of the body (token-weighted), softened by how
much of the reply is personal.
"""

from __future__ import annotations

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context, _pairs
from copilot.review.model import CheckResult

NAME = "copy_paste"
FAIL_AT = 0.5
OVERLAP_AT = 0.5


def _faq_voice(ctx: Context, toks) -> float:
    fi = ctx.lang == "fi"
    cust = L.FI_CUSTOMER_3P if fi else L.EN_CUSTOMER_3P
    score = 0.0
    if any(cust.match(t) for t in toks):
        score += 0.6
    if fi:
        passive = sum(1 for t in toks if t.has("pass"))
        impersonal_voi = any(t.low == "voi" and i + 1 < len(toks) and not any(u.has("2p") or u.has("neg")
                                                                                for u in toks[max(0, i - 2):i])
                             for i, t in enumerate(toks))
        if passive or impersonal_voi:
            score += 0.4
        if any(L.FI_GENERIC_ADV.match(t) for t in toks):
            score += 0.3
        if any(t.low in ("voit", "voitte") for t in toks) and any(L.FI_HOWTO_PLACE.match(t) for t in toks):
            score += 0.6
        if toks and toks[0].low in ("jos", "kun") and not any(t.has("2p") for t in toks):
            score += 0.2
    else:
        lows = [t.low for t in toks]
        passive = any(w in ("is", "are", "be", "been", "being", "was", "were") and i + 1 < len(toks)
                      and (toks[i + 1].has("part") or (i + 2 < len(toks) and toks[i + 2].has("part")))
                      for i, w in enumerate(lows))
        if passive:
            score += 0.4
        if any(L.EN_GENERIC_ADV.match(t) for t in toks):
            score += 0.3
        if "you" in lows and any(L.EN_HOWTO_PLACE.match(t) for t in toks) and any(
                w in ("can", "may", "under", "via") for w in lows):
            score += 0.6
        if lows and lows[0] in ("if", "when", "once") and "you" not in lows and "your" not in lows:
            score += 0.2
    return min(1.0, score)


def check(ctx: Context) -> CheckResult:
    kb = ctx.kb
    body = [sg for sg in ctx.body if sum(1 for t in sg.tokens if t.content) >= 3]
    if not body:
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, sentences=0)
    acted = {id(sg) for sg, _ in ctx.actions}
    total = recited = personal_w = 0.0
    hits: list[Hit] = []
    rows = []
    for sg in body:
        content = [t for t in sg.tokens if t.content]
        w = float(len(content))
        total += w
        overlap = 0.0
        if kb is not None:
            keys = [t.key for t in content]
            uni = sum(1 for k in keys if k in kb.keys) / len(keys)
            pr = _pairs(keys)
            bi = (sum(1 for p in pr if p in kb.pairs) / len(pr)) if pr else uni
            nums = [t for t in content if t.has("num")]
            overlap = 0.5 * uni + 0.5 * bi
            if nums and all(t.low in kb.numbers for t in nums):
                overlap = min(1.0, overlap + 0.05)
        faq = _faq_voice(ctx, sg.tokens)
        specifics = ctx.specific_tokens(sg.tokens)
        topic = ctx.topic_tokens(sg.tokens) if kb is not None else ctx.message_tokens(sg.tokens)
        second = sum(1 for t in sg.tokens if t.has("2p"))
        strong_personal = id(sg) in acted or bool(specifics) or len(topic) >= (2 if kb is not None else 3)
        weak_personal = second > 0 or len(topic) >= 1
        anchor = 1.0 if strong_personal else (0.5 if weak_personal else 0.0)
        personal_w += w * anchor
        if kb is not None:
            canned = max(overlap, 0.7 * faq if overlap >= 0.3 else 0.0)
        else:
            canned = 0.8 * faq
        sent_score = canned * (1.0 - anchor) if anchor < 1.0 else 0.0
        if anchor == 0.5 and canned >= 0.8:  # a "you" glued onto recited text is still recited
            sent_score = canned * 0.75
        is_recited = sent_score >= OVERLAP_AT * (1.0 if kb is not None else 0.9)
        if is_recited:
            recited += w
            key = "copy_paste.recited" if kb is not None and overlap >= OVERLAP_AT else "copy_paste.faq_voice"
            hits.append(hit(sent_score, key, list(sg.tokens)))
        rows.append((round(overlap, 2), round(faq, 2), anchor, round(sent_score, 2)))
    share = recited / total if total else 0.0
    personal = personal_w / total if total else 0.0
    severity = clamp(share * (1.0 - 0.3 * personal))
    if kb is None:
        severity = clamp(severity * 0.9)
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.3 else reasons_from_hits(ctx, hits, limit=2),
                  severity=severity, recited_share=round(share, 3), personal_share=round(personal, 3),
                  with_knowledge=kb is not None, sentences=rows)
