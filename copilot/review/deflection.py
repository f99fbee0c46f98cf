"""deflection: the customer is sent elsewhere and nobody owns the problem.

A redirect is either

- an instruction to the customer -- imperative (also the polite "-han" forms), "voit /
  kannattaa / sinun tulee + verb", impersonal "voi + verb", "saat ... myymälästä", "please ...",
  "you can / should / are welcome to ...", "the quickest way is to ..." -- whose target is
  somewhere else: a branch, store, another team or company, a form, a website / link, a
  phone number, a chat or booking system; contact verbs ("soita", "ota yhteyttä", "call us")
  need no explicit target;
- a routing statement: "X-asioissa sinua palvelee Y", "muutokset hoidetaan konttorissa",
  "are handled by our Y team", "can only be completed at a branch";
- a bare link or service number left as the answer;
- someone else owning it, with no handoff by the writer: "tämän asian hoitaa X", "oma pankkisi osaa
  auttaa tässä parhaiten", "X on oikea taho", "kysymykset ohjataan X:lle", "the baggage desk handles
  ...", "your bank is best placed to help", "this would need to go through your insurer" (not with a
  concrete time, and not "our team handles inquiries in order");
- a self-service push: the customer asked for help (not "how do I ..."), the writer did nothing, and
  the reply tells them to do it themselves online ("you can file a new application online", "voit
  hallita korttiasi itse portaalissa", "ohjeet löytyvät sivuiltamme"); looking something up in the
  app after an explanation is not a push -- unless it only points to "the status" with nothing explained;
  also "muutos tehdään verkkopankissa", "onnistuu itse sovelluksessa", "changes are made in the app",
  "voit hakea itse <Nimi>sta", and "yritä myöhemmin uudelleen / try again later" with nothing done;
- a party named without a place word: "ask your GP", "kysy isännöitsijältäsi", "a different clinic",
  "take it up with them", "saat tiedot vuokranantajaltasi", "get it from your accountant", "yksityiseltä
  lääkäriasemalta", "appeal / complain to <Named Body>";
- waiting left to the customer (pushed only): "try again later", "kannattaa tarkistaa tilanne huomenna
  uudelleen", "keep checking the booking page", "check back tomorrow" ("try again" after a fix is an answer);
- looking a channel up put in front of contacting us: "tarkistathan häiriökartan ennen kuin soitat", "check it
  (the status page) before calling" -- "it / sieltä" may point back to the channel in the previous sentence;
  checking their own situation before contacting us is not a redirect.
A message reporting a problem (a negation) counts as asking for help; "mitä (ihmettä) teen / what do I
do" asks for steps, like "how do I".

It is not deflection when the writer owns the next step: a first-person action that is
done, or committed with a time ("Olen välittänyt asian lainatiimille, ja he soittavat
sinulle huomenna klo 12 mennessä", "selvitän ja palaan asiaan tänään klo 15 mennessä").
Replying in this conversation ("vastaa tähän", "reply to this email"), sending something
to us ("lähetä kuva meille"), questions and advice for next time are not redirects.

severity = strongest redirect (+ a little per extra one) x (1 - 0.75 x ownership).
"""

from __future__ import annotations

import re
from typing import Sequence

from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context
from copilot.review.model import CheckResult
from copilot.review.text import Token

NAME = "deflection"
FAIL_AT = 0.5

_FI_INHERENT = frozenset(["soittaa", "asioida", "vierailla", "piipahtaa", "poiketa"])
_FI_MODAL_2P = frozenset(["voit", "voitte", "voisit", "voisitte", "kannattaa", "kannattaisi", "pitää", "täytyy",
                          "tulee", "tarvitset", "tarvitsette", "pyydämme", "pyydän", "suosittelemme",
                          "suosittelen", "kehotamme", "ohjaamme", "neuvomme", "voitkin", "kannattaakin",
                          "kannattanee", "joudut", "joudutte"])
_FI_OBLIGATION = frozenset(["pitää", "täytyy", "tulee"])  # directive only with "sinun / teidän"
_FI_SERVICE_VERBS = frozenset(["hoitaa", "käsitellä", "tehdä", "varata", "avata", "vaihtaa", "luovuttaa", "asioida",
                               "palvella", "hakea", "noutaa", "allekirjoittaa", "tunnistaa", "päivittää",
                               "muuttaa", "tilata", "sopia", "ratkaista", "selvittää"])
_FI_FUTURE = frozenset(["jatkossa", "vastedes", "tulevaisuudessa", "seuraavalla", "ensi"])
_FI_US = frozenset(["meille", "meihin", "meitä", "meidät"])
_FI_THIS_MATTER = frozenset(["tämän", "tätä", "näitä", "nämä", "tässä", "tähän", "asian", "asiaa", "asiassa",
                             "parhaiten", "tällaiset", "tällaisia", "tarkemmin", "lisää", "lisätietoja", "asia", "tämä"])
_WEB_TARGETS = ("sivu", "sivusto", "verkkosivu", "ukk", "faq", "website", "site", "chat", "help", "nettisivu",
                "kotisivu", "verkkolomak", "form")
_EN_THIRD_PARTY_VERBS = frozenset(["handles", "covers", "deals", "takes", "looks", "manages", "processes", "tell",
                                   "advise", "explain"])
# looking something up in the app is information, not the customer doing our job
_VIEW_VERBS = frozenset(["see", "view", "check", "find", "look", "follow", "track", "read", "katsoa", "nähdä",
                         "löytää", "tarkistaa", "seurata", "lukea", "tarkastella"])
