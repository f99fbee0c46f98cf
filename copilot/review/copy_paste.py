"""copy_paste: the reply recites knowledge / FAQ / macro text instead of addressing this customer.

Measured on the body (greeting, canned thanks, sign-off and closing wishes set aside):

- recitation: share of the body's content lemma-stems found in the knowledge, averaged with
  the share of its lemma-stem pairs (window 2, order-free) found there -- shingles over
  lemmas, so a light paraphrase (reordered, re-inflected, active to passive) still matches;
- FAQ voice (also without knowledge): third-person "asiakas / the customer", passive or
  impersonal possibility ("voidaan", "voi lisätä", "can be restored"), generic adverbs
  ("yleensä", "normally"), how-to ("voit ... kohdassa", "under Settings");
- personal anchors, weighed against the above: the writer acting in the first person, direct
  address, the customer's own details (codes, names) and topic words from their message that
  the knowledge does not contain.

A sentence that mostly repeats the customer's own message (its word pairs match the message at
least as well as the knowledge) is an echo: words it shares with both do not count as recited.
Two or more near-verbatim knowledge sentences (overlap >= 0.75) add to the recitation by their
share of the body.

severity = recitation x (1 - personal); the reply fails at ``FAIL_AT``. Without knowledge the
recitation term is the FAQ-voice share of the body.
"""

from __future__ import annotations

from functools import lru_cache

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context, _pairs
from copilot.review.model import CheckResult
from copilot.review.text import cached_doc

NAME = "copy_paste"
FAIL_AT = 0.47
MIN_CONTENT = 8  # content words in the body; fewer cannot be a recitation
VERBATIM = 0.75  # sentence overlap with the knowledge at which it counts as near-verbatim


def faq_voice(ctx: Context, toks) -> float:
    """0..1: how much a sentence sounds like a FAQ / policy text rather than a reply."""
    fi = ctx.lang == "fi"
    cust = L.FI_CUSTOMER_3P if fi else L.EN_CUSTOMER_3P
    score = 0.0
    if any(cust.match(t) for t in toks):
        score += 0.5
    if fi:
        passive = any(t.has("pass") for t in toks)
        impersonal = any(t.low in ("voi", "voidaan", "saa", "tulee", "on") and i + 1 < len(toks)
                         and ("inf" in toks[i + 1].feats or toks[i + 1].has("pass"))
                         and not any(u.has("2p") or u.has("neg") for u in toks[max(0, i - 2):i])
                         for i, t in enumerate(toks))
        if passive or impersonal:
            score += 0.4
        if any(("FI_GENERIC_ADV" in t.info.cls) for t in toks):
            score += 0.3
        if any(t.low in ("voit", "voitte") for t in toks) and any(("FI_HOWTO_PLACE" in t.info.cls) for t in toks):
            score += 0.5
        if toks and toks[0].low in ("jos", "kun", "mikäli") and not any(t.has("2p") for t in toks):
            score += 0.2
    else:
        lows = [t.low for t in toks]
        passive = any(w in ("is", "are", "be", "been", "being", "was", "were") and i + 1 < len(toks)
                      and (toks[i + 1].has("part") or (i + 2 < len(toks) and toks[i + 2].has("part")))
                      for i, w in enumerate(lows))
        if passive:
            score += 0.4
        if any(("EN_GENERIC_ADV" in t.info.cls) for t in toks):
            score += 0.3
        if "you" in lows and any(("EN_HOWTO_PLACE" in t.info.cls) for t in toks) and any(
                w in ("can", "may", "under", "via") for w in lows):
            score += 0.5
        if lows and lows[0] in ("if", "when", "once") and "you" not in lows and "your" not in lows:
            score += 0.2
    return min(1.0, score)


_POINTER_PARTS = ("sivu", "sivusto", "verkkosivu", "ukk", "faq", "website", "site", "help", "ohjekesku",
                  "artikkel", "article", "osoitteesta", "osoitteessa", "lisätie", "lisätieto")


def _pointer(ctx: Context, sg) -> bool:
    """"Lisätietoa löydät osoitteesta ...", "See our Help Centre article for the steps": the FAQ's
    see-also line. It is template text, not words for this customer, so it neither dilutes the
    recitation nor counts as direct address."""
    toks = sg.tokens
    if not toks or any((t.has("1sg") or t.has("1pl") or t.has("pron1")) and t.low not in ("our", "ours")
                       for t in toks):
        return False
    if not any(t.start in ctx.link_tokens or t.low.startswith(_POINTER_PARTS) for t in toks):
        return False
    # told to go and look: direct address, an imperative, or "more information"
    return any(t.has("2p") or t.has("imp") or t.low.startswith(("lisätie", "lisää")) or
               t.low in ("more", "further") for t in toks) or toks[0].low in (
        "see", "visit", "read", "check", "find", "go", "lue", "katso", "tutustu")


_CONDITIONAL = frozenset(["jos", "kun", "mikäli", "kunhan", "if", "when", "once", "after", "unless"])


def _procedural(ctx: Context, toks) -> bool:
    """A process description: passive / impersonal modal plus a condition or a number
    ("Jos vika ei korjaannu, tilataan asentajakäynti", "Refunds are issued within 5 days")."""
    lows = [t.low for t in toks]
    if ctx.lang == "fi":
        passive = any(t.has("pass") for t in toks) or any(
            w in ("voi", "voidaan") and i + 1 < len(toks) and "inf" in toks[i + 1].feats for i, w in enumerate(lows))
    else:
        passive = any(w in ("is", "are", "be", "been", "can", "may", "will") for w in lows) and any(
            t.has("part") for t in toks)
    return passive and (any(w in _CONDITIONAL for w in lows) or any(t.has("num") for t in toks))