_HOWTO_ASKED = ("how do i", "how can i", "how should i", "where can i", "where do i", "is there a way to",
                "miten voin", "miten saan", "miten pystyn", "kuinka voin", "mistä löydän", "mistä voin", "miten teen",
                "miten pääsen", "kuinka saan")
_HELP_ASKED = ("?", "auta", "autta", "apua", "voitteko", "voisitteko", "voitko", "help", "can you", "could you",
               "please", "pyydän", "toivon")
_EN_COMPOUND_HEADS = frozenset(["statement", "account", "card", "detail", "details", "transfer", "balance",
                                "credit", "holiday", "fee", "status", "code", "app", "manager", "member", "record",
                                "records", "system", "day", "hours", "hour", "policy", "terms"])
_EN_INHERENT = frozenset(["call", "phone", "ring", "contact", "visit", "dial"])
_EN_MODAL_YOU = frozenset(["can", "could", "may", "should", "need", "must", "have", "will", "'ll", "might",
                           "welcome", "able"])
_EN_RECOMMEND = frozenset(["recommend", "suggest", "advise", "ask", "encourage", "invite", "urge"])
_EN_CLAUSE_START = frozenset(["and", "or", "then", "so", "just", "simply", "also", "kindly", "please", "first",
                              "otherwise", "alternatively", "instead"])
_EN_FUTURE = ("next time", "in future", "in the future", "going forward", "future trips", "next trip")
_EN_PASSIVE_ROUTE = frozenset(["handled", "dealt", "managed", "processed", "covered", "opened", "completed",
                               "done", "made", "found", "booked", "requested", "arranged", "obtained",
                               "collected", "changed", "submitted", "answered", "resolved", "served"])
_EN_SELF_PASSIVE = frozenset(["made", "done", "submitted", "requested", "completed", "booked", "changed",
                              "arranged", "filed", "lodged", "opened", "updated", "managed", "paused", "cancelled",
                              "canceled", "renewed", "adjusted", "edited", "modified", "activated", "deactivated",
                              "reported", "registered", "scheduled", "rescheduled", "uploaded", "claimed", "topped",
                              "placed"])
# "mitä (ihmettä) mä teen", "what do I do now": they asked what to do, so steps are the answer
_WHAT_DO_I_RE = re.compile(r"\bmitä\b(?:\s+\w+){0,3}\s+(?:teen|pitäis|pitäisi|voin)\b|"
                           r"\bwhat\s+(?:do|should|can|shall)\s+i\s+do\b")
_RESTRICTIVE = frozenset(["only", "solely", "never", "vain", "ainoastaan", "yksinomaan", "koskaan"])
_GENERIC_CLOSING_FI = ("kysyttävää", "kysymyksiä", "lisätietoja", "lisäkysymyksiä", "muuta", "epäselvää")
_GENERIC_CLOSING_EN = ("questions", "question", "anything", "further", "else", "concerns")


def _strong_targets(ctx: Context, toks: Sequence[Token], own_numbers: bool = True) -> list[Token]:
    """Institutions / channels elsewhere (plus links, emails and service numbers)."""
    name = "FI_TARGETS" if ctx.lang == "fi" else "EN_TARGETS"
    links = ctx.link_tokens
    out = []
    for k, t in enumerate(toks):
        if name in t.info.cls and not t.has("num"):
            if ctx.lang == "en" and k + 1 < len(toks) and toks[k + 1].lemma in _EN_COMPOUND_HEADS:
                continue  # "bank statement", "store credit": a modifier, not a place to go
            out.append(t)
        elif t.start in links and (own_numbers or not links[t.start]):
            out.append(t)
    return out


def _ui_targets(ctx: Context, toks: Sequence[Token]) -> list[Token]:
    name = "FI_UI_TARGETS" if ctx.lang == "fi" else "EN_UI_TARGETS"
    return [t for t in toks if name in t.info.cls]


def _here(ctx: Context, toks: Sequence[Token]) -> bool:
    name = "FI_HERE" if ctx.lang == "fi" else "EN_HERE"
    return any(name in t.info.cls for t in toks)


def _fi_directives(toks: Sequence[Token]) -> list[tuple[float, Token, bool]]:
    """(strength, verb, inherent-contact) for instruction-like verbs in a clause."""
    out = []
    for i, t in enumerate(toks):
        lem = t.vlemma or t.lemma
        if not t.has("verb") and lem not in _FI_INHERENT:
            continue
        if S.negated(toks, i, 2) or lem in ("olla",) and not any(
                u.low.startswith("yhtey") for u in toks[i + 1:i + 3]):
            continue
        inherent = lem in _FI_INHERENT or (lem in ("ottaa", "olla", "pitää") and any(
            u.low.startswith("yhtey") for u in toks[i + 1:i + 3])) or lem == "kääntyä"
        prev = [u.low for u in toks[max(0, i - 3):i]]
        if t.has("imp"):
            if "3sg" in t.feats and i > 0 and prev[-1] not in ("ja", "tai", "niin", "sitten", "ensin", "vain",
                                                               "nyt", "myös", "siis", "joten", "hyvä"):
                continue  # "hän varaa", "automaatti käy"
            out.append((1.0, t, inherent))
        elif t.has("2p") and t.has("clitic") and not t.has("past"):  # "varaathan", "piipahdathan"
            out.append((1.0, t, inherent))
        elif ("inf" in t.feats or "inf3" in t.feats) and any(p in _FI_MODAL_2P for p in prev) and (
                not any(p in _FI_OBLIGATION for p in prev) or any(u.has("2p") for u in toks[max(0, i - 4):i])):
            out.append((0.9, t, inherent))
        elif ("inf" in t.feats) and "voi" in prev and not any(u.has("2p") or u.has("1sg") or u.has("1pl")
                                                               for u in toks[max(0, i - 4):i]) \
                and not _has_subject(toks, i):
            out.append((0.8, t, inherent))  # impersonal "lyhennysvapaata voi hakea lomakkeella"
        elif t.has("2p") and not t.has("past") and not t.has("cond") and lem != "olla" and not (
                t.has("guess") and t.low.endswith("it")):
            out.append((0.7, t, inherent))  # "kun tulet käymään", "saat myymälästämme"
    return out


def _has_subject(toks: Sequence[Token], i: int) -> bool:
    """A nominative noun before the modal ("Käsittelijä voi hyväksyä") means it is not impersonal."""
    for u in toks[max(0, i - 4):i]:
        if u.low == "voi":
            break
        if u.content and not u.has("verb") and u.low == u.lemma and not u.low.endswith("sti"):
            return True
    return False


def _en_directives(toks: Sequence[Token]) -> list[tuple[float, Token, bool]]:
    out = []
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        low = t.low
        if not ("EN_DIRECTIVE_VERBS" in t.info.cls):
            continue
        is_contact = ("EN_CONTACT_VERBS" in t.info.cls)
        prev = lows[max(0, i - 4):i]
        if S.negated(toks, i, 2):
            continue
        base = low == t.lemma or low in ("fill", "bring", "keep")
        gerund = low.endswith("ing") and low != t.lemma
        inherent = t.lemma in _EN_INHERENT or (low in ("get", "reach") and any(
            w in ("touch", "out") for w in lows[i + 1:i + 3]))
        strength = 0.0
        if base and all(w in _EN_CLAUSE_START for w in lows[:i]) and is_contact:
            strength = 1.0
        if prev[-1:] == ["please"] or prev[-1:] == ["kindly"] or prev[-2:-1] == ["please"] and base:
            strength = 1.0
        you_modal = ("you" in prev and any(p in _EN_MODAL_YOU for p in prev)) or any(
            p in ("you'll", "you'd", "you've") for p in prev)
        if you_modal and base and "to" not in lows[i:i + 1]:
            strength = max(strength, 0.9)
        if any(p in ("step", "way", "option", "best", "fastest", "quickest", "easiest") for p in prev) and \
                "to" in prev and base:
            strength = max(strength, 1.0)
        if any(p in _EN_RECOMMEND for p in prev) and any(p in ("we", "i", "i'd", "we'd", "would", "i'm", "we're")
                                                        for p in prev) and (base or gerund):
            strength = max(strength, 0.9)
        if gerund and any(p in ("try", "consider", "recommend", "suggest", "off") for p in prev[-2:]):
            strength = max(strength, 0.8)
        if "feel" in prev and "free" in prev:
            strength = max(strength, 0.5)
        if low.endswith("ing") and "keep" in prev:
            strength = max(strength, 1.0)
        # a second imperative coordinated with the first: "please check X and submit Y ..."
        if not strength and base and prev[-1:] == ["and"] and out and out[-1][0] >= 0.9:
            strength = out[-1][0]
        # "make sure / ensure (that) you ...": a condition to meet, not somewhere to go
        if low == "make" and lows[i + 1:i + 2] == ["sure"] or low == "ensure":
            strength = min(strength, 0.4)
        # "take it up with them", "raise this with the installer", "check with them": a contact verb
        if t.lemma in ("take", "raise", "check", "sort", "settle", "discuss") and "with" in lows[i + 1:i + 5] \
                and any(w in ("them", "him", "her", "the", "your") for w in lows[i + 2:i + 7]):
            inherent = True
        if strength:
            out.append((strength, t, inherent))
    return out