@lru_cache(maxsize=256)
def _message_pairs(text: str, lang: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Content keys and key pairs of the customer's message (to tell an echo of it from recitation)."""
    keys: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for s in cached_doc(text, lang).sentences:
        ck = [t.key for t in s.tokens if t.content]
        keys.update(ck)
        pairs |= _pairs(ck)
    return frozenset(keys), frozenset(pairs)


def personal_factor(ctx: Context, body, overlaps: dict[int, float] | None = None) -> tuple[float, dict]:
    """0..1: how much the body is about this customer and what the writer does. Direct address
    inside a sentence that is itself knowledge text ("Voit avata suljetun kortin, kun ...") counts
    only by the share of the sentence that is not recited."""
    toks = [t for sg in body for t in sg.tokens]
    overlaps = overlaps or {}
    # a first-person sentence that is itself near-verbatim knowledge ("Hyvitämme palautuksen 3-5 päivässä",
    # "We will check and correct the bill") is the policy's own "we", not the writer acting for this customer
    n_act = sum((1.0 if a.kind in ("done", "will") else 0.5) *
                (1.0 - overlaps.get(id(sg), 0.0) if overlaps.get(id(sg), 0.0) >= VERBATIM else 1.0)
                for sg, a in ctx.actions)
    you = sum(sum(1 for t in sg.tokens if t.has("2p")) * (1.0 - overlaps.get(id(sg), 0.0))
              for sg in body) / max(1, len(body))
    spec = len({t.low for t in ctx.specific_tokens(toks)})
    topic = len({t.key for t in ctx.topic_tokens(toks)})
    # without knowledge every on-topic word is "from the message", so topic words say little there
    tw = 0.05 if ctx.kb is not None else 0.0
    pf = 0.55 * min(1.0, n_act) + 0.35 * min(1.0, you) + tw * min(4, topic) + 0.05 * min(3, spec)
    return min(1.0, pf), {"actions": n_act, "you_per_sentence": round(you, 2), "specifics": spec,
                          "topic_words": topic}


def check(ctx: Context) -> CheckResult:
    kb = ctx.kb
    body = [sg for sg in ctx.body if sum(1 for t in sg.tokens if t.content) >= 3]
    if not body:
        return result(NAME, "penalty", 1.0, True, [], severity=0.0)
    acted = {id(sg) for sg, _ in ctx.actions}
    if not acted and len(body) >= 3:
        rest = [sg for sg in body if not _pointer(ctx, sg)]
        if len(rest) >= 2:
            body = rest
    total = faq_w = hit_w = 0.0
    procedural = faq_n = 0
    kb_hit = kb_tot = pair_hit = pair_tot = 0
    hits: list[Hit] = []
    overlaps: dict[int, float] = {}
    links = [m.span() for rx in (S.URL_RE, S.EMAIL_RE) for m in rx.finditer(ctx.reply_text)]
    msg_keys, msg_pairs = _message_pairs(ctx.message.doc.text, ctx.lang) if ctx.message is not None else \
        (frozenset(), frozenset())
    verbatim_w = 0.0
    verbatim_n = 0
    for sg in body:
        content = [t for t in sg.tokens if t.content and not any(a <= t.start < b for a, b in links)]
        if not content:
            continue
        w = float(len(content))
        total += w
        overlap = 0.0
        if kb is not None:
            keys = [t.key for t in content]
            # a sentence that mostly repeats the customer's own words is an echo, not knowledge:
            # its words shared by the message and the knowledge do not count as recited
            pr = _pairs(keys)
            mp = sum(1 for p in pr if p in msg_pairs) / len(pr) if pr else 0.0
            kp = sum(1 for p in pr if p in kb.pairs) / len(pr) if pr else 0.0
            echo = sum(1 for k in keys if k in msg_keys) / len(keys) >= 0.5 and mp >= 0.3 and mp >= kp
            u = sum(1 for k in keys if k in kb.keys and not (echo and k in msg_keys))
            b = sum(1 for p in pr if p in kb.pairs and not (echo and (p[0] in msg_keys or p[1] in msg_keys)))
            kb_hit, kb_tot, pair_hit, pair_tot = kb_hit + u, kb_tot + len(keys), pair_hit + b, pair_tot + len(pr)
            overlap = 0.5 * u / len(keys) + 0.5 * (b / len(pr) if pr else u / len(keys))
            overlaps[id(sg)] = overlap
            if overlap >= 0.75 and len(keys) >= 4:
                verbatim_w += w
                verbatim_n += 1
        fv = faq_voice(ctx, sg.tokens)
        impersonal = id(sg) not in acted and not any(t.has("2p") for t in sg.tokens)
        if fv >= 0.4 and impersonal:
            faq_w += w
            faq_n += 1
        if impersonal and _procedural(ctx, sg.tokens):
            procedural += 1
        sent = max(overlap, fv if impersonal else 0.0) if kb is not None else (fv if impersonal else 0.0)
        if sent >= 0.5 and id(sg) not in acted:
            hit_w += w
            key = "copy_paste.recited" if overlap >= 0.5 else "copy_paste.faq_voice"
            hits.append(hit(sent, key, list(sg.tokens)))
    if total < MIN_CONTENT:
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, note="too short to recite")
    faq_share = faq_w / total if total else 0.0
    if kb is not None:
        cov = kb_hit / kb_tot if kb_tot else 0.0
        pairs = pair_hit / pair_tot if pair_tot else cov
        recitation = min(1.0, (0.5 * cov + 0.5 * pairs) * (0.75 + 0.5 * faq_share))
        # near-verbatim knowledge sentences weigh more than scattered shared words
        if verbatim_n >= 2:
            recitation = min(1.0, recitation + 0.25 * (verbatim_w / total if total else 0.0))
    else:
        # without knowledge: FAQ voice, weighted by how much of it describes a procedure
        cov = pairs = 0.0
        recitation = min(1.0, 0.6 * faq_share * min(1.0, faq_n / 3) + 0.25 * min(1.0, procedural / 2)
                         + 0.15 * (procedural >= 1))
    pf, pdet = personal_factor(ctx, body, overlaps)
    severity = clamp(recitation * (1.0 - pf))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.3 else reasons_from_hits(ctx, hits, limit=2),
                  severity=severity, recitation=round(recitation, 3), coverage=round(cov, 3),
                  pair_coverage=round(pairs, 3), faq_share=round(faq_share, 3), procedural=procedural,
                  personal=round(pf, 3),
                  with_knowledge=kb is not None, **pdet)