def _routing(ctx: Context, toks: Sequence[Token]) -> tuple[float, Token] | None:
    """'X-asioissa sinua palvelee Y', 'muutokset hoidetaan konttorissa', 'are handled by our Y team'."""
    if any(("1sg" in t.feats or "pron1" in t.feats) for t in toks):
        return None
    strong = _strong_targets(ctx, toks)
    if not strong:
        return None
    if ctx.lang == "fi":
        for t in toks:
            lem = t.vlemma or t.lemma
            third = "3sg" in t.feats or "3pl" in t.feats or t.low.endswith(("vat", "vät"))
            k = toks.index(t)
            if k > 0 and toks[k - 1].low in ("osaa", "voi", "pystyy", "osaavat", "voivat", "pystyvät"):
                third = True  # "pankkisi osaa neuvoa": a modal in the third person + the routing verb
            if ("FI_ROUTING_VERBS" in t.info.cls) and third and not t.has("neg"):
                matter = any(u.low.endswith(("asioissa", "asioista", "asiat", "kysymyksissä")) or
                             u.low.endswith(("misessa", "misessä", "ista", "istä")) for u in toks)
                if matter or any(u.has("poss1pl") for u in strong) or any(
                        S.PHONE_RE.search(ctx.reply_text[u.start:u.end + 20]) for u in strong):
                    return 0.9, t
                # "tämän asian hoitaa X", "oma pankkisi osaa auttaa tässä parhaiten": someone else handles it
                if any(u.low in _FI_THIS_MATTER for u in toks) and not _dated(toks):
                    return 0.9, t
            if t.low == "oikea" and any(u.low.startswith(("taho", "paikka", "osoite", "osoit")) for u in toks) and \
                    not t.has("neg"):
                return 0.9, t
            if lem == "ohjata" and t.has("pass") and not t.has("past") and not _dated(toks):
                return 0.8, t
            if t.has("pass") and not t.has("past") and lem not in ("olla",):
                located = any(u.low.endswith(("ssa", "ssä", "sta", "stä", "lla", "llä")) or
                              (k + 1 < len(toks) and toks[k + 1].low == "kautta")
                              for k, u in enumerate(toks) if u in strong)
                if any(u.low in ("vain", "ainoastaan") for u in toks) or (lem in _FI_SERVICE_VERBS and located):
                    return 0.8, t
        return None
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        if t.low in _EN_PASSIVE_ROUTE and any(w in ("is", "are", "be", "been", "best", "only") for w in
                                              lows[max(0, i - 3):i]) and any(
                w in ("by", "at", "in", "via", "through", "on") for w in lows[i + 1:i + 4]):
            return 0.8, t
        if t.low in ("cannot", "can't", "unable") and any(w in ("help", "assist", "handle", "deal")
                                                          for w in lows[i + 1:i + 4]):
            return 0.8, t
        if t.low in ("handles", "handle", "deals") and any(w in ("rather", "instead", "only", "not") for w in lows):
            return 0.8, t
        # "the baggage desk handles lost luggage", "your bank can tell you more": a third party owns it
        if t.low in _EN_THIRD_PARTY_VERBS and not any(w in ("we", "i", "i'll", "we'll", "i've", "we've") for w in lows) \
                and any(u.start < t.start for u in strong) and not _dated(toks) and not t.has("neg") and \
                not any(w in ("not", "never", "doesn't", "don't", "can't", "cannot") for w in lows[max(0, i - 2):i]):
            if t.low in ("tell", "advise", "explain") and not any(w in ("can", "will", "'ll", "able") for w in
                                                                  lows[max(0, i - 3):i]):
                continue
            if t.low == "takes" and lows[i + 1:i + 2] != ["care"] or t.low == "looks" and lows[i + 1:i + 2] != ["after"]:
                continue
            ours = any(w in ("our", "we") for w in lows[:i])
            if ours and t.low not in ("covers", "explain", "explains"):
                continue  # "our sales team handles inquiries in order": how we work, not a redirect
            return 0.8, t
        # "this would need to go through your insurer", "something your employer would need to sort out"
        if t.low in ("through", "sort", "handle", "deal", "resolve", "decide", "arrange") and any(
                w in ("need", "needs") or w in ("have", "has") and lows[k + 1:k + 2] == ["to"]
                for k, w in enumerate(lows[:i]) if k >= i - 4) and \
                not any(w in ("we", "i", "i'll", "we'll", "i've", "we've", "us") for w in lows) and not _dated(toks):
            return 0.8, t
        if t.low in ("right", "correct", "proper") and lows[i + 1:i + 2] and lows[i + 1] in (
                "people", "place", "party", "team", "contact", "address") and \
                not any(w in ("we", "i", "i'll", "we'll", "i've", "we've", "us") for w in lows):
            return 0.9, t
        # "your own bank is best placed to help", "the airline will be able to help you with this"
        if t.low in ("placed", "able", "equipped", "positioned") and any(w in ("best", "better") for w in
                                                                        lows[max(0, i - 2):i]):
            return 0.9, t
        if t.low in ("help", "assist", "advise") and any(w in ("can", "will", "'ll", "able") for w in
                                                         lows[max(0, i - 4):i]) and \
                any(w in ("this", "that", "it", "you") for w in lows[i + 1:i + 4]) and \
                not any(w in ("we", "i", "i'll", "we'll", "us") for w in lows) and not _dated(toks):
            return 0.8, t
    return None


_FI_CANT = frozenset(["auttaa", "hoitaa", "käsitellä", "vaikuttaa", "tehdä"])
_EN_CANT = frozenset(["help", "assist", "handle", "deal", "do"])


def _refusal(ctx: Context, toks: Sequence[Token]) -> float | None:
    """'Emme voi auttaa tässä, vaan sinun tulee ...' / 'we can't help with this - it's a matter for X'."""
    if not _strong_targets(ctx, toks):
        return None
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        if ctx.lang == "fi" and t.low in ("emme", "en", "ei") and "voi" in lows[i + 1:i + 3] and \
                any((u.vlemma or u.lemma) in _FI_CANT for u in toks[i + 1:i + 5]):
            return 0.9
        if ctx.lang == "en" and t.low in ("cannot", "can't", "unable", "not") and \
                any(w in _EN_CANT for w in lows[i + 1:i + 4]):
            return 0.9
        if ctx.lang == "en" and t.low == "matter" and "for" in lows[i + 1:i + 2]:
            return 0.9
    return None


def _generic_closing(ctx: Context, toks: Sequence[Token]) -> bool:
    words = _GENERIC_CLOSING_FI if ctx.lang == "fi" else _GENERIC_CLOSING_EN
    return any(t.low in ("jos", "if", "mikäli") for t in toks[:3]) and any(t.low in words for t in toks)


def _future_advice(ctx: Context, toks: Sequence[Token]) -> bool:
    if ctx.lang == "fi":
        return any(t.low in _FI_FUTURE for t in toks)
    text = " ".join(t.low for t in toks)
    return any(f in text for f in _EN_FUTURE)


def ownership_level(ctx: Context) -> tuple[float, str]:
    """1.0 done/committed with a time, 0.7 a done action, 0.5 a promise, 0.3 offer/forward, 0 none."""
    kinds = {a.kind for _, a in ctx.actions}
    acted = {id(sg) for sg, _ in ctx.actions}
    if any(id(sg) in acted for sg in ctx.commitments) or ("done" in kinds and ctx.commitments):
        return 1.0, "committed"
    if "done" in kinds:
        return 0.7, "done"
    if "will" in kinds:
        return 0.5, "will"
    if kinds & {"handoff", "offer"}:
        return 0.3, "handoff"
    return 0.0, "none"


def _self_service_route(ctx: Context, toks: Sequence[Token]) -> tuple[float, Token] | None:
    """"Pickup codes can be found in our app", "lomake löytyy verkkosivuilta": the answer is somewhere the
    customer has to go and look (only when they asked for help and the writer did nothing)."""
    ui = _ui_targets(ctx, toks) or [t for t in _strong_targets(ctx, toks, own_numbers=False)
                                    if t.low.startswith(_WEB_TARGETS) or t.start in ctx.link_tokens]
    if not ui or any(("1sg" in t.feats or "pron1" in t.feats) for t in toks):
        return None
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        if ctx.lang == "en" and t.low in ("found", "located") and any(
                w in ("can", "could", "may") for w in lows[max(0, i - 3):i]) and any(
                w in ("in", "on", "via", "through", "under", "at") for w in lows[i + 1:i + 4]):
            return 0.6, t
        if ctx.lang == "fi" and (t.vlemma or t.lemma) in ("löytyä", "löytää") and not t.has("neg"):
            return 0.6, t
        # "muutos tehdään verkkopankissa", "jäsenyyttä hallitaan sovelluksessa", "peruminen onnistuu itse
        # sovelluksessa": a self-service action done there, by them (not with a date)
        if ctx.lang == "fi" and not t.has("neg") and (
                t.has("pass") and not t.has("past") and t.low.endswith(("aan", "ään")) and
                (t.vlemma or t.lemma) in _FI_SELF_SERVICE or
                (t.vlemma or t.lemma) in ("onnistua", "hoitua") and "itse" in lows) and \
                any(u.low.endswith(_FI_LOCAL_POSS) for u in ui) and not _dated(toks):
            return 0.65, t
        # "changes are made in the app", "freezes are managed in the member app"
        if ctx.lang == "en" and t.low in _EN_SELF_PASSIVE and \
                any(w in ("is", "are", "be") for w in lows[max(0, i - 3):i]) and any(
                w in ("in", "on", "via", "through", "online", "yourself") for w in lows[i + 1:i + 4]) and \
                not any(w in ("not", "never") for w in lows) and not _dated(toks):
            return 0.65, t
    return None


# actions a customer does in a self-service channel (passive: "hallitaan sovelluksessa", "are managed in the app")
_FI_SELF_SERVICE = _FI_SERVICE_VERBS | frozenset(["hallita", "keskeyttää", "perua", "peruuttaa", "aktivoida",
                                                  "rekisteröidä", "ladata", "jättää", "täyttää", "irtisanoa",
                                                  "jäädyttää", "pysäyttää"])
_FI_LOCAL = ("sta", "stä", "lta", "ltä", "ssa", "ssä", "lla", "llä", "lle")
_FI_LOCAL_POSS = _FI_LOCAL + tuple(e + p for e in _FI_LOCAL for p in ("mme", "si", "nne"))
_FI_RETRY_IMP = frozenset(["kokeile", "yritä", "kokeilkaa", "yrittäkää", "kokeilethan", "yritäthän"])
_FI_POSS2_FROM = ("ltasi", "ltäsi", "llesi", "ltanne", "ltänne", "llenne", "ltaan", "ltään")
_FI_POSS2_ABL = ("ltasi", "ltäsi", "ltanne", "ltänne")
# "yksityiseltä lääkäriasemalta", "ulkopuoliselta korjaamolta": another provider
_FI_OTHER_ADJ = ("yksityise", "ulkopuolise")
_FI_ELSEWHERE = frozenset(["muualta", "muualle", "muualla", "toiseen", "toisesta", "toisessa", "toiselta",
                           "toiselle", "toisella"])
_EN_ELSEWHERE = frozenset(["another", "different", "elsewhere", "other", "private", "external", "independent"])
_EN_BODIES = frozenset(["ombudsman", "regulator", "tribunal", "board", "court"])
_EN_ASK_VERBS = frozenset(["ask", "contact", "speak", "talk", "consult", "check", "email", "write", "call"])
_EN_NOT_PARTY = frozenset(["question", "questions", "details", "order", "account", "card", "password", "code",
                           "number", "own", "email", "inbox", "spam", "bill", "statement", "booking", "app"])


def _party_target(ctx: Context, verb: Token, after: Sequence[Token]) -> Token | None:
    """Someone or somewhere else named without a place word: "ask your GP", "kysy lääkäriltäsi",
    "a different clinic", "muualta", "hae itse Kelasta" (a name in a local case)."""
    rest = [t for t in after if t is not verb]
    if ctx.lang == "fi":
        lem = verb.vlemma or verb.lemma
        for k, t in enumerate(rest):
            if t.low in _FI_ELSEWHERE or t.low.startswith(_FI_OTHER_ADJ):
                return t
            if lem in ("kysyä", "pyytää", "tiedustella", "selvittää", "tarkistaa", "hakea", "vaatia") and \
                    t.low.endswith(_FI_POSS2_FROM):
                return t
            # "saat tarkemmat tiedot vuokranantajaltasi": information / service from someone of yours
            if lem in ("saada", "varata", "tilata") and t.low.endswith(_FI_POSS2_ABL):
                return t
        return None
    lows = [t.low for t in rest]
    for k, t in enumerate(rest):
        if t.low in _EN_ELSEWHERE and k + 1 < len(rest) and rest[k + 1].content:
            return t
        if t.low == "your" and k + 1 < len(rest) and lows[k + 1] not in _EN_NOT_PARTY and (
                rest[k + 1].content or rest[k + 1].text.isupper()) and (
                verb.lemma in _EN_ASK_VERBS and k <= 2 or
                verb.lemma in ("get", "obtain", "request", "find", "seek") and k > 0 and lows[k - 1] == "from"):
            return rest[k + 1]
        # "appeal to the Insurance Complaints Board", "complain to the regulator": an outside body
        if verb.lemma in ("appeal", "complain", "escalate") and t.low == "to":
            body = next((u for u in rest[k + 1:k + 4] if u.cap or u.low in _EN_BODIES), None)
            if body is not None:
                return body
    return None


def _named_place(ctx: Context, sent: Sequence[Token], after: Sequence[Token]) -> Token | None:
    """A proper name the customer is sent to: "yourself from Acme", "itse Postinolta"."""
    first = sent[0].start if sent else -1
    for k, t in enumerate(after):
        if not t.cap or t.start == first or t.has("num"):
            continue
        if ctx.lang == "fi" and t.low.endswith(_FI_LOCAL):
            return t
        if ctx.lang == "en" and k > 0 and after[k - 1].low in ("from", "at", "via", "through", "with"):
            return t
    return None


_FI_RETRY = frozenset(["yrittää", "kokeilla"])
_FI_RECHECK = frozenset(["tarkistaa", "tarkastaa", "katsoa", "seurata", "vilkaista", "kurkata"])
# later or over and over: "myöhemmin", "huomenna", "välillä", "later", "back", "regularly" ("try again" after a
# fix is an answer; "try again later / keep checking" leaves the waiting to the customer)
_FI_LATER = frozenset(["myöhemmin", "huomenna", "ylihuomenna", "päivittäin", "säännöllisesti", "ajoittain",
                       "välillä"])
_FI_ADDRESSED = frozenset(["kannattaa", "kannattaisi", "voit", "voitte", "suosittelemme", "suosittelen", "pyydämme"])
_EN_LATER = frozenset(["later", "tomorrow", "regularly", "periodically", "daily"])


def _retry_later(ctx: Context, toks: Sequence[Token]) -> Token | None:
    """"Yritä myöhemmin uudelleen", "please try again later", "kannattaa tarkistaa tilanne huomenna uudelleen",
    "keep checking the booking page", "check back tomorrow": the customer is left to retry or keep looking."""
    lows = [t.low for t in toks]
    for i, t in enumerate(toks):
        if ctx.lang == "fi":
            lem = t.vlemma or t.lemma
            if lem not in _FI_RETRY and lem not in _FI_RECHECK or S.negated(toks, i, 2):
                continue
            if (t.has("imp") or t.has("2p") and not t.has("past") or t.low in _FI_RETRY_IMP or
                    any(w in _FI_ADDRESSED for w in lows[max(0, i - 3):i])) and \
                    any(w in _FI_LATER for w in lows[max(0, i - 3):i + 6]):
                return t
        else:
            if any(w in ("i", "we", "i'll", "we'll", "i'm", "we're") for w in lows[max(0, i - 3):i]):
                continue
            nxt = lows[i + 1:i + 5]
            if t.low in ("try", "retry", "check", "look") and (nxt[:1] == ["back"] or any(w in _EN_LATER for w in nxt)):
                return t
            if t.low == "keep" and (nxt[:1] and nxt[0] in ("checking", "trying", "looking", "refreshing", "watching",
                                                            "monitoring") or nxt[:2] == ["an", "eye"]):
                return t
    return None


_FI_LOOK = frozenset(["tarkistaa", "tarkastaa", "katsoa", "lukea", "selata", "tutustua", "seurata"])
_EN_LOOK = frozenset(["check", "checking", "read", "reading", "look", "looking", "consult", "consulting", "see",
                      "review", "reviewing", "visit", "visiting", "search", "searching"])
_EN_CONTACT_ING = frozenset(["calling", "contacting", "emailing", "e-mailing", "writing", "messaging", "phoning",
                             "ringing", "reaching", "getting", "chatting"])
_ANAPHORA = frozenset(["it", "them", "this", "that", "there", "se", "sen", "sitä", "niitä", "siitä", "sieltä",
                       "sinne", "siellä", "ne"])


def _channel(ctx: Context, toks: Sequence[Token]) -> bool:
    return bool(_ui_targets(ctx, toks) or _strong_targets(ctx, toks, own_numbers=False))


def _gatekeeping(ctx: Context, toks: Sequence[Token], before: Sequence[Token]) -> Token | None:
    """"Tarkistathan häiriökartan ennen yhteydenottoa", "customers are advised to check it (the outage map)
    before calling", "please read the FAQ before contacting us": looking a channel up themselves is put in front
    of talking to us. The thing to look at must be a channel -- named, or "it / sitä" pointing back to one in
    ``before`` (the sentence so far and the one before it); "check that the router was returned before
    contacting us" is about their own situation (a reprimand, not a redirect)."""
    look = _gate_look(ctx, toks)
    if look is None:
        return None
    k = next(j for j, t in enumerate(toks) if t.low in ("ennen", "before"))
    obj = [t for t in toks[:k] if t.start >= look.start]
    if _channel(ctx, obj):
        return look
    if any(t.low in _ANAPHORA for t in obj[1:4]) and _channel(ctx, [t for t in before if t.start < look.start]):
        return look
    return None


def _gate_look(ctx: Context, toks: Sequence[Token]) -> Token | None:
    lows = [t.low for t in toks]
    if ctx.lang == "fi":
        if "ennen" not in lows or any(("1sg" in t.feats or "1pl" in t.feats or "pron1" in t.feats) and
                                      not t.has("neg") and (t.vlemma or t.lemma) not in ("suositella", "pyytää",
                                                                                         "toivoa") for t in toks):
            return None
        k = lows.index("ennen")
        rest = toks[k + 1:k + 5]
        contact = any(u.low.startswith(("yhteydenot", "yhteydenott", "soittami", "soitta", "soitat", "kirjoittami",
                                         "kirjoitat")) or u.low in ("otat", "otatte") for u in rest)
        look = next((t for t in toks[:k] if (t.vlemma or t.lemma) in _FI_LOOK and not t.has("1sg")
                     and not t.has("1pl")), None)
        return look if contact else None
    if "before" not in lows or any(w in ("i", "i'll", "i'm", "i've", "we'll", "we've", "we're") or
                                   w == "we" and "recommend" not in lows and "ask" not in lows for w in lows):
        return None
    k = lows.index("before")
    if not (lows[k + 1:k + 2] and lows[k + 1] in _EN_CONTACT_ING or
            lows[k + 1:k + 3] and lows[k + 1] == "you" and any(w in ("call", "contact", "email", "write", "phone",
                                                                     "message") for w in lows[k + 2:k + 4])):
        return None
    return next((t for t in toks[:k] if t.low in _EN_LOOK), None)


_STATUS = ("status", "progress", "tila", "tilanne", "tilanteen", "tilannetta", "etenemi", "käsittelyvaihe")


def _status_pointer(ctx: Context, after: Sequence[Token]) -> bool:
    """"You can check the status in the portal" with nothing explained: where their case stands is
    exactly what they asked, and the reply gives no reason, date or number of its own."""
    if not any(t.low.startswith(_STATUS) for t in after):
        return False
    return not any(t.has("num") or "FI_CAUSE" in t.cls or "EN_CAUSE" in t.cls
                   for sg in ctx.body for t in sg.tokens)


_FI_ILLATIVE_POSS_RE = re.compile(r".*(?:aa|ee|ii|oo|uu|yy|ää|öö|h[aeiouyäö]n|seen)(?:si|nne|mme)$")
_EN_DELIVERY = frozenset(["by", "via", "to", "into", "in"])


def _delivered(ctx: Context, verb: Token, target: Token, after: Sequence[Token]) -> bool:
    """The customer receives something into their own channel: "saat vahvistuksen sähköpostiisi", "saat koodin
    puhelimeesi", "you'll get a confirmation by email / in your inbox" -- a delivery, not a place to go."""
    lem = verb.vlemma or verb.lemma
    if ctx.lang == "fi":
        return lem == "saada" and (bool(_FI_ILLATIVE_POSS_RE.match(target.low)) or target.low.endswith("tse"))
    if verb.lemma not in ("get", "receive"):
        return False
    k = next((j for j, t in enumerate(after) if t is target), None)
    return k is not None and k > 0 and (after[k - 1].low in _EN_DELIVERY or
                                        after[k - 1].low == "your" and k > 1 and after[k - 2].low in _EN_DELIVERY)


def _contingency(ctx: Context, sent: Sequence[Token], verb: Token) -> bool:
    """The contact is a fallback for a condition ("jos ...", "if ...", "should ...") that precedes it."""
    return any(t.low in ("jos", "mikäli", "if", "should", "unless") and t.start < verb.start for t in sent)


_BRAND_RE = re.compile(r"[A-ZÅÄÖ][\w-]*\.(?:fi|com|net|org|eu|se|io)(?::\w+|['’]s)?(?=[\s,.;!?]|$)")


def _brand_name(ctx: Context, t: Token) -> bool:
    """A capitalised bare domain used as the shop's name ("Kauppakassi.fi:ssä sinulla on ...", "Shop.com's return
    policy") -- no scheme, no path: the business being named, not a page to go to."""
    m = _BRAND_RE.match(ctx.reply_text, t.start)
    if m is None:
        return False
    rest = ctx.reply_text[m.end():m.end() + 1]
    inflected = ":" in m.group(0) or "'" in m.group(0) or "’" in m.group(0)
    subject = t.start == 0 or ctx.reply_text[:t.start].rstrip()[-1:] in ".!?,"
    return rest != "/" and (inflected or subject)


def _dated(toks: Sequence[Token]) -> bool:
    """A concrete time in the clause (a day, a clock time, a number): "hoitaa tämän huomenna klo 12"."""
    return any(t.has("num") or (("FI_TIME" in t.cls or "EN_TIME" in t.cls) and t.lemma != "tämä") for t in toks)


def _help_asked(ctx: Context) -> bool:
    msg = ctx.message
    if msg is None:
        return False
    text = msg.doc.text.lower()
    if any(h in text for h in _HOWTO_ASKED) or _WHAT_DO_I_RE.search(text):
        return False  # they asked how to do it themselves: self-service steps are the answer
    # a question or a plea, or a problem reported without one ("the new SIM doesn't work")
    return any(h in text for h in _HELP_ASKED) or any(t.has("neg") for t in msg.doc.tokens)


def _redirects(ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    fi = ctx.lang == "fi"
    # a self-service push is deflection when the customer asked for help and the writer did nothing
    pushed = not ctx.actions and _help_asked(ctx)
    last: tuple[Token, ...] = ()  # the previous body sentence (what "it / sitä" can point back to)
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting", "closer"):
            continue
        before, last = last, sg.tokens
        if sg.sentence.text.rstrip().endswith("?"):
            continue  # questions to the customer are not instructions
        closing = _generic_closing(ctx, sg.tokens)
        for clause in sg.clauses() or [sg.tokens]:
            if _future_advice(ctx, clause):
                continue
            if _here(ctx, clause):
                # "vastaa tähän viestiin" is not a redirect, but "X osaa auttaa tässä parhaiten" is routing
                if not any(t.low.startswith(("vastau", "vastaa", "viesti", "ketju", "reply", "replying",
                                             "respond", "thread")) for t in clause):
                    r = _routing(ctx, clause)
                    if r is not None:
                        hits.append(hit(r[0] * (0.3 if closing else 1.0), "deflection.routing", list(clause)))
                continue
            dirs = _fi_directives(clause) if fi else _en_directives(clause)
            self_service = any(t.low in ("itse", "yourself", "yourselves") for t in clause)
            cut = next((t.start for t in clause if t.low in ("ennen", "before", "jotta", "until", "kunnes")),
                       None)
            for strength, verb, inherent in dirs:
                if cut is not None and verb.start > cut:
                    continue  # inside "ennen kuin ..." / "before ..."
                after = [t for t in clause if t.start >= verb.start and (cut is None or t.start < cut)]
                # targets: the clause after the verb, else the rest of the sentence
                strong = _strong_targets(ctx, after) or (_strong_targets(ctx, [
                    t for t in sg.tokens if t.start >= verb.start]) if cut is None else [])
                ui = _ui_targets(ctx, after)
                us = [t for t in after if t.low in (_FI_US if fi else ("us",))]
                if strong and _delivered(ctx, verb, strong[0], after):
                    continue  # "saat vahvistuksen sähköpostiisi": something comes to the customer
                if strong:
                    w, tg = strength, strong[0]
                elif inherent:
                    w, tg = strength * (0.9 if us else 0.7), (us[0] if us else None)
                elif not ui and _party_target(ctx, verb, after) is not None:
                    w, tg = strength * 0.9, _party_target(ctx, verb, after)
                elif ui or (self_service and _named_place(ctx, sg.tokens, after)):
                    ui = ui or [_named_place(ctx, sg.tokens, after)]
                    w, tg = strength * (0.45 if self_service else 0.4), ui[0]
                    if pushed and ((verb.vlemma or verb.lemma) not in _VIEW_VERBS or _status_pointer(ctx, after)):
                        # asked for help, told to do it themselves online, nothing done by the writer
                        if self_service or strength >= 0.9:
                            w = 0.65
                else:
                    continue
                if closing:
                    w *= 0.3
                if tg is not None and tg in us and _contingency(ctx, sg.tokens, verb):
                    w *= 0.6  # "jos laskussa on outo veloitus, ota meihin yhteyttä": a fallback to us, not elsewhere
                if any(t.low in ("myös", "also", "alternatively", "vaihtoehtoisesti") for t in clause) and not (
                        pushed and self_service):
                    w *= 0.6  # an extra option next to the answer, not the answer
                toks = sorted([verb] + ([tg] if tg is not None else []), key=lambda t: t.start)
                hits.append(hit(w, "deflection.redirect", toks))
            r = _routing(ctx, clause)
            if r is None and pushed:
                r = _self_service_route(ctx, clause)
            if r is None and pushed:
                rt = _retry_later(ctx, clause)
                if rt is not None:
                    r = (0.65, rt)
            if r is None and cut is not None:
                gk = _gatekeeping(ctx, sg.tokens, before + sg.tokens)
                if gk is not None:
                    r = (0.65 if pushed else 0.4, gk)
            if r is not None:
                hits.append(hit(r[0] * (0.3 if closing else 1.0), "deflection.routing", list(clause)))
        if not any(h.key == "deflection.routing" and sg.sentence.start <= h.start < sg.sentence.end for h in hits):
            r = _refusal(ctx, sg.tokens)
            if r is not None:
                hits.append(hit(r * (0.3 if closing else 1.0), "deflection.routing", list(sg.tokens)))
        # a bare link / service number as the answer ("Ohjeet: https://...", "Lisätietoja numerosta ...")
        if not any(h.start >= sg.sentence.start and h.end <= sg.sentence.end for h in hits):
            links = [t for t in sg.tokens if t.start in ctx.link_tokens and not ctx.link_tokens[t.start]
                     and not _brand_name(ctx, t)]
            # "our messages only link to X", "emme koskaan lähetä linkkiä": which address is genuine, not a referral
            if links and not any(("1sg" in t.feats or "1pl" in t.feats) for t in sg.tokens) and \
                    not any(t.low in _RESTRICTIVE for t in sg.tokens):
                hits.append(hit(0.7 * (0.3 if closing else 1.0), "deflection.redirect", [links[0]]))
    return hits


def check(ctx: Context) -> CheckResult:
    if ctx.lang not in ("fi", "en"):
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, applicable=False)
    hits = _redirects(ctx)
    if not hits:
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, ownership="n/a")
    own, own_kind = ownership_level(ctx)
    strengths = sorted((h.weight for h in hits), reverse=True)
    redirect = min(1.0, strengths[0] + 0.15 * sum(1 for w in strengths[1:] if w >= 0.7))
    severity = clamp(redirect * (1.0 - 0.75 * own))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.3 else reasons_from_hits(ctx, hits, limit=2),
                  severity=severity, redirect=round(redirect, 3), ownership=own_kind,
                  hits=[(h.key, h.weight, ctx.reply_text[h.start:h.end]) for h in hits])
