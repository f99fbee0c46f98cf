"""accusatory: blame, reprimand, suspicion, "as you were already told", rule-quoting at the customer.

General constructions (Finnish via lemmas + verb person/mood from ``fi_morph``):

- hindsight reproach: counterfactual + a duty the customer "should" have done
  ("olisit voinut välttää", "sinun olisi pitänyt", "uusi numero olisi pitänyt päivittää",
  "olisi kannattanut sopia", "you should have read", "it should have been used") -- but
  not an admission ("sinun olisi pitänyt saada viesti", "you should have been told",
  "paketin ei olisi pitänyt päätyä ...");
- "could have been avoided / jotta tällaisilta tilanteilta vältytään";
- second-person failure: "olet rikkonut", "et ole lukenut", "you failed to", "you didn't
  read", "your mistake", suspicious questions "oletko jakanut salasanasi", "have you given
  your codes to anyone";
- "as (already) told / stated": kuten + say-verb, "mikä mainitaan ...", "tästä muistutettiin",
  "as stated in the terms", "the SMS clearly states" (not "kuten kerroit", "as you mentioned");
- hindsight advice: "jatkossa kannattaa ...", "in future we recommend ...", "read carefully",
  "check ... before contacting us";
- responsibility or risk put on the customer ("on asiakkaan vastuulla", "oma päätöksesi",
  "the customer's responsibility", "terms which you accepted");
- suspicion ("viittaa väärinkäyttöön", "typical pattern in fraud"), generic blame
  ("suurin osa vioista johtuu asiakkaan omista laitteista"), reprimands ("päällekkäisiä
  pyyntöjä", "toivomme kärsivällisyyttä", "kun ehtii", "do not contact us again").

- blame without "you" (``_fi_phenomena`` / ``_en_phenomena``): a negated passive of the customer's
  own handling with a manner word ("korttia ei ole näytetty lukijalle oikein", "readings were not
  submitted on time"), a faulty manner ("täytetty puutteellisesti", "filled in incorrectly"), a wrong
  choice on the customer's side ("tilauksessa oli valittu väärä ...", "the wrong postcode was entered
  at checkout"), something missing from what they sent, told in the past ("liitteet puuttuivat
  hakemuksesta"), a hedged guess that they lent / chose wrong ("näyttää siltä, että korttia on
  käyttänyt joku toinen", "it's possible the 20 mg option was selected"), insinuated motives ("used
  to avoid paying"), habits of "people like you" + "this shouldn't come as a surprise", responsibility
  with a customer subject or possessive ("matkustaja vastaa itse", "the subscriber's responsibility"),
  rules or messages pointed back at ("on mainittu hakuohjeissa", "you were informed in our email"),
  check advice before a step already taken ("kannattaa tarkistaa ennen lähettämistä", "worth
  double-checking before submitting"), "had you read ...", and denying our part ("the error was not on
  our side"). Each is voided by the writer / company acting in the sentence, an explicit apology, or a
  company / third-party agent ("by the courier", "järjestelmässä", "pankin olisi pitänyt korjata");
  "seuraavalla laskulla" is not "next time" (only "ensi / seuraavalla kerralla" is).

- implied fault (``_implied_fault``): a habitual cause pinned on how the customer acted ("syntyy yleensä, kun
  painiketta painetaan useammin kuin kerran", "usually means insufficient packaging"), a disclaimer of our part
  given as the reason for advice ("kannattaa aina ..., koska emme vastaa ..."), "X:n ja sinun välinen asia / a
  matter between you and X", "be more careful / huolellisemmin", and three weak signals that only count
  together: distrust of the evidence ("not a screenshot"), a sanction for improper documents ("without proper
  proof ... will be rejected") and insinuation from how often such requests come. "Omavastuu" (the deductible)
  is an amount, not responsibility.

A neutral statement of a rule carries none of these. Negated clauses ("ei johdu sinusta",
"not anything you did") are exculpations and never count. Evidence is summed per sentence
(capped at 1) and over the three strongest sentences; the check fails at ``FAIL_AT``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from copilot.review import lexicon as L
from copilot.review import signals as S
from copilot.review.base import Hit, clamp, hit, reasons_from_hits, result
from copilot.review.context import Context
from copilot.review.model import CheckResult
from copilot.review.text import Token

NAME = "accusatory"
FAIL_AT = 0.9

_FI_CF_MODALS = frozenset(["pitää", "kannattaa", "voida", "tulla", "täytyä", "tarvita"])
_FI_CONTACT_BAN = frozenset(["ottaa", "soittaa", "lähettää", "kirjoittaa", "olla", "kysyä"])
_FI_AVOID = ("vältettäv", "vältyt", "vältty", "välttää", "välttä", "vältt", "estettävis")
_FI_HINDSIGHT = frozenset(["jatkossa", "vastedes", "tulevaisuudessa"])
_FI_EVALUATIVE = frozenset(["hyvä", "parempi", "paras", "syytä", "viisasta", "järkevää", "järkevämpää", "fiksua",
                            "suotavaa", "tärkeää"])
# an option offered, not advice: "jatkossa voit halutessasi ..."
_FI_OPTIONAL = ("halutessa", "tarvittaessa", "niin halutessa", "toivoessa")
_FI_NEXT = frozenset(["ensi", "seuraavalla", "seuraavan"])  # hindsight only before "kerralla / kerran"
_FI_NEXT_TIME = frozenset(["kerralla", "kerran", "kertaa", "kerraksi"])
# the company's / a third party's duty: "pankin olisi pitänyt korjata" is an admission, not blame
_FI_FIX_VERBS = frozenset(["korjata", "huomata", "käsitellä", "hyvittää", "toimittaa", "korvata", "peruuttaa",
                           "avata", "palauttaa", "hoitaa", "tarkistaa", "ratkaista"])
# Finnish participles / passives of the customer's own handling of something
_FI_MANNER = ("oikein", "oikeaan", "oikealla", "kunnolla", "ajoissa", "riittäv", "asianmukaise", "ohjeiden",
              "ohjeen", "määräaja", "huolellise", "kokonaan", "täydellisesti", "kuluessa", "mennessä")
_FI_FAULTY = ("puutteellisesti", "virheellisesti", "väärin", "vajaasti", "huolimattomasti")
# participle stems of the customer's own handling (not the company's: toimitettu, käsitelty, maksettu)
_FI_HANDLING_PP = ("pidetty", "näytetty", "täytetty", "palautettu", "noudettu", "ilmoitettu", "liitetty",
                   "esitetty", "merkitty", "syötetty", "tallennettu", "noudatettu", "luettu", "pakattu",
                   "asetettu", "viety", "jätetty", "lähetetty hakemu", "kuitattu", "allekirjoitettu")
_FI_CUSTOMER_CUES = ("tilaukse", "tilaukses", "lomak", "hakemu", "varaukse", "vaihtoeh", "kassal", "tilatessa",
                     "varatessa", "hakiess", "verkkokaup", "annostu", "koko")
_FI_OTHER_AGENT = ("kuljettaj", "lähetti", "kuriiri", "varasto", "järjestelm", "henkilökun", "asentaj", "myyjä",
                   "työntekijä", "virkailij", "toimittaj", "kuljetusliik", "lentoyhtiö", "meidän", "meillä",
                   "meiltä", "pankin", "pankki", "siirro", "siirrossa", "päivitykse", "postissa")
_FI_PP_END = ("ttu", "tty", "ttiin", "etty", "ettu")
_FI_CHOICE_VERBS = frozenset(["valita", "syöttää", "antaa", "merkitä", "täyttää", "ilmoittaa", "kirjoittaa"])
_FI_TOLD_VERBS = frozenset(["tiedottaa", "ilmoittaa", "kertoa", "muistuttaa", "varoittaa"])
_FI_CHANNELS = ("sähköpost", "kirjee", "tekstivie", "viestis", "viestillä", "tiedottee")
_FI_DUTY_PP = frozenset(["palauttaa", "noutaa", "ilmoittaa", "täyttää", "liittää", "näyttää", "esittää", "merkitä",
                         "tallentaa", "noudattaa", "vahvistaa", "päivittää"])
_FI_DOCS = ("hakemu", "lomak", "liittee", "liitte", "ilmoitukse", "ilmoitukses", "tilaukse", "varaukse",
            "asiakirj", "dokument", "kuitist", "todistukse")
_FI_HEDGE = ("näyttää", "vaikuttaa", "ilmeisesti", "luultavasti", "todennäköisesti", "mahdollisesti",
             "oletettavasti", "saattaa", "saattoi", "kenties")
_FI_OTHER_PERSON = ("joku toinen", "joku muu", "toinen henkilö", "jonkun toisen", "jonkun muun", "ulkopuoli",
                    "lainat", "lainann", "lainasi", "luovutet", "luovutt", "ystävälle", "ystäväsi", "kaverille",
                    "perheenjäsen")
# "tällaisilta / vastaavilta / samanlaisilta tilanteilta": a repeat of what the customer did
_FI_SIMILAR = ("tällai", "näil", "täll", "vastaav", "samanlai", "samankaltai", "tämänkaltai")
_FI_HABIT = ("usein", "monesti", "toistuvasti", "jatkuvasti", "yleisesti", "säännöllisesti", "tavan takaa")
_FI_SURPRISE = ("yllätyk", "yllätys", "yllättä")
_FI_ADVICE = frozenset(["kannattaa", "kannattaisi", "suosittelemme", "suosittelen", "pitäisi", "tulisi",
                        "kehotamme", "muistathan", "huomioithan"])
_FI_CAREFUL = ("huolellise", "tarkemmin", "tarkkaan", "varovai", "huolella")
_FI_CREDENTIAL = ("tunnu", "salasan", "koodi", "tunnusluvu", "kortin tied", "kortin tiet", "korttitie", "maksutie",
                  "pankkitie", "tilitie", "pin")
_FI_DOUBT = ("todella", "väität", "väitte", "varmoja", "epäselvä")
_EN_DUTY = frozenset("read follow check update notify inform tell pay register enter provide verify activate "
                     "keep protect secure change report save answer respond use return collect plan order "
                     "book arrange agree confirm".split())
_EN_RECEIVE = frozenset("receive received get got gotten be been told informed warned notified given sent shown "
                        "heard seen had".split())
_EN_FAILURE = frozenset("fail failed neglect neglected forget forgot forgotten break broke broken violate "
                        "violated breach breached ignore ignored misuse misused disclose disclosed".split())
_EN_DISCLOSE = frozenset("share shared give given gave enter entered forward forwarded disclose disclosed reveal "
                         "revealed send sent pass passed hand handed".split())
_EN_CREDENTIAL = frozenset("code codes password passwords pin details credentials login card number".split())
_EN_SAY = frozenset("tell told inform informed explain explained state stated states mention mentioned advise "
                    "advised say said says point pointed note noted remind reminded instruct instructed show "
                    "shown shows warn warned specify specified outline outlined".split())
_EN_EVALUATIVE = frozenset("better wise wiser sensible advisable best smart smarter prudent good".split())
_EN_HINDSIGHT = ("in future", "in the future", "next time", "going forward", "for future", "from now on")
# "with future bookings", "on any future orders": advice about the next time is advice about the last time
_EN_FUTURE_NOUN_RE = re.compile(r"\b(?:with|for|on|in|of|during|when making) (?:your |any |all )?future [a-z]+")
_EN_ADVICE = frozenset("recommend recommends suggest advise please should worth make ensure always".split())


def _en_hindsight(stext: str) -> bool:
    return any(h in stext for h in _EN_HINDSIGHT) or (
        "future" in stext and _EN_FUTURE_NOUN_RE.search(stext) is not None)


def _neg(clause: Sequence[Token]) -> bool:
    return any(t.has("neg") for t in clause)


def _first_person(clause: Sequence[Token]) -> bool:
    return any(("1sg" in t.feats or "1pl" in t.feats or "pron1" in t.feats or "pron1pl" in t.feats)
               and "poss1pl" not in t.feats for t in clause)


def _apology(sent: Sequence[Token]) -> bool:
    """An apology / acknowledgement in the sentence turns a counterfactual into an admission."""
    lows = [t.low for t in sent]
    if any(("FI_EMPATHY" in t.info.cls) or ("EN_EMPATHY" in t.info.cls) for t in sent if not t.low.startswith("ymmärr")):
        return True
    return "oikeassa" in lows or ("right" in lows and any(w in ("you're", "you") for w in lows))


SentMemo = dict[int, tuple[str, bool, bool, bool]]


def _sent_info(sent: Sequence[Token], lang: str, memo: SentMemo) -> tuple[str, bool, bool, bool]:
    """Per-sentence facts shared by its clauses (memoised in ``memo``, one per ``check`` call): lower-cased
    text, the writer / company in it, a company or third-party agent, an explicit apology."""
    k = id(sent)
    got = memo.get(k)
    if got is None:
        if lang == "fi":
            got = (" ".join(t.low for t in sent), _first_person(sent),
                   any(u.low.startswith(_FI_OTHER_AGENT) for u in sent), _sorry(sent))
        else:
            got = (" " + " ".join(t.low for t in sent) + " ",
                   any(t.low in ("i", "i've", "i'm", "i'll", "i'd", "we", "we've", "we're", "we'll", "we'd", "our",
                                 "my") for t in sent),
                   False, _sorry(sent))
        memo[k] = got
    return got


def _sorry(sent: Sequence[Token]) -> bool:
    """An explicit apology ("sorry", "pahoittelen"); "unfortunately / valitettavasti" is not one."""
    return any(t.low.startswith(("sorry", "apolog", "pahoittel", "anteeksi", "pahoillan")) for t in sent)


def _exculpated(sent: Sequence[Token]) -> bool:
    """"ei liity sinuun", "ei johdu sinusta", "not your fault", "nothing you did" in the sentence."""
    for i, t in enumerate(sent):
        if t.has("neg") or t.low in ("nothing", "nothing's"):
            if any(u.has("2p") for u in sent[i + 1:i + 5]):
                return True
    return False


_EN_REQUEST_NOUNS = frozenset("request requests application applications claim claims".split())
_FI_REQUEST_NOUNS = ("pyyntö", "pyynnö", "hakemu", "reklamaati", "vaatimu")


def _own_request(sent: Sequence[Token], fi: bool) -> bool:
    """Suspicion set on the customer's request itself ("requests like this are a common fraud pattern",
    "hakemuksesi vaikuttaa petokselta") -- not when the writer acts in the sentence or apologises."""
    if fi:
        req = any(t.low.startswith(_FI_REQUEST_NOUNS) for t in sent)
    else:
        req = any(t.low in _EN_REQUEST_NOUNS for t in sent)
    return req and not _sorry(sent) and not S.first_person_actions(sent, "fi" if fi else "en")


def _lem(t: Token) -> str:
    return t.vlemma or t.lemma


def _fi_other_duty(clause: Sequence[Token], i: int, inf: Token | None) -> bool:
    """"pankin / kuljettajan olisi pitänyt ..." (a genitive subject that is not the customer), or a fix
    only the company can make ("virhe olisi pitänyt korjata heti"): the duty was someone else's."""
    for u in clause[max(0, i - 2):i]:
        if u.low.endswith("n") and not u.has("verb") and not u.has("2p") and u.content and \
                "FI_CUSTOMER_3P" not in u.info.cls and u.low not in ("sinun", "teidän"):
            return True
    return inf is not None and _lem(inf) in _FI_FIX_VERBS and not any(
        u.has("2p") or "FI_CUSTOMER_3P" in u.info.cls for u in clause)


def _fi_phenomena(clause: Sequence[Token], sent: Sequence[Token], me: bool, neg: bool,
                  memo: SentMemo) -> list[Hit]:
    """Constructions that carry blame without second person or a counterfactual:

    - a negated passive / participle of the customer's own handling with a manner word
      ("korttia ei ole pidetty lukijan edessä riittävän kauan", "lomaketta ei täytetty oikein");
    - a faulty manner + passive participle ("tiedot oli syötetty puutteellisesti");
    - something missing from what the customer sent, told in the past ("liitteet puuttuivat hakemuksesta");
    - a hedged guess that someone else used it / the customer chose wrong ("näyttää siltä, että korttia on
      käyttänyt joku toinen", "mahdollisesti valittiin väärä vaihtoehto");
    - a habit of "people like you" ("laukkuja jätetään usein merkitsemättä") and "ei pitäisi tulla yllätyksenä";
    - responsibility put on the customer ("matkustaja huolehtii itse", "asiakkaan omalla vastuulla");
    - "kannattaa tarkistaa ennen lähettämistä": checking advice pointed at a step already taken.
    """
    hits: list[Hit] = []
    # "virhe ei ollut meidän päässämme": denying our part points at the customer
    # ("syy ei ollut meidän": the predicative "ours"; not when the fault is then placed on a third party,
    # "vika ei ollut meidän, vaan kuljetusyhtiön")
    if any(u.low.startswith(("virhe", "vika", "syy")) for u in clause) and neg and (any(
            u.low.startswith(("päässä", "puolell", "virhee", "syyt")) for u in clause) or (
            clause[-1].low == "meidän" and "vaan" not in [u.low for u in sent])) \
            and any(u.low in ("meidän", "meistä", "meillä") for u in clause) and not _sorry(sent):
        hits.append(hit(0.9, "accusatory.failure", list(clause[:3])))
    if me and not any(t.has("2p") for t in clause):
        return hits
    lows = [t.low for t in clause]
    text = " ".join(lows)
    stext, sme, agent, sorry = _sent_info(sent, "fi", memo)
    free = not sme  # most constructions are voided by the writer / company acting in the sentence
    has_rule = has_3p = own = False
    for t in clause:
        cls = t.info.cls
        has_rule = has_rule or "FI_RULE_REF" in cls
        has_3p = has_3p or "FI_CUSTOMER_3P" in cls
        own = own or t.low.startswith("oma")
    cue = None
    for i, t in enumerate(clause):
        low = t.low
        lem = _lem(t)
        pp = t.has("pass") or t.has("part") or low.endswith(_FI_PP_END)
        if pp:
            handling = lem in _FI_DUTY_PP or low.startswith(_FI_HANDLING_PP)
            negd = S.negated(clause, i, 3)
            # negated passive + manner: "ei ole näytetty oikein", "ei palautettu ajoissa"
            if handling and negd and free and not agent and any(u.low.startswith(_FI_MANNER) for u in clause):
                hits.append(hit(0.9, "accusatory.failure", clause[max(0, i - 2):i + 1]))
            # "tuotteesta, jota ei ole palautettu": a duty left undone, told as a passive (weak on its own)
            elif negd and lem in _FI_DUTY_PP and not me and \
                    not any(u.low in ("vielä", "vieläkään", "toistaiseksi") for u in clause):
                hits.append(hit(0.4, "accusatory.failure", clause[max(0, i - 2):i + 1]))
            # faulty manner + participle: "täytetty puutteellisesti", "syötetty väärin"
            if handling and free and not agent and \
                    any(u.low.startswith(_FI_FAULTY) for u in clause[max(0, i - 3):i + 4]):
                hits.append(hit(0.9, "accusatory.failure", [t]))
            if free and not agent and not sorry and not neg:
                # "tilauksessa oli valittu väärä postinumero": a wrong choice on the customer's side
                if lem in _FI_CHOICE_VERBS and any(u.low.startswith(("väärä", "virheellis", "vanha", "väärin"))
                                                   for u in clause[i + 1:i + 3] + clause[max(0, i - 3):i]):
                    if cue is None:
                        cue = any(u.has("2p") or u.low.startswith(_FI_CUSTOMER_CUES) for u in sent)
                    if cue:
                        hits.append(hit(0.9, "accusatory.failure", [t]))
            # "muutoksesta tiedotettiin sähköpostitse": pointing back at what the customer was told
            if free and not sorry and not neg and lem in _FI_TOLD_VERBS and t.has("pass") and t.has("past") and \
                    any(u.low.endswith(("itse", "tse")) or u.low.startswith(_FI_CHANNELS) for u in clause):
                hits.append(hit(0.9, "accusatory.as_told", [t]))
        # "(kuten) on mainittu hakuohjeissa", "ehdoissa todettiin": a past statement in the rules pointed back at
        if has_rule and free and not neg and lem in L.FI_SAY_VERBS and not t.has("2p") and \
                (t.has("part") or t.has("past") or low.endswith(("ttu", "tty"))):
            hits.append(hit(0.9, "accusatory.rule_quote", [t]))
        # "puuttui / puuttuivat hakemuksesta" (past: an observation about what the customer sent;
        # "puuttuu vielä" is neutral status)
        if free and low.startswith(("puuttui", "puuttunut", "puuttuneet")) and any(
                u.low.startswith(_FI_DOCS) for u in sent):
            hits.append(hit(0.9, "accusatory.failure", [t]))
        # "tämän ei pitäisi tulla yllätyksenä"
        if low.startswith(_FI_SURPRISE) and not sorry and any(u.has("neg") for u in clause[max(0, i - 4):i]):
            hits.append(hit(0.9, "accusatory.reprimand", [t]))
        # responsibility: "<asiakas> huolehtii / vastaa itse", "omalla vastuulla", "vastuu on asiakkaalla"
        if has_3p and lem in ("vastata", "huolehtia", "hoitaa", "maksaa") and not t.has("neg") and \
                any(u.low in ("itse", "itsenäisesti") or u.low.startswith("omal") for u in clause):
            hits.append(hit(0.9, "accusatory.responsibility", [t]))
        if "FI_RESPONSIBILITY" in t.info.cls and (own or has_3p) and not neg and free:
            hits.append(hit(0.95, "accusatory.responsibility", [t]))
    if not free:
        return hits
    # hedged guess about the customer's own doing
    if not agent and (any(h in text for h in _FI_HEDGE) or "on mahdollista" in text):
        other = any(o in stext for o in _FI_OTHER_PERSON)
        if cue is None:
            cue = any(u.has("2p") or u.low.startswith(_FI_CUSTOMER_CUES) for u in sent)
        chose = cue and not neg and any((u.has("pass") or u.low.endswith(("ttu", "tty"))) and _lem(u) in (
            "valita", "syöttää", "pakata", "täyttää", "merkitä", "painaa", "luovuttaa", "lainata") for u in sent)
        if other or chose:
            hits.append(hit(0.9, "accusatory.suspicion", list(clause[:3])))
    # habit: "laukkuja jätetään usein merkitsemättä"
    if any(u.low in _FI_HABIT for u in clause) and (any(u.low.endswith(("mättä", "mätä")) for u in clause) or (
            neg and any(u.has("pass") for u in clause))):
        hits.append(hit(0.7, "accusatory.generic_blame", list(clause[:3])))
    # "kannattaa tarkistaa ennen lähettämistä": check advice before a step the customer took
    if "ennen" in lows and any(u.low.startswith(("kannatta", "muista", "varmista", "tarkista", "huolehdi"))
                               for u in clause) and \
            any(u.low.startswith(("tarkist", "varmist", "katso", "tarkast")) for u in clause):
        k = lows.index("ennen")
        if any(u.low.endswith(("mistä", "mista", "mistaan", "mistään")) or u.low == "kuin"
               for u in clause[k + 1:k + 4]):
            hits.append(hit(0.9, "accusatory.reprimand", clause[k:k + 2]))
    # overloading as the cause: "pakattu liian täyteen", "ylipakkaaminen"
    if not sorry and (any(u.low.startswith(("ylipak", "ylitäyt", "ylikuorm")) for u in clause) or
                      "liian täyteen" in text or "liian täydeksi" in text or "liian painava" in text):
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause[:3])))
    return hits


def _fi_hits(clause: Sequence[Token], sent: Sequence[Token], question: bool,
             memo: SentMemo | None = None) -> list[Hit]:
    hits: list[Hit] = []
    scls, ccls = L.union(sent), L.union(clause)
    neg = _neg(clause)
    has2 = any(t.has("2p") for t in clause)
    me = _first_person(clause)
    lows = [t.low for t in clause]
    hits.extend(_fi_phenomena(clause, sent, me, neg, {} if memo is None else memo))
    for i, t in enumerate(clause):
        lem = _lem(t)
        low = t.low
        after = clause[i + 1:i + 5]
        # -- hindsight reproach: olisit(te) + participle / (sinun) olisi + pitänyt|kannattanut + duty
        if lem == "olla" and "cond" in t.feats and not S.negated(clause, i, 2):
            part = next((u for u in after[:3] if u.has("part")), None)
            if part is not None:
                plem = _lem(part)
                inf = next((u for u in clause[i + 2:i + 6] if "inf" in u.feats or u.has("pass")), None)
                admission = (inf is not None and _lem(inf) in L.FI_RECEIVE_VERBS) or _apology(sent)
                avoid = any(u.low.startswith(_FI_AVOID) for u in clause[i:i + 6])
                if t.has("2p") and not admission:
                    hits.append(hit(1.0, "accusatory.counterfactual", [t, part]))
                elif avoid:
                    hits.append(hit(0.9, "accusatory.counterfactual", [t, part]))
                elif plem == "olla" and after[after.index(part) + 1:after.index(part) + 2] and \
                        after[after.index(part) + 1].low in _FI_EVALUATIVE and not me and not admission and \
                        not any(_lem(u) in L.FI_SAY_VERBS for u in clause[i:]):
                    # "olisi ollut hyvä varautua ajoissa": hindsight judged with an evaluative word
                    hits.append(hit(0.9, "accusatory.counterfactual", [t, part, after[after.index(part) + 1]]))
                elif plem in _FI_CF_MODALS and not admission and not me and not _fi_other_duty(clause, i, inf):
                    gen2 = any(u.low in ("sinun", "teidän") for u in clause[max(0, i - 3):i + 3])
                    hits.append(hit(1.0 if gen2 else 0.9, "accusatory.counterfactual", [t, part]))
            elif any(u.low.startswith(_FI_AVOID) for u in after):
                hits.append(hit(0.9, "accusatory.counterfactual", [t] + list(after[:2])))
            elif after and after[0].low in ("hyvä", "parempi", "syytä", "viisasta", "järkevää") and not me:
                hits.append(hit(0.7, "accusatory.counterfactual", [t, after[0]]))
        # "jotta tällaisilta tilanteilta vältytään", "tilanne olisi ollut vältettävissä"
        if low.startswith(("vältyt", "vältetää")) and any(u.low.startswith(_FI_SIMILAR) for u in clause) and \
                not S.first_person_actions(sent, "fi"):
            hits.append(hit(0.8, "accusatory.counterfactual", [t]))
        # -- second person + failure: "olet rikkonut", "oletko jakanut", "unohdit"
        if lem in L.FI_FAILURE_VERBS and not S.negated(clause, i, 3):
            aux2 = any(_lem(u) == "olla" and u.has("2p") for u in clause[max(0, i - 3):i])
            if t.has("2p") or (t.has("part") and aux2):
                hits.append(hit(1.0, "accusatory.failure", clause[max(0, i - 1):i + 1]))
        # "oletko antanut tunnuksesi jollekulle", "kortin tiedot ovat olleet jonkun toisen tiedossa"
        if lem in L.FI_DISCLOSE_VERBS and (question or t.has("2p") or any(
                _lem(u) == "olla" and u.has("2p") for u in clause[max(0, i - 3):i])):
            # "antamasi tiedot" (the details you gave us) is neutral: suspicion needs a question
            # or someone else on the receiving end
            third_party = any(u.low.startswith(("jonkun", "joku", "jollekul", "kenellekään", "ulkopuol", "toiselle",
                                                "muille", "huijari")) for u in clause)
            if any(u.low.startswith(_FI_CREDENTIAL) for u in clause) and not neg and (question or third_party):
                hits.append(hit(0.9, "accusatory.suspicion", [t]))
        if any(u.low.startswith(("jonkun", "joku", "jollekul", "kenellekään", "ulkopuol")) for u in [t]) and \
                any(u.low.startswith(_FI_CREDENTIAL) for u in sent) and not me and not neg:
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- "et ole lukenut / et noudattanut"
        if low in ("et", "ette", "etkä", "ettekä"):
            for u in after[:3]:
                if _lem(u) in L.FI_DUTY_VERBS and (u.has("part") or u.has("conneg")):
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
        # -- "kuten (jo) kerrottiin / ehdoissamme mainitaan" -- not "kuten kerroit"
        if low == "kuten":
            say = next((u for u in clause[i + 1:i + 6] if _lem(u) in L.FI_SAY_VERBS), None)
            if say is not None and not (say.has("2p") and not say.has("pass")):
                hits.append(hit(0.9 if not any(u.low in ("jo", "aiemmin", "useasti") for u in clause) and not has2
                                else 1.0, "accusatory.as_told", [t, say]))
            elif say is None and any(("FI_RULE_REF" in u.info.cls) for u in clause[i + 1:i + 5]):
                hits.append(hit(0.7, "accusatory.rule_quote", [t]))
        # "mikä mainitaan ...", "tästä muistutettiin kahdesti", "siitä kerrotaan näytöllä", "on varoitettu"
        if low in ("mikä", "mistä", "tästä", "siitä", "mitä", "joka", "josta", "tämä") and not me:
            say = next((u for u in after[:3] if _lem(u) in L.FI_SAY_VERBS and (u.has("pass") or "3sg" in u.feats
                                                                              or u.has("part"))), None)
            if say is not None and not say.has("2p"):
                hits.append(hit(0.8, "accusatory.as_told", [t, say]))
        if low in ("jo", "jälleen", "taas", "useaan", "kahdesti", "monesti"):
            for u in clause[max(0, i - 3):i + 4]:
                if _lem(u) in L.FI_SAY_VERBS and not (u.has("2p") and not u.has("pass")) and \
                        (u.has("part") or u.has("past") or u.has("pass")) and not me:
                    hits.append(hit(0.9, "accusatory.as_told", [t, u]))
                    break
        # -- clearly stated / rule reference
        if ("FI_CLEARLY" in t.info.cls) and (any(_lem(u) in L.FI_SAY_VERBS for u in sent)
                                              or "FI_RULE_REF" in scls):
            both = "FI_RULE_REF" in scls and any(_lem(u) in L.FI_SAY_VERBS for u in sent)
            hits.append(hit(0.9 if both else 0.8, "accusatory.rule_quote", [t]))
        if ("FI_RULE_REF" in t.info.cls) and any(_lem(u) == "hyväksyä" for u in clause) and not me:
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        if low.startswith(("tunnetusti", "yleisesti")) and any(u.low.startswith(("tiedos", "tunnet"))
                                                              for u in clause):
            hits.append(hit(0.7, "accusatory.rule_quote", [t]))
        # customers "should" (rule quoted at the customer)
        if ("FI_CUSTOMER_3P" in t.info.cls) and any(u.low in ("tulisi", "pitäisi", "täytyy", "tulee", "on")
                                             and "inf" in (clause[j + 1].feats if j + 1 < len(clause) else ())
                                             for j, u in enumerate(clause)) and not neg:
            hits.append(hit(0.6, "accusatory.rule_quote", [t]))
        # -- hindsight advice: "jatkossa kannattaa", "tarkistathan jatkossa", "lukea huolellisesti"
        next_time = low in _FI_NEXT and i + 1 < len(clause) and clause[i + 1].low in _FI_NEXT_TIME or (
            low.startswith("seuraava") and i > 0 and clause[i - 1].low == "ennen")
        # the customer as the actor: a 2nd-person verb that is not receiving ("saat", "tulee sinulle"),
        # or "sinun / teidän" (obligation) -- not a dative recipient ("laskut tulevat sinulle")
        offer = any(u.low.startswith(_FI_OPTIONAL) for u in clause) and any(
            u.low in ("voit", "voitte", "voisit", "voisitte") for u in clause) and not any(
            u.low in _FI_ADVICE for u in clause)
        if (low in _FI_HINDSIGHT or next_time) and not offer and (any(u.low in _FI_ADVICE for u in clause) or any(
                (u.has("2p") and u.has("verb") and _lem(u) not in L.FI_RECEIVE_VERBS) or
                u.low in ("sinä", "te", "sinun", "teidän", "sä") for u in clause) or
                                                  any(u.has("imp") or u.has("clitic") for u in clause)):
            hits.append(hit(0.9, "accusatory.reprimand", [t]))
        if low.startswith(_FI_CAREFUL) and (any(u.low in _FI_ADVICE for u in clause) or has2 or
                                            any(u.has("imp") for u in clause)):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "ennen" and i + 1 < len(clause) and clause[i + 1].low.startswith("yhteydenot"):
            hits.append(hit(0.6, "accusatory.reprimand", clause[i:i + 2]))
        if low == "ensin" and (has2 or any(u.has("imp") for u in clause)) and \
                any(u.low.startswith("oma") or u.low == "ennen" for u in sent):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem == "kannattaa" and any(u.low in ("yleensä", "vasta", "ajoissa", "etukäteen", "aina")
                                      or u.low.startswith("hyvissä") for u in clause) and not me:
            # "kannattaa tehdä vasta, kun ... / ennen ...": timing advice about a step already taken
            timing = any(u.low in ("vasta", "ennen") for u in clause)
            hits.append(hit(0.9 if timing else 0.6, "accusatory.reprimand", [t]))
        if lem in ("suositella",) and ("1pl" in t.feats or "1sg" in t.feats) and any(
                u.low in ("aina",) or ("FI_CUSTOMER_3P" in u.info.cls) for u in clause):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        # -- "älä ota enää yhteyttä"
        if low in ("älä", "älkää"):
            for u in after[:3]:
                if _lem(u) in _FI_CONTACT_BAN:
                    hits.append(hit(1.0, "accusatory.dont_contact", [t, u]))
                    break
        # -- responsibility / own decision / risk on the customer
        if ("FI_RESPONSIBILITY" in t.info.cls) and not neg and not me:
            near = clause[max(0, i - 4):i + 4]
            if t.has("2p") or any(u.has("2p") for u in clause[max(0, i - 2):i + 2]):
                hits.append(hit(0.9, "accusatory.responsibility", [t]))
            elif any(u.has("2p") or ("FI_CUSTOMER_3P" in u.info.cls) or u.low.startswith("oma") for u in near):
                hits.append(hit(0.8, "accusatory.responsibility", [t]))
        if lem == "vastata" and "3sg" in t.feats and any(("FI_CUSTOMER_3P" in u.info.cls) for u in clause[:i]) \
                and any(u.low.startswith(("kaike", "käytö", "kulu", "maksu")) for u in after):
            hits.append(hit(0.8, "accusatory.responsibility", [t]))
        if low.startswith(("päätöks", "valintas", "päätös")) and low.endswith(("si", "nne")) and \
                any(u.low.startswith("oma") for u in clause[max(0, i - 2):i]):
            hits.append(hit(0.9, "accusatory.responsibility", clause[max(0, i - 1):i + 1]))
        if low in ("emme", "en") and any(u.low == "voi" for u in after[:1]) and \
                any(_lem(u) == "vastata" for u in after[1:3]):
            hits.append(hit(0.5, "accusatory.responsibility", clause[i:i + 3]))
        if ("FI_RISK" in t.info.cls) and any(u.low in ("aina", "oma", "omalla") or u.has("2p") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        if low.startswith("riskialt"):
            hits.append(hit(0.4, "accusatory.suspicion", [t]))
        # -- blame nouns: "vakavaa huolimattomuutta"
        if ("FI_BLAME_NOUN" in t.info.cls) and lem != "syy" and lem != "virhe" and not S.negated(clause, i, 4):
            hits.append(hit(0.9, "accusatory.failure", [t]))
        if low.startswith(("huolimattomasti", "varomattomasti", "ajattelemattomasti")) and not me:
            hits.append(hit(0.9, "accusatory.failure", [t]))
        # -- suspicion aimed at the customer
        if ("FI_SUSPICION" in t.info.cls) and not S.negated(clause, i, 4) and not low.startswith("tilikaappau"):
            w = 0.9 if "FI_INDICATE" in scls or _own_request(sent, True) else 0.6 if has2 else 0.4
            hits.append(hit(w, "accusatory.suspicion", [t]))
        if lem == "olla" and t.has("2p") and question and any(u.low.startswith("varm") for u in after[:3]):
            hits.append(hit(0.7, "accusatory.suspicion", [t] + list(after[:2])))
        if low.startswith(("järjestelm", "tietojemme", "kirjaust", "seuran", "kuljettajan", "lokie", "lokin")) \
                and after[:1] and after[0].low == "mukaan" and not _apology(sent):
            hits.append(hit(0.3, "accusatory.suspicion", [t, after[0]]))  # evidence cited against the customer
        if low.startswith(_FI_DOUBT) and not me and (
                low.startswith(("väität", "väitte")) or any(u.low.startswith(("varmist", "olla", "tule", "pyyntö"))
                                                           for u in clause)) and not low.startswith("epäselvä"):
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- reprimands / passive aggression
        if ("FI_REPRIMAND" in t.info.cls) and not neg and not _apology(sent) and not (
                i + 1 < len(clause) and clause[i + 1].low.startswith(_FI_TXN)):
            hits.append(hit(0.7 if "vain" in lows or has2 else 0.5, "accusatory.reprimand", [t]))
        if ("FI_PATIENCE" in t.info.cls) and not neg and any(
                (u.vlemma or u.lemma) in ("toivoa", "pyytää", "edellyttää", "odottaa") or u.low.startswith(("toivo", "pyyd"))
                for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if lem == "ehtiä" and "kun" in [u.low for u in clause[max(0, i - 3):i]] and not has2:
            hits.append(hit(0.6, "accusatory.reprimand", clause[max(0, i - 2):i + 1]))
        if low == "itse" and any(u.has("cond") for u in clause) and not me:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
    # burden of proof: "jos sinulla on kuitti ..., lähetä se", "lähetäthän kuvan, jotta voimme varmistaa"
    proof = ("kuitt", "todist", "näyt", "tosit", "kuva")
    if any(t.low in ("jos", "mikäli") for t in clause) and any(t.low in ("sinulla", "teillä") for t in clause) \
            and any(t.low.startswith(proof) for t in clause):
        hits.append(hit(0.6, "accusatory.suspicion", list(clause)))
    if any(t.low.startswith(proof) for t in clause) and any(t.low.startswith("varmist") for t in sent) and \
            any(t.low == "jotta" for t in sent) and any(t.has("2p") for t in sent) and not me:
        hits.append(hit(0.5, "accusatory.suspicion", list(clause)))
    # doubt: "että kyseessä on todella ...", "emme voi olla varmoja"
    if any(t.low == "todella" for t in clause) and any(t.low.startswith("varmist") for t in sent) and not me:
        hits.append(hit(0.5, "accusatory.suspicion", [t for t in clause if t.low == "todella"]))
    # denying an error: "veloitus on oikein", "virheet ovat hyvin harvinaisia"
    for i, t in enumerate(clause):
        if t.low == "oikein" and any(u.low.startswith(("veloitu", "laskutu", "lasku", "maksu", "summa"))
                                     for u in clause[max(0, i - 4):i]) and not neg:
            hits.append(hit(0.4, "accusatory.rule_quote", clause[max(0, i - 3):i + 1]))
        if t.low.startswith("harvinais") and any(u.low in ("hyvin", "erittäin", "äärimmäisen") for u in clause):
            hits.append(hit(0.3, "accusatory.suspicion", [t]))
        # "koska lähetystä ei noudettu" / "koska et maksanut": because (the customer) did not ...
        if t.low == "koska" and any(u.has("neg") or u.low == "ilman" for u in clause[i + 1:i + 4]) and \
                any(u.has("pass") or u.has("2p") for u in clause[i + 1:i + 5]) and not me:
            hits.append(hit(0.4, "accusatory.failure", clause[i:i + 4]))
        # unsolicited lecture: "suosittelemme valvomaan ...", "olisi hyvä varautua"
        if t.low in ("suosittelemme", "suosittelen", "kehotamme") and not any(
                "FI_TARGETS" in u.info.cls for u in clause):
            hits.append(hit(0.3, "accusatory.reprimand", [t]))
        # behaviour as the cause: "johtuu ajotavasta / käyttötavasta"
        if "FI_CAUSE" in t.info.cls and any(u.low.startswith(("ajota", "käyttöta", "käsittely", "käyttötottum",
                                                              "ajotottum", "huolimattom"))
                                            for u in clause[i + 1:i + 5]) and not me:
            hits.append(hit(0.6, "accusatory.generic_blame", clause[i:i + 4]))
        # "riippumatta ... ehdot/sopimus": terms apply regardless
        if t.low == "riippumatta" and "FI_RULE_REF" in scls:
            hits.append(hit(0.4, "accusatory.rule_quote", [t]))
        # "käyttäjän hallinnassa" = put on the customer
        if t.low.startswith("hallinna") and i > 0 and "FI_CUSTOMER_3P" in clause[i - 1].info.cls:
            hits.append(hit(0.8, "accusatory.responsibility", clause[i - 1:i + 1]))
    # generic blame: quantifier + cause + customer side, not about our own error
    fcause = next((k for k, t in enumerate(sent) if "FI_CAUSE" in t.info.cls), None)
    if _exculpated(sent):
        fcause = None
    if "FI_QUANT_GENERIC" in ccls and fcause is not None and "FI_CUSTOMER_SIDE" in scls and \
            not any(t.has("neg") for t in sent[max(0, fcause - 3):fcause + 1]) and not _first_person(sent) \
            and not any(t.low.startswith(("järjestelmä", "meidän", "oma virhe")) for t in sent):
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause)))
    # "mikä johtuu yleensä maksutietojen virheestä", "usein ... luultu"
    if "FI_QUANT_GENERIC" in ccls and any(
            t.low.startswith(("virhe", "luult", "väärin", "väärä")) for t in clause) and not _first_person(sent) \
            and not any(t.low.startswith(("järjestelmä", "meidän")) for t in sent) and not _neg(clause):
        hits.append(hit(0.7, "accusatory.generic_blame", list(clause)))
    return hits


_EN_CHECK_ADVICE = ("worth", "make sure", "ensure", "double-check", "double check", "always check", "remember to",
                    "take care to", "be sure to")
# "passengers are asked / expected to ...": a request to customers as a class (the customer included)
_EN_ASKED_TO = (" asked to ", " expected to ", " advised to ", " requested to ", " required to ", " encouraged to ",
                " urged to ")
_EN_CHECK_VERBS = frozenset("check checking double-check double-checking verify verifying review reviewing "
                            "read reading proofread proofreading".split())
_EN_SUBMIT = frozenset("submit submitting send sending save saving book booking pay paying order ordering enter "
                       "entering apply applying sign signing travel travelling traveling leave leaving post posting "
                       "confirm confirming complete completing fill filling upload uploading choose choosing select "
                       "selecting buy buying register registering transfer transferring".split())
_EN_HEDGE = ("it looks like", "it appears", "it seems", "appears that", "seems that", "it's possible", "it is possible",
             "possibly", "likely that", "probably", "may have been", "might have been", "must have been",
             "presumably", "apparently", "we suspect")
_EN_CUSTOMER_ACTS = frozenset("lent loaned handed shared given passed selected chosen picked entered typed ticked "
                              "clicked filled packed overpacked left forgotten misplaced lost swapped borrowed "
                              "transferred disclosed".split())
_EN_OTHER_PERSON = ("someone else", "somebody else", "a friend", "friend", "another person", "a family member",
                    "third party", "someone", "other people", "another user")
_EN_EVADE = ("avoid", "get out of", "escape", "dodge", "skip", "wriggle", "get around", "cancel without", "not pay",
             "avoid paying")
_EN_HABIT = frozenset("frequently often regularly commonly routinely repeatedly constantly usually".split())
_EN_MANNER = ("correctly", "properly", "on time", "in time", "fully", "completely", "as instructed",
              "as required", "in full", "within", "by the deadline", "before the deadline")
_EN_HANDLING = frozenset("presented shown held filled completed returned collected submitted entered attached "
                         "packed labelled labeled reported registered followed read placed put scanned signed "
                         "tapped swiped activated updated saved uploaded declared checked cleaned "
                         "stored kept".split())
_EN_OVERLOAD = ("beyond its capacity", "beyond capacity", "overfilled", "overpacked", "overloaded", "too full",
                "over the weight limit", "overstuffed", "packed too", "overfilling", "overpacking")
_EN_HELPFUL = frozenset("attach attaching include including bring label labelling pack packing remember help helps "
                        "speed quicker faster easier".split())
_EN_CUSTOMER_CUES = (" form", "checkout", "check-out", " order", "ordering", "booking", " option", " box ",
                     " field", "application", " app ", "online", "website", "dose", "size", "when you")
_EN_OTHER_AGENT = frozenset("courier driver carrier staff team agent system bank we us our airline store shop "
                            "warehouse technician engineer seller company provider supplier".split())
_EN_FAULTY = frozenset("incorrectly incompletely wrongly improperly carelessly inaccurately".split())


def _en_phenomena(clause: Sequence[Token], sent: Sequence[Token], me: bool, neg: bool,
                  memo: SentMemo) -> list[Hit]:
    """Blame without "you": check advice pointed at a step already taken ("worth double-checking ... before
    saving"), a hedged guess that the customer lent / chose wrong ("it appears the card was lent to someone"),
    insinuated motives ("used to avoid paying"), habits of "people like you" ("bags are frequently not
    labelled"), "this shouldn't come as a surprise", negated passives of the customer's handling with a
    manner word ("was not presented correctly"), responsibility with a customer possessive ("the subscriber's
    responsibility") and rules pointed back at ("was set out in the guide you received")."""
    hits: list[Hit] = []
    lows = [t.low for t in clause]
    text = " " + " ".join(lows) + " "
    stext, sme, agent, sorry = _sent_info(sent, "en", memo)
    n = len(clause)
    # check advice + "before" + a step the customer took
    if any(a in text for a in _EN_CHECK_ADVICE) or "please" in lows or "always" in lows or \
            any(a in text for a in _EN_ASKED_TO):
        k = next((j for j, w in enumerate(lows) if w == "before"), None)
        checks = any(w in _EN_CHECK_VERBS for w in lows[:k or 0]) or any(
            w in ("make", "ensure") for w in lows[:k or 0]) and any(
            w in ("correct", "correctly", "complete", "completed", "accurate", "right", "valid", "filled", "spelled",
                  "spelt", "up-to-date", "current") for w in lows)
        if k is not None and checks and any(
                w in _EN_SUBMIT for w in lows[k + 1:k + 4]) and not sme:
            hits.append(hit(0.9, "accusatory.reprimand", clause[k:k + 2]))
    # hedged guess about the customer's doing / someone else using it
    if any(h in stext for h in _EN_HEDGE) and not sme and not neg:
        acts = [t for t in clause if t.low in _EN_CUSTOMER_ACTS]
        to_other = any(o in text for o in _EN_OTHER_PERSON)
        passive_act = [t for k, t in enumerate(clause) if t.low in _EN_CUSTOMER_ACTS and any(
            w in ("was", "were", "been", "be") for w in lows[max(0, k - 3):k])]
        # a passive guess needs the customer's side in view ("on the form", "at checkout", "your ...");
        # "lost" / "left" only count when handed to someone else
        cue = any(t.has("2p") for t in sent) or any(c in stext for c in _EN_CUSTOMER_CUES)
        passive_act = [t for t in passive_act if t.low not in ("lost", "left", "forgotten", "misplaced")] if cue \
            else []
        if acts and (to_other or passive_act) and not any(w in _EN_OTHER_AGENT or w.startswith("migrat")
                                                          for w in stext.split()):
            hits.append(hit(0.9, "accusatory.suspicion", (passive_act or acts)[:1]))
    # insinuated motive: "used to avoid paying", "a way to get out of the contract"
    for j, w in enumerate(lows):
        if w in ("used", "attempt", "attempts", "excuse") and any(
                e in " ".join(lows[j + 1:j + 5]) for e in _EN_EVADE) and not (
                j > 0 and lows[j - 1] in ("we", "i", "was", "were", "is", "are", "be")) and not _apology(sent):
            hits.append(hit(0.9, "accusatory.suspicion", clause[j:j + 3]))
            break
    # habit: "bags are frequently not labelled", "are often left unlabelled by travellers"
    if any(w in _EN_HABIT for w in lows) and not sme:
        parts = [t for t in clause if t.has("part")]
        if parts and (neg or any(w.startswith("un") and w.endswith("ed") for w in lows) or any(
                "EN_CUSTOMER_3P" in t.info.cls or t.low in ("travellers", "travelers", "people", "residents",
                                                           "guests", "drivers", "patients", "tenants")
                for t in clause)):
            hits.append(hit(0.7, "accusatory.generic_blame", parts[:1]))
    # "this should not come as a surprise"
    for j, w in enumerate(lows):
        if w.startswith(("surpris",)) and any(u in ("not", "shouldn't", "no", "hardly", "never") for u in
                                              lows[max(0, j - 5):j]) and not _sorry(sent):
            hits.append(hit(0.9, "accusatory.reprimand", clause[j:j + 1]))
    # negated passive + manner / faulty manner: "was not presented correctly", "was filled in incorrectly"
    for j, t in enumerate(clause):
        if t.has("part") and not sme:
            window = " ".join(lows[j + 1:j + 5])
            before = lows[max(0, j - 3):j]
            if t.low in _EN_HANDLING and any(b in ("not", "wasn't", "weren't", "never", "isn't", "aren't")
                                             for b in before) and any(m in window for m in _EN_MANNER) and \
                    not any(w in _EN_OTHER_AGENT for w in lows):
                hits.append(hit(0.9, "accusatory.failure", clause[max(0, j - 2):j + 1]))
            if any(w in _EN_FAULTY for w in lows[max(0, j - 2):j + 4]) and not any(w in _EN_OTHER_AGENT
                                                                                   for w in lows):
                hits.append(hit(0.9, "accusatory.failure", [t]))
    # "missing from your / the application" in the past
    for j, w in enumerate(lows):
        if w == "missing" and any(b in ("was", "were") for b in lows[max(0, j - 3):j]) and \
                "from" in lows[j + 1:j + 2] and not sme:
            hits.append(hit(0.9, "accusatory.failure", clause[j:j + 2]))
    # "the passenger's own responsibility", "the subscriber's responsibility"
    for j, t in enumerate(clause):
        if "EN_RESPONSIBILITY" in t.info.cls and not neg and not me:
            pre = clause[max(0, j - 3):j]
            subject = t.low == "responsible" and any(w in ("is", "are", "remains", "remain") for w in
                                                      lows[max(0, j - 2):j])
            if any(u.low.endswith(("'s", "’s", "s'")) and "EN_CUSTOMER_3P" in u.info.cls for u in pre) or \
                    any(u.low == "own" for u in pre) or (subject and any("EN_CUSTOMER_3P" in u.info.cls for u in pre)):
                hits.append(hit(0.95, "accusatory.responsibility", [t]))
    # a rule pointed back at: "was set out / stated / explained in the guide (you received)"
    for j, t in enumerate(clause):
        if (t.low in ("stated", "explained", "described", "outlined", "specified", "listed", "mentioned",
                      "detailed", "noted", "covered") or (t.low == "set" and lows[j + 1:j + 2] == ["out"])) and \
                any(b in ("was", "were", "is", "are", "been") for b in lows[max(0, j - 3):j]) and \
                any("EN_RULE_REF" in u.info.cls for u in clause[j + 1:j + 7]) and not sme:
            got = any(w in ("received", "accepted", "signed", "agreed", "given", "sent") for w in lows[j + 1:])
            hits.append(hit(0.9 if got else 0.6, "accusatory.rule_quote", [t]))
    apology = sorry
    # overloading as the cause: "packed beyond its capacity", "if the case is overfilled"
    if any(o in text for o in _EN_OVERLOAD) and not sme and not apology and \
            not any(w.removesuffix("'s") in _EN_OTHER_AGENT for w in stext.split()):
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause[:3])))
    # "next time, it would help if you could attach ...", "in future, attaching the receipt would ..."
    if _en_hindsight(stext) and (any(t.has("2p") for t in clause) or any(
            t.has("modal") for t in clause)) and any(w in _EN_DUTY or w.rstrip("ing") in _EN_DUTY or w in _EN_HELPFUL
                                                     for w in lows) and not sme:
        hits.append(hit(0.9, "accusatory.reprimand", list(clause[:2])))
    # inverted counterfactual: "Had you read the email, ..."
    if n > 2 and lows[0] == "had" and lows[1] == "you" and (clause[2].has("part") or lows[2] in _EN_DUTY) and \
            not apology:
        hits.append(hit(1.0, "accusatory.counterfactual", clause[:3]))
    for j, t in enumerate(clause):
        # "the wrong postcode was entered at checkout": a wrong choice, passive, on the customer's side
        if t.low in _EN_CUSTOMER_ACTS and t.low not in ("lost", "left", "forgotten", "misplaced") and \
                any(w in ("was", "were", "been") for w in lows[max(0, j - 2):j]) and \
                any(w in ("wrong", "incorrect", "invalid", "outdated", "old") for w in lows[max(0, j - 5):j]) and \
                (any(u.has("2p") for u in sent) or any(c in stext for c in _EN_CUSTOMER_CUES)) and not sme and \
                not any(w in _EN_OTHER_AGENT or w.startswith("migrat") for w in stext.split()) and not apology:
            hits.append(hit(0.9, "accusatory.failure", [t]))
        # "you were informed of this in our email": pointing back at what the customer was told
        if t.low in ("informed", "notified", "told", "advised", "warned", "reminded") and \
                lows[max(0, j - 2):j] in (["you", "were"], ["were"]) and "you" in lows[max(0, j - 3):j] and \
                not neg and not apology and not any(u.low in ("i", "i've", "i'm", "i'll", "we", "we've", "we'll")
                                                    for u in sent) and \
                not any(w in ("should", "would", "could") for w in lows[:j]):
            hits.append(hit(0.9, "accusatory.as_told", clause[max(0, j - 2):j + 1]))
        # "customers who don't read the instructions ..."
        if "EN_CUSTOMER_3P" in t.info.cls and lows[j + 1:j + 2] in (["who"], ["that"]) and any(
                w in ("don't", "do", "not", "never", "fail", "forget", "ignore") for w in lows[j + 2:j + 4]) and \
                any(w in _EN_DUTY for w in lows[j + 2:j + 6]):
            hits.append(hit(0.9, "accusatory.generic_blame", clause[j:j + 4]))
    # "the error was not on our side": denying our part points at the customer
    if any(w in ("error", "mistake", "fault", "problem", "issue") for w in lows) and (
            " not on our side" in text or " not on our end" in text or " not our " in text or
            " wasn't on our " in text or " not with us" in text) and not apology:
        hits.append(hit(0.9 if any(u.has("2p") for u in sent) or "so" in lows else 0.8, "accusatory.failure",
                        list(clause[:3])))
    return hits


def _en_hits(clause: Sequence[Token], sent: Sequence[Token], question: bool,
             memo: SentMemo | None = None) -> list[Hit]:
    hits: list[Hit] = []
    scls, ccls = L.union(sent), L.union(clause)
    neg = _neg(clause)
    has2 = any(t.has("2p") for t in clause)
    me = any(t.low in ("i", "i've", "i'm", "i'll", "we", "we've", "we're", "we'll") for t in clause)
    lows = [t.low for t in clause]
    stext = " ".join(t.low for t in sent)
    hindsight = _en_hindsight(stext)
    n = len(clause)
    hits.extend(_en_phenomena(clause, sent, me, neg, {} if memo is None else memo))
    for i, t in enumerate(clause):
        low = t.low
        nxt = lows[i + 1:i + 6]
        # -- hindsight reproach: you should/could have + duty (not "you should have been told")
        if low in ("you", "it", "this", "they", "that", "which", "label", "details") and nxt and nxt[0] in (
                "should", "could", "ought", "would", "should've", "could've", "would've", "must"):
            seq = nxt
            if any(w in ("not", "never") or w.endswith("n't") for w in seq[:2]):
                pass
            else:
                k = 1 if not seq[0].endswith("'ve") else 0
                if seq[0] == "ought":
                    k = 2
                if k == 0 or (len(seq) > k and seq[k] == "have"):
                    verb_i = k + 1 if k else 1
                    rest = seq[verb_i:verb_i + 2]
                    if rest:
                        v = rest[0]
                        if v == "been" and len(rest) > 1:
                            v = rest[1]
                            passive = True
                        else:
                            passive = False
                        if v in _EN_RECEIVE or v in ("had",) or _apology(sent):
                            pass  # admission: "you should have been told / received"
                        elif low == "you":
                            hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 3]))
                        elif passive and not me:
                            evaluative = v in _EN_EVALUATIVE and not any(u.low in _EN_SAY for u in clause[i:])
                            hits.append(hit(0.9 if evaluative else 0.7, "accusatory.counterfactual", clause[i:i + 3]))
        if low == "if" and nxt[:2] == ["you", "had"] and len(nxt) > 2 and nxt[2] not in _EN_RECEIVE:
            hits.append(hit(1.0, "accusatory.counterfactual", clause[i:i + 4]))
        if low in ("avoided", "avoidable", "preventable", "prevented") and not me and not neg:
            hits.append(hit(0.8, "accusatory.counterfactual", [t]))
        if low in ("avoid", "prevent") and any(w in ("this", "such", "these", "similar", "repeat", "further")
                                               for w in nxt[:3]) and not S.first_person_actions(sent, "en"):
            hits.append(hit(0.8, "accusatory.counterfactual", clause[i:i + 2]))
        # -- second person failure / your mistake
        if low in ("you", "you've", "you'd") and not neg:
            for u in clause[i + 1:i + 4]:
                if u.low in _EN_FAILURE:
                    hits.append(hit(1.0, "accusatory.failure", [t, u]))
                    break
                if u.low not in ("have", "had", "clearly", "simply", "already", "obviously", "then"):
                    break
        if low == "your" and i + 1 < n and L.EN_BLAME_NOUN.match(clause[i + 1]) and not S.negated(clause, i, 3):
            hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2]))
        if low in ("negligence", "negligent", "careless", "carelessness", "carelessly") and \
                not S.negated(clause, i, 3):
            hits.append(hit(0.9, "accusatory.failure", [t]))
        if low == "you" and nxt:
            k = -1
            if nxt[0] in ("didn't", "haven't", "hadn't", "never", "weren't"):
                k = 1
            elif nxt[0] in ("did", "have", "had") and len(nxt) > 1 and nxt[1] in ("not", "never"):
                k = 2
            if k > 0 and len(nxt) > k - 1 + 1 and i + 1 + k < n:
                verb = clause[i + 1 + k]
                if verb.lemma in _EN_DUTY or verb.low in _EN_DUTY:
                    hits.append(hit(1.0, "accusatory.failure", clause[i:i + 2 + k]))
        # -- suspicious questions / inferences about sharing credentials
        if (low in _EN_DISCLOSE or t.lemma in _EN_DISCLOSE) and any(w in _EN_CREDENTIAL for w in lows) and \
                not neg and (question or has2 or "someone" in lows or "anyone" in lows or "customers" in lows):
            hits.append(hit(0.9 if question or "someone" in lows or "anyone" in lows else 0.6,
                            "accusatory.suspicion", [t]))
        if low == "must" and nxt[:2] == ["have", "had"] and "access" in nxt:
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        # -- "as (already) told / as stated in", "clearly states", "widely known"
        if low == "as" and nxt and nxt[0] not in ("soon", "well", "much", "long", "far", "quickly", "possible",
                                                  "a", "an", "promised", "agreed"):
            window = clause[i + 1:i + 7]
            for k, u in enumerate(window):
                if u.low in _EN_SAY:
                    before = [w.low for w in window[:k]]
                    if before[:1] == ["i"] and any(w in ("previous", "earlier", "last", "already", "before", "above",
                                                         "repeatedly", "twice") for w in lows[i + 1:i + 10]):
                        hits.append(hit(0.9, "accusatory.as_told", [t, u]))
                        break  # "as I explained in my previous message": the earlier telling pointed back at
                    if before[:1] in (["you"], ["i"]) and not any(w in ("were", "have", "'ve", "had", "been")
                                                                  for w in before[1:]):
                        break  # "as you mentioned", "as I said" (self-reference)
                    w = 1.0 if any(b in ("already", "previously", "repeatedly", "clearly") for b in before) \
                        or before[:1] == ["you"] or (k + 1 < len(window) and window[k + 1].low == "you") else 0.9
                    hits.append(hit(w, "accusatory.as_told", [t, u]))
                    break
        if low in ("already", "previously") and nxt and nxt[0] in _EN_SAY and "you" in nxt[:3]:
            hits.append(hit(1.0, "accusatory.as_told", clause[i:i + 2]))
        if low in ("once", "yet") and nxt[:1] == ["again"]:
            hits.append(hit(0.5, "accusatory.as_told", clause[i:i + 2]))
        if low == "for" and len(nxt) >= 2 and nxt[0] == "the" and nxt[1] in ("second", "third", "fourth", "last",
                                                                             "nth", "umpteenth"):
            hits.append(hit(0.6, "accusatory.as_told", clause[i:i + 3]))
        if ("EN_CLEARLY" in t.info.cls) and (any(u.low in _EN_SAY for u in clause) or "EN_RULE_REF" in scls):
            both = "EN_RULE_REF" in scls and any(u.low in _EN_SAY for u in clause)
            hits.append(hit(0.9 if both else 0.8, "accusatory.rule_quote", [t]))
        if low == "widely" and nxt[:1] == ["known"] or low == "common" and nxt[:1] == ["knowledge"]:
            hits.append(hit(0.7, "accusatory.rule_quote", clause[i:i + 2]))
        if low in ("accepted", "agreed") and "EN_RULE_REF" in scls and \
                any(u.low in ("you", "which") for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.9, "accusatory.rule_quote", [t]))
        if ("EN_RULE_REF" in t.info.cls) and any(u.low in _EN_SAY for u in clause[i + 1:i + 4]) and \
                any(("EN_CUSTOMER_3P" in u.info.cls) or u.has("2p") for u in clause) and not me:
            hits.append(hit(0.8, "accusatory.rule_quote", [t]))
        # -- hindsight advice
        if hindsight and low in _EN_ADVICE:
            hits.append(hit(0.9, "accusatory.reprimand", [t]))
        if low in ("carefully", "properly", "correctly") and (has2 or "please" in lows or "worth" in lows
                                                              or any(u.has("modal") for u in clause)):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low in ("careful",) and any(w in ("please", "be") for w in lows[max(0, i - 3):i]):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        if low == "well" and nxt[:2] == ["in", "advance"] or low == "in" and nxt[:1] == ["advance"] and \
                any(w in ("recommend", "should", "advise", "suggest") for w in lows):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low in ("recommend", "advise") and "always" in lows[max(0, i - 2):i]:
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        # a general maxim about what the customer just did: "you should always ..." (the English of "kannattaa aina")
        if low == "always" and not me and lows[i - 1:i] in (["should"], ["must"]) and "you" in lows[max(0, i - 3):i]:
            hits.append(hit(0.6, "accusatory.reprimand", clause[max(0, i - 1):i + 2]))
        if low == "before" and nxt and nxt[0].endswith("ing") and nxt[0][:-3] in (
                "contact", "call", "report", "email", "writ", "complain", "messag", "disput", "claim", "rais",
                "escalat", "reach", "order", "book", "buy", "purchas", "sign", "submitt", "send", "pay"):
            hits.append(hit(0.6 if any(u.low in ("first", "please", "own", "make", "check") for u in sent)
                            else 0.4, "accusatory.reprimand", clause[i:i + 2]))
        # -- do not contact us again
        if low in ("don't", "do", "stop", "please") and nxt:
            rest = nxt[:5]
            if (low == "stop" or "not" in rest[:1] or low == "don't") and any(
                    w in ("contact", "contacting", "call", "calling", "email", "emailing", "write", "writing",
                          "message", "messaging") for w in rest) and any(
                    w in ("again", "anymore", "further", "us") for w in rest):
                hits.append(hit(1.0, "accusatory.dont_contact", clause[i:i + 3]))
        # -- responsibility / own decision / risk
        if ("EN_RESPONSIBILITY" in t.info.cls) and not (neg and "cannot" not in lows and "can't" not in lows):
            near = clause[max(0, i - 5):i + 5]
            if any(u.has("2p") or ("EN_CUSTOMER_3P" in u.info.cls) or u.low == "own" for u in near) and not (
                    me and not any(u.has("2p") for u in near)):
                direct = i > 0 and clause[i - 1].low in ("your", "yours") or any(
                    u.low in ("you", "you're", "yourself") for u in clause[max(0, i - 3):i])
                hits.append(hit(0.95 if direct else 0.8, "accusatory.responsibility", [t]))
        if low == "own" and i + 1 < n and clause[i + 1].low in ("risk", "decision", "choice"):
            hits.append(hit(0.9, "accusatory.responsibility", clause[i:i + 2]))
        if low == "your" and i + 1 < n and clause[i + 1].low in ("decision", "choice"):
            hits.append(hit(0.6, "accusatory.responsibility", clause[i:i + 2]))
        if low in ("cannot", "can't") and (nxt[:2] == ["be", "responsible"] or nxt[:3] == ["be", "held",
                                                                                          "responsible"]):
            hits.append(hit(0.8 if any(u.has("2p") for u in sent) else 0.5, "accusatory.responsibility",
                            clause[i:i + 3]))
        if ("EN_RISK" in t.info.cls) and any(u.low in ("always", "your", "own") for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", [t]))
        # -- suspicion / doubt
        if ("EN_SUSPICION" in t.info.cls) and not S.negated(clause, i, 4):
            w = 0.9 if "EN_INDICATE" in scls or _own_request(sent, False) else 0.5 if has2 else 0.4
            hits.append(hit(w, "accusatory.suspicion", [t]))
        if low in ("are", "you're") and ("sure" in nxt[:2] or "certain" in nxt[:2]) and (
                low == "you're" or nxt[:1] == ["you"]) and question:
            hits.append(hit(0.7, "accusatory.suspicion", clause[i:i + 3]))
        if low in ("system", "records", "log", "logs") and any(w in ("shows", "show", "indicate", "indicates")
                                                                 for w in nxt[:2]) and any(
                w in ("only", "no", "correct", "correctly") for w in nxt[:4]):
            hits.append(hit(0.3, "accusatory.suspicion", clause[i:i + 3]))
        if low == "no" and nxt[:2] == ["record", "of"] or low == "no" and nxt[:1] == ["error"]:
            hits.append(hit(0.3, "accusatory.suspicion", clause[i:i + 2]))
        if low == "if" and nxt[:1] == ["you"] and len(nxt) > 1 and nxt[1] in ("believe", "think", "feel", "claim"):
            hits.append(hit(0.5, "accusatory.suspicion", clause[i:i + 3]))
        if low in ("claim", "claimed", "allegedly", "supposedly") and has2:
            hits.append(hit(0.5, "accusatory.suspicion", [t]))
        # -- reprimands
        if ("EN_REPRIMAND" in t.info.cls) and not neg and not (i + 1 < n and clause[i + 1].low in _EN_TXN) and \
                not (i > 0 and clause[i - 1].low == "the" and any(u.low in _EN_TXN for u in sent)):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if ("EN_PATIENCE" in t.info.cls) and not neg and any(u.low in ("be", "your", "ask", "appreciate", "request")
                                                      for u in clause[max(0, i - 3):i]):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        if low == "instead" and nxt[:1] == ["of"] and any(u.has("2p") or u.low == "please" for u in sent):
            hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
    # burden of proof: "please send us photos showing ...", "if you have a receipt"
    for i, t in enumerate(clause):
        low = t.low
        nxt = lows[i + 1:i + 6]
        if low == "send" and "us" in nxt[:2] and any(w in ("photos", "photo", "proof", "evidence", "receipt",
                                                          "pictures", "picture") for w in nxt[:4]) and \
                any(w in ("showing", "proving", "prove", "show", "that") for w in lows[i + 1:i + 8]):
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        if low == "if" and nxt[:2] == ["you", "have"] and any(w in ("proof", "evidence", "receipt") for w in nxt[:5]):
            hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        # causal negation: "as this was not in place", "since you did not"
        if low in ("as", "since", "because") and nxt[:1] and nxt[0] in ("this", "you", "it", "that") and \
                (any(w in ("not", "never") or w.endswith("n't") for w in nxt[1:4]) or "without" in nxt[1:6]) and \
                not me:
            hits.append(hit(0.4, "accusatory.failure", clause[i:i + 4]))
        # denying an error: "the charge is correct", "errors are extremely rare"
        if low == "correct" and any(w in ("charge", "fee", "bill", "invoice", "amount", "charges") for w in
                                    lows[max(0, i - 4):i]) and not neg:
            hits.append(hit(0.4, "accusatory.rule_quote", clause[max(0, i - 3):i + 1]))
        if low == "rare" and any(w in ("extremely", "very") for w in lows[max(0, i - 2):i]):
            hits.append(hit(0.3, "accusatory.suspicion", [t]))
        # "terms apply regardless of ..."
        if low == "regardless" and "EN_RULE_REF" in scls:
            hits.append(hit(0.4, "accusatory.rule_quote", [t]))
        # behaviour as the cause: "caused by the way a car is driven", "due to driving habits"
        if ("EN_CAUSE" in t.info.cls) and any(w in ("habits", "habit", "driven", "driving", "handled", "handling",
                                                     "misuse", "misused", "way") for w in lows[i + 1:i + 7]) and \
                not me and not _exculpated(sent):
            hits.append(hit(0.6, "accusatory.generic_blame", clause[i:i + 4]))
        # "we need to confirm the fault is not due to ..."
        if low in ("confirm", "verify", "ensure", "check") and any(w in ("not", "isn't", "wasn't") for w in nxt[:5]) \
                and any(w in ("due", "caused", "because") for w in nxt[:7]):
            hits.append(hit(0.5, "accusatory.suspicion", clause[i:i + 3]))
        # unsolicited lecture: "we recommend that borrowers take out insurance"
        if low in ("recommend", "advise", "suggest") and any(w in ("we", "we'd", "always") for w in
                                                             lows[max(0, i - 2):i]) and \
                any("EN_CUSTOMER_3P" in u.info.cls for u in clause):
            hits.append(hit(0.4, "accusatory.reprimand", [t]))
    cause_i = next((k for k, t in enumerate(sent) if "EN_CAUSE" in t.info.cls), None)
    if _exculpated(sent):
        cause_i = None
    if any(("EN_QUANT_GENERIC" in t.info.cls) or t.low in ("always", "only") for t in clause) and \
            cause_i is not None and any(("EN_CUSTOMER_SIDE" in t.info.cls) or t.low in (
                "incorrect", "wrong", "wrongly") for t in sent) and \
            not any(t.has("neg") for t in sent[max(0, cause_i - 3):cause_i + 1]) and not me:
        hits.append(hit(0.9, "accusatory.generic_blame", list(clause)))
    return hits


# "duplicate charges", "päällekkäinen veloitus": a double entry on our side, not a customer reprimand
_EN_TXN = frozenset(("charge", "charges", "payment", "payments", "transaction", "transactions", "debit", "debits", "booking", "bookings", "invoice", "invoices", "bill", "bills", "order", "orders", "entry", "entries", "authorisation", "authorization"))
_FI_TXN = ("veloit", "maksu", "lasku", "tilau", "varau", "kirjau", "katevarau", "tapahtum")
_EVIDENCE = ("photo", "picture", "record", "log", "system", "tracking", "scan", "signature", "kuva", "valokuv",
             "järjestelm", "seuranta", "seurannan", "lokitie", "kirjau", "allekirjoitu")
_FI_OBLIG = frozenset(["tulee", "pitää", "täytyy", "kuuluu", "velvollinen", "edellytetään", "odotetaan"])
_EN_OBLIG = frozenset(["must", "should", "expected", "required", "obliged", "need", "needs", "ought"])
_EN_OWN = frozenset(["own", "themselves", "yourself", "himself", "herself", "themself"])


def _shared_hits(clause: Sequence[Token], sent: Sequence[Token], lang: str, me: bool) -> list[Hit]:
    """Constructions of both languages:

    - the customer's own duty stated as a rule about customers: "asiakkaan tulee itse seurata ...",
      "patients are expected to chase their own ...";
    - a "reminder" of what should have been done: "muistuttaisimme, että ... tulee varautua",
      "we'd like to remind you that ... must ...";
    - a benefit that depended on the customer remembering: "vain, jos asiakas muistaa ...",
      "only if the customer remembers to ...";
    - asking the customer to confirm they did it right: "please confirm that you followed ...",
      "vahvista, että noudatit ...";
    - "make sure your X is ...": their thing is implied to be the problem.
    """
    hits: list[Hit] = []
    lows = [t.low for t in clause]
    sub = next((k for k, w in enumerate(lows) if k and w in ("if", "when", "unless", "jos", "kun", "mikäli")),
               len(lows))  # negation inside "if they haven't heard" does not negate the main clause
    neg = any(t.has("neg") or t.low in ("not", "don't", "doesn't", "never", "no") for t in clause[:sub])
    fi = lang == "fi"
    cust = [t for t in clause if ("FI_CUSTOMER_3P" if fi else "EN_CUSTOMER_3P") in t.cls]
    if cust and not neg:
        oblig = any(w in (_FI_OBLIG if fi else _EN_OBLIG) for w in lows) or (
            not fi and any(lows[k:k + 2] == ["have", "to"] or lows[k:k + 2] == ["has", "to"] for k in range(len(lows))))
        own = any(t.low == "itse" or t.low.startswith(("oma", "omi")) for t in clause) if fi else \
            any(w in _EN_OWN for w in lows)
        if oblig and own:
            hits.append(hit(0.9, "accusatory.responsibility", cust[:1]))
    for i, t in enumerate(clause):
        lem = t.vlemma or t.lemma
        # a reminder of a duty
        if (lem == "muistuttaa" and (t.has("1pl") or t.has("1sg") or t.has("cond")) or
                t.low == "remind" and any(w in ("we", "i", "we'd", "i'd", "like", "would") for w in lows[:i])) and \
                any((u.low in _FI_OBLIG or u.low in ("kannattaa", "hyvä")) if fi else
                    (u.low in _EN_OBLIG or u.low == "important") for u in sent):
            hits.append(hit(0.6, "accusatory.reprimand", [t]))
        # "(only) if the customer remembers to ..."
        if (lem == "muistaa" if fi else t.low in ("remembers", "remember")) and not t.has("imp") and \
                any(u.low in ("jos", "mikäli", "if", "provided", "unless") for u in clause[max(0, i - 4):i]) and \
                any(("CUSTOMER_3P" in " ".join(u.cls)) or u.has("2p") for u in clause[max(0, i - 3):i]):
            only = any(u.low in ("vain", "ainoastaan", "only") for u in sent)
            hits.append(hit(0.6 if only else 0.4, "accusatory.failure", [t]))
        # "please confirm that you followed / vahvista, että noudatit"
        if (lem in ("vahvistaa", "varmistaa") if fi else t.low in ("confirm", "verify")) and not me and \
                i + 3 < len(clause) + 1:
            nxt = clause[i + 1:i + 5]
            if any(u.low in ("että", "that") for u in nxt[:1]) or any(u.low == "you" for u in nxt[:1]):
                if any(u.has("2p") and u.has("past") or (not fi and u.low.endswith("ed") and u is not nxt[0])
                       for u in nxt) and any(u.has("2p") or u.low == "you" for u in nxt):
                    hits.append(hit(0.6, "accusatory.suspicion", clause[i:i + 3]))
        # "the photo / our records confirm the parcel was delivered": evidence set against their account
        if (lem in ("vahvistaa", "osoittaa", "näyttää") and not t.has("imp") if fi else
                t.low in ("confirms", "confirm", "shows", "show", "prove", "proves")) and not me and not neg and \
                i > 0 and any(u.low.startswith(_EVIDENCE) for u in clause[max(0, i - 3):i]):
            rest = lows[i + 1:i + 8]
            if fi and any(w in ("on", "oli") for w in rest) and any(
                    u.has("part") and u.has("pass") or u.low.endswith(("ttu", "tty")) for u in clause[i + 1:i + 8]) \
                    or not fi and any(w in ("was", "were", "has", "had") for w in rest) and any(
                    w.endswith("ed") for w in rest):
                hits.append(hit(0.4, "accusatory.suspicion", clause[i - 1:i + 1]))
        # "please make sure your door number is visible"
        if not fi and t.low == "make" and lows[i + 1:i + 3] == ["sure", "your"] and any(
                w in ("is", "are") for w in lows[i + 3:i + 7]) and not me:
            hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
    return hits


# --------------------------------------------------------------------------- implied fault (both languages)
_HABITUAL = {"fi": frozenset("yleensä tavallisesti useimmiten usein tyypillisesti pääsääntöisesti aina".split()),
             "en": frozenset("usually typically generally commonly normally often mostly always".split())}
_FI_CAUSE_LEMMAS = frozenset(["johtua", "syntyä", "aiheutua", "aiheuttaa", "tarkoittaa", "merkitä", "viitata",
                              "kertoa", "tapahtua"])
_FI_CAUSE_WORDS = frozenset(["kun", "jos", "mikäli", "koska", "kun taas"])
_EN_CAUSE_WORDS = frozenset("when whenever if because means mean meant indicates indicate suggests suggest "
                            "caused due result results resulting from".split())
# a judgement of how something was done, or too much of it
_FI_FAULT = ("riittämät", "puutteellis", "väär", "virheellis", "huono", "huolimat", "useammin", "kahdesti",
             "kahteen", "toistuvasti", "epäasianmukais", "liian")
_EN_FAULT = frozenset("insufficient inadequate improper improperly incorrect incorrectly wrong wrongly poor poorly "
                      "careless carelessly twice repeatedly excessive excessively too".split())
_FI_ACTION_NOUN = ("minen", "misen", "mista", "mistä", "misessa", "misessä", "miseen", "mistaan", "mistään")
_FI_ADVICE_LEMMAS = frozenset(["kannattaa", "suositella", "kehottaa", "muistaa", "huolehtia", "varmistaa"])
_EN_ADVICE_CUES = frozenset("should recommend recommended advise advised always worth best suggest ensure "
                            "please".split())
_EN_COPY = frozenset("screenshot screenshots copy copies photocopy photocopies scan scans photo photos photograph "
                     "photographs picture pictures printout".split())
_FI_COPY = ("kuvakaappau", "kopio", "valokuv", "kuva", "skannau", "tuloste")
_ONLY = frozenset(["a", "an", "just", "merely", "simply", "only", "pelkkä", "pelkkää", "pelkästään"])
_EN_ORIGINAL = frozenset("original originals signed genuine certified need require required must accept".split())
_FI_ORIGINAL = ("alkuperäi", "allekirjoitet", "tarvitse", "tarvitaan", "edellyt", "hyväksy")
_DIRECTED = frozenset(["please", "should", "try", "must", "need"])
_EN_PROPER = frozenset("proper valid adequate sufficient appropriate correct required necessary acceptable".split())
_FI_PROPER = ("asianmukai", "pätev", "riittäv", "asiallis", "vaadittav", "tarvittav", "hyväksyttäv", "kelvollis")
_EN_SANCTION = frozenset("charged rejected declined refused denied cancelled canceled penalised penalized fined "
                         "voided invalidated".split())
_FI_SANCTION = ("hylät", "hylkä", "veloitet", "evät", "laskutet", "mitätö", "peruute", "sakot")
_EN_MANY = frozenset("lot lots many plenty numerous number".split())
_EN_REQUESTS = frozenset("requests claims applications cancellations refunds complaints".split())
_FI_REQUESTS = ("pyyntö", "pyyntöj", "hakemu", "vaatimu", "reklamaati", "peruutu", "peruutuks")
_EXPLAINS = frozenset("so which because why due means longer delay delays queue queues backlog joten siksi vuoksi "
                      "takia minkä ruuhka ruuhkaa jono jonoa viive pidempään".split())


@lru_cache(maxsize=50_000)
def _implied_trigger(low: str, fi: bool) -> bool:
    """Can this word start one of the per-word constructions of ``_implied_fault``? (cached: most words can't)"""
    if fi:
        return low in ("emme", "en", "enemmän", "ei", "eikä", "ilman") or low.startswith((
            "välinen", "välisen", "välise", "välistä", "huolellisemm", "huolellisemp", "tarkkaavaisemm",
            "tarkkaavaisemp", "varovaisemm", "varovaisemp")) or any(r in low for r in _FI_REQUESTS)
    return low in ("responsible", "liable", "responsibility", "liability", "between", "more", "closer", "greater",
                   "not", "without") or low in _EN_REQUESTS or low.endswith(("requests", "claims"))


def _habitual_fault(sent: Sequence[Token], lang: str) -> Hit | None:
    """"Kaksoisveloitus syntyy yleensä, kun painiketta painetaan useammin kuin kerran", "breakage like this
    usually means insufficient packaging": a habitual cause pinned on how someone (the customer) acted -- a
    judgement of the action (wrong, insufficient, twice, too ...) after the cause word, with an action (a passive,
    a participle / gerund, "you", "customers") and no company or third-party agent in it."""
    fi = lang == "fi"
    habit = _HABITUAL[lang]
    h = next((k for k, t in enumerate(sent) if t.low in habit or (not fi and t.low == "most" and k + 1 < len(sent)
                                                                   and sent[k + 1].low in ("often", "cases"))), None)
    if h is None:
        return None
    c = next((k for k, t in enumerate(sent) if k > 0 and (
        (t.low in _FI_CAUSE_WORDS or _lem(t) in _FI_CAUSE_LEMMAS) if fi else t.low in _EN_CAUSE_WORDS)), None)
    if c is None or abs(c - h) > 6 or any(t.has("neg") for t in sent[:c]):
        return None
    scope = sent[c + 1:]
    if fi:
        fault = [t for t in scope if t.low.startswith(_FI_FAULT) and not t.low.startswith("väärinkäy")]
        act = any(t.has("pass") or t.has("part") or t.low.endswith(_FI_PP_END) or (t.has("2p") and t.has("verb")) or
                  "FI_CUSTOMER_3P" in t.cls or t.low.endswith(_FI_ACTION_NOUN) for t in scope)
        agent = any(t.low.startswith(_FI_OTHER_AGENT) for t in scope)
    else:
        lows = [t.low for t in scope]
        fault = [t for k, t in enumerate(scope) if t.low in _EN_FAULT or
                 t.low == "more" and lows[k + 1:k + 3] == ["than", "once"]]
        act = any(t.has("2p") or "EN_CUSTOMER_3P" in t.cls or (len(t.low) > 5 and t.low.endswith("ing")) or
                  (t.has("part") and t.low.endswith("ed")) for t in scope)
        agent = any(w.removesuffix("'s") in _EN_OTHER_AGENT or w.startswith("migrat") for w in lows)
    if not fault or not act or agent:
        return None
    if (_first_person(sent) if fi else any(t.has("1sg") or t.has("1pl") for t in sent)) or _sorry(sent) or \
            _exculpated(sent):
        return None
    return hit(0.9, "accusatory.generic_blame", [sent[h], fault[0]] if sent[h].start < fault[0].start else [fault[0]])


def _advice_in(sent: Sequence[Token], lang: str) -> bool:
    if lang == "fi":
        return any(_lem(t) in _FI_ADVICE_LEMMAS or t.low in _FI_ADVICE or t.has("imp") for t in sent)
    lows = [t.low for t in sent]
    return any(w in _EN_ADVICE_CUES for w in lows) or "make sure" in " ".join(lows)


def _implied_fault(clause: Sequence[Token], sent: Sequence[Token], lang: str) -> list[Hit]:
    """Blame carried by the shape of the reply rather than by "you did":

    - a habitual cause pinned on the customer's handling (``_habitual_fault``);
    - a disclaimer of our part given as the reason for advice: "kannattaa aina varata aikaa, koska emme vastaa
      muiden yhtiöiden aikatauluista", "we're not responsible for connections, so always allow extra time";
    - the matter declared the customer's business with someone else: "X:n ja sinun välinen asia",
      "a matter between you and the seller";
    - "be more careful": a comparative of care asked of the customer ("take more care", "huolellisemmin");
    - distrust of the evidence: "an original certificate, not a screenshot", "alkuperäinen kuitti, ei kopiota";
    - a sanction for missing or improper documents: "requests without valid proof will be rejected",
      "ilman asianmukaista todistusta tehdyt hakemukset hylätään";
    - insinuation from how often such requests come: "we get a lot of refund requests right after sales".
    Each is weak alone (except the habitual fault, the "between you" and the "be more careful") and voided by
    the writer acting in the sentence."""
    hits: list[Hit] = []
    fi = lang == "fi"
    first = bool(clause) and bool(sent) and clause[0] is sent[0]
    if first:
        h = _habitual_fault(sent, lang)
        if h is not None:
            hits.append(h)
    todo = [i for i, t in enumerate(clause) if _implied_trigger(t.low, fi)]
    if not todo:
        return hits
    lows = [t.low for t in clause]
    acts = None
    for i in todo:
        t = clause[i]
        low = t.low
        # a disclaimer of our part as the reason for advice
        if fi and low in ("emme", "en") and any(_lem(u) == "vastata" for u in clause[i + 1:i + 3]) and \
                any(u.low.endswith(("sta", "stä")) and u.content and not u.has("verb") for u in clause[i + 2:i + 7]):
            hits.append(hit(0.4 if _advice_in(sent, lang) else 0.2, "accusatory.responsibility", clause[i:i + 2]))
        if not fi and low in ("responsible", "liable", "responsibility", "liability") and \
                any(w in ("not", "no", "isn't", "aren't", "never") for w in lows[max(0, i - 3):i]) and \
                any(w in ("we", "we're", "our", "company") for w in lows[max(0, i - 5):i]):
            hits.append(hit(0.4 if _advice_in(sent, lang) else 0.2, "accusatory.responsibility",
                            clause[max(0, i - 2):i + 1]))
        # "välinen asia", "between you and ..."
        if fi and low.startswith(("välinen", "välisen", "välise", "välistä")) and \
                any(u.low in ("sinun", "teidän", "sinä", "te") or "FI_CUSTOMER_3P" in u.cls for u in clause) and \
                any(u.lemma in ("asia", "kysymys", "riita", "sopimus", "erimielisyys") or u.low.startswith("asia")
                    for u in clause[i + 1:i + 3]) and not _first_person(sent):
            hits.append(hit(0.9, "accusatory.responsibility", [t]))
        if not fi and low == "between" and (lows[i + 1:i + 3] == ["you", "and"] or lows[i + 1:i + 2] == ["the"] and
                                            i + 3 < len(clause) and "EN_CUSTOMER_3P" in clause[i + 2].cls and
                                            lows[i + 3] == "and") and any(
                u.low in ("matter", "issue", "dispute", "something", "affair", "agreement", "contract", "arrangement",
                          "question") for u in sent) and not any(u.has("1sg") or u.low in ("we", "we'll", "we've")
                                                                  for u in sent):
            hits.append(hit(0.9, "accusatory.responsibility", clause[i:i + 3]))
        # "take more care", "be more careful", "huolellisemmin"
        if (fi and low.startswith(("huolellisemm", "huolellisemp", "tarkkaavaisemm", "tarkkaavaisemp",
                                   "varovaisemm", "varovaisemp")) or
                fi and low == "enemmän" and lows[i + 1:i + 2] == ["huomiota"] or
                not fi and low in ("more", "closer", "greater") and lows[i + 1:i + 2] and lows[i + 1] in (
                    "care", "careful", "carefully", "attention", "caution", "cautious")):
            directed = any(u.has("imp") or u.has("2p") and (u.has("verb") or u.has("pron2")) or
                           u.low in _DIRECTED or u.low in _FI_ADVICE for u in clause) or (
                not fi and i > 0 and clause[0].low in ("take", "be", "pay"))
            if directed and not (_first_person(clause) if fi else any(
                    u.has("1sg") or u.low in ("we", "we'll", "we've", "we're") for u in clause)):
                hits.append(hit(0.9, "accusatory.reprimand", clause[i:i + 2]))
        # "..., not a screenshot" / "..., ei kuvakaappausta"
        if (low == "not" if not fi else low in ("ei", "eikä")) and not S.negated(clause, i, 1):
            nxt = [u for u in clause[i + 1:i + 4] if u.low not in _ONLY]
            if nxt and (nxt[0].low in _EN_COPY if not fi else nxt[0].low.startswith(_FI_COPY)) and (
                    any(u.low in _EN_ORIGINAL for u in sent) if not fi else
                    any(u.low.startswith(_FI_ORIGINAL) for u in sent)):
                hits.append(hit(0.5, "accusatory.suspicion", [t, nxt[0]]))
        # "without proper documentation ... will be charged / rejected"
        if low == ("ilman" if fi else "without") and any(
                (u.low.startswith(_FI_PROPER) if fi else u.low in _EN_PROPER) for u in clause[i + 1:i + 4]) and \
                any((u.low.startswith(_FI_SANCTION) if fi else u.low in _EN_SANCTION) for u in sent):
            hits.append(hit(0.4, "accusatory.reprimand", clause[i:i + 3]))
        # "we see a lot of freeze requests right after the holidays"
        if (any(r in t.low for r in _FI_REQUESTS) if fi else t.low in _EN_REQUESTS or
                t.low.endswith("requests") or t.low.endswith("claims")) and \
                any((u.low in ("paljon", "runsaasti", "lukuisia", "useita", "monia") if fi else u.low in _EN_MANY)
                    for u in clause[max(0, i - 4):i]) and \
                any((u.low in ("jälkeen", "heti", "aina", "aikana", "aikaan", "ennen") or u.low.startswith("sesong")
                     if fi else u.low in ("after", "following", "around", "every", "during", "before"))
                    for u in clause[i + 1:i + 5]) and \
                any((u.low in ("saamme", "näemme", "meille", "tulee") if fi else u.low in (
                    "we", "we've", "see", "get", "receive")) for u in clause[:i]) and \
                not any(u.low in _EXPLAINS for u in sent):
            if acts is None:
                acts = S.first_person_actions(sent, lang)
            if not acts:
                hits.append(hit(0.4, "accusatory.suspicion", clause[max(0, i - 3):i + 1]))
    return hits


# --------------------------------------------------------------------------- stance (both languages)
# words that can start one of the constructions of ``_stance`` (a cheap pre-filter per clause)
_FI_AVAILABLE = ("käytettävissä", "saatavilla", "saatavissa", "nähtävissä", "nähtävillä", "luettavissa",
                 "tiedossasi", "tiedossanne", "ulottuvilla")
_FI_PERFECT_BE = frozenset(["ollut", "olleet", "oli", "olivat", "olleen"])
_EN_AVAILABLE = frozenset("available accessible visible".split())
_FI_SIMPLE = ("helppo", "helpp", "yksinkertai", "vaivato", "simppel", "vaivaton")
_FI_INTENS = frozenset("oikeastaan todella hyvin aivan varsin erittäin tosi oikeasti pohjimmiltaan".split())
_EN_SIMPLE = frozenset("easy simple straightforward trivial".split())
_EN_INTENS = frozenset("really actually quite very pretty incredibly perfectly extremely super".split())
_FI_MOST = ("useimm", "kuka tahansa", "kenelle tahansa", "keneltä tahansa", "kaikilta", "valtaosa", "jokainen")
_FI_ABLE = frozenset(["onnistua", "osata", "pystyä", "selvitä", "oppia", "selviytyä"])
_EN_MOST = ("most people", "most customers", "most users", "most of our customers", "anyone", "anybody",
            "everyone", "everybody", "the majority of")
_EN_ABLE = frozenset("manage manages managed can able figure handle cope".split())
_FI_SKILL = ("osaamist", "taitoj", "taitoa", "erityistaito", "tietotaito", "asiantuntemust")
_EN_SKILL = frozenset("skills skill knowledge expertise know-how experience".split())
_FI_EVIDENT = ("selvä", "selkeä", "ilmeinen", "ilmeise", "yksiselittei", "ilmiselvä")
_FI_SIGN = ("merkki", "merki", "osoitus", "osoituks", "viite", "vihje")
_EN_EVIDENT = frozenset("clear obvious unmistakable evident telltale tell-tale".split())
_EN_SIGN = frozenset("sign signs indication indications signal indicator".split())
_FI_SINCERE = frozenset(["tosissaan", "vakavissaan", "tosissasi", "vakavissasi"])
_EN_SINCERE = frozenset("really seriously genuinely truly actually".split())
_EN_KEEN = frozenset("interested serious keen committed".split())
_FI_HAPPEN = frozenset(["tapahtua", "sattua", "toistua", "käydä"])
_FI_AGAIN = frozenset(["enää", "uudelleen", "jatkossa", "uudestaan", "toiste"])
_FI_ADVISE = frozenset(["kannattaa", "kannattaisi", "pitää", "pitäisi", "tulee", "tulisi", "suosittelemme",
                        "suosittelen", "parasta", "paras", "viisainta", "hyvä"])
_EN_ADVISE = frozenset("best better should worth recommend recommended advisable ideally important wise".split())
_EN_PAST_IRREG = frozenset("chose made did took gave wrote sent put set paid left bought picked told".split())
_STANCE_FI = frozenset(["itse", "eikä", "jos", "mikäli", "tämän", "läpi", "annetaan", "ideaalisesti",
                        "mieluiten"]) | _FI_INTENS | _FI_SINCERE
_STANCE_EN = frozenset(["yourself", "rather", "instead", "if", "let", "this", "blind", "ideally", "without",
                        "again", "no", "to"]) | _EN_SIMPLE | _EN_AVAILABLE | _EN_EVIDENT


@lru_cache(maxsize=50_000)
def _stance_trigger(low: str, fi: bool) -> bool:
    if fi:
        return low in _STANCE_FI or low.startswith(_FI_AVAILABLE + _FI_SIMPLE + _FI_EVIDENT + _FI_MOST[:1] + (
            "tapahdu", "satu", "toistu", "käy", "ilman", "kukaan", "kuka", "kaikil", "valtao", "jokai"))
    return low in _STANCE_EN or low in ("most", "anyone", "anybody", "everyone", "everybody", "majority", "happen",
                                        "happens", "recur", "like")


def _stance(clause: Sequence[Token], sent: Sequence[Token], lang: str, question: bool, me: bool) -> list[Hit]:
    """The writer's stance towards the customer, carried by the shape of a sentence:

    - information "has been available to you" / "tiedot ovat olleet käytettävissäsi" (so you should have known);
    - the customer's own doing stressed as the cause: "koska olet itse asettanut", "you set this up yourself";
    - "so this doesn't happen again" / "niin vastaavaa ei enää tapahdu" with no action of ours in the sentence;
    - condescension: "it's really very simple (as long as you read the instructions)", "most people manage
      this without any special skills", "onnistuu useimmilta ilman osaamista";
    - advice contrasted with what the customer did: "kannattaa toimia nopeasti eikä jäädä odottelemaan",
      "best to act quickly rather than waiting"; doubting sincerity: "jos auto kiinnostaa tosissaan",
      "if you're really interested";
    - grudging forgiveness: "we'll let it go this time", "katsomme tämän kerran läpi sormien";
    - the obvious pointed out: "which is a clear sign of ...", "selvä merkki";
    - "ideally X should be done before Y-ing": the right order of steps told after the customer took them.
    Voided by the writer acting in the clause (or sentence, where said), an apology and negation where noted."""
    fi = lang == "fi"
    if not any(_stance_trigger(t.low, fi) for t in clause):
        return []
    hits: list[Hit] = []
    lows = [t.low for t in clause]
    text = " " + " ".join(lows) + " "
    neg = _neg(clause)
    sorry = _sorry(sent)
    cme = _first_person(clause) if fi else any(
        t.low in ("i", "i've", "i'm", "i'll", "i'd", "we", "we've", "we're", "we'll", "we'd") for t in clause)
    cond = any(w in ("jos", "mikäli", "kun", "kunhan", "if", "when", "once", "unless", "whether") for w in lows)
    thanks = any(t.low.startswith(("kiit", "hienoa", "thank", "great", "well done")) for t in sent)
    you = any(t.has("2p") for t in clause)
    for i, t in enumerate(clause):
        low = t.low
        if fi:
            # "tiedot ovat olleet käytettävissäsi": available to you, in the past / perfect
            if low.startswith(_FI_AVAILABLE) and not neg and not cme and not sorry and \
                    any(w in _FI_PERFECT_BE for w in lows[max(0, i - 4):i + 2]) and \
                    (t.has("2p") or any(u.low in ("sinulla", "teillä", "sinun", "teidän", "sinulle", "teille")
                                        for u in clause)):
                hits.append(hit(0.9, "accusatory.as_told", clause[max(0, i - 2):i + 1]))
            # "koska olet itse asettanut", "valitsit itse": own doing stressed, past, not a condition / question
            if low == "itse" and not question and not cond and not neg and not cme and not sorry and not thanks:
                verb2 = [u for u in clause if u.has("2p") and u.has("verb") and (u.has("past") or u.has("part"))
                         and _lem(u) not in L.FI_RECEIVE_VERBS]
                perf = any(_lem(u) == "olla" and u.has("2p") for u in clause) and any(
                    u.has("part") and _lem(u) not in L.FI_RECEIVE_VERBS for u in clause)
                if (verb2 or perf) and not any(u.has("cond") or u.has("imp") for u in clause):
                    hits.append(hit(0.9, "accusatory.failure", (verb2 or [t])[:1] + [t]))
            # "niin vastaavaa ei enää tapahdu"
            if _lem(t) in _FI_HAPPEN and any(u.has("neg") for u in clause[max(0, i - 3):i]) and \
                    any(u.low in _FI_AGAIN for u in clause) and \
                    any(u.low.startswith(_FI_SIMILAR) or u.low in ("samaa", "näin", "sama") for u in clause) and \
                    not me and not sorry:
                hits.append(hit(0.9 if _advice_in(sent, lang) else 0.8, "accusatory.reprimand",
                                clause[max(0, i - 2):i + 1]))
            # condescension: "hyvin yksinkertaista, kunhan ...", "onnistuu useimmilta"
            if low.startswith(_FI_SIMPLE) and not neg and not cme and not sorry:
                stext = " ".join(u.low for u in sent)
                if " kunhan " in f" {stext} " or " jos vain " in f" {stext} " or " kun vain " in f" {stext} ":
                    hits.append(hit(0.6, "accusatory.reprimand", [t]))
                elif any(u.low in _FI_INTENS for u in clause[max(0, i - 3):i]):
                    hits.append(hit(0.4, "accusatory.reprimand", clause[max(0, i - 2):i + 1]))
            able = [k for k, u in enumerate(clause) if _lem(u) in _FI_ABLE]
            if (low.startswith(_FI_MOST) or low in ("kuka", "kenelle", "keneltä") and lows[i + 1:i + 2] == ["tahansa"]) \
                    and able and not S.negated(clause, able[0], 2) and not cme:
                hits.append(hit(0.6, "accusatory.reprimand", [t]))
            if low == "ilman" and any(u.low.startswith(_FI_SKILL) for u in clause[i + 1:i + 5]) and not cme:
                hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
            # "kannattaa reagoida nopeasti eikä jäädä odottelemaan": advice against what the customer did
            if low == "eikä" and i + 1 < len(clause) and any(u.low in _FI_ADVISE for u in clause[:i]) and \
                    ("inf" in clause[i + 1].feats or clause[i + 1].low == clause[i + 1].lemma and
                     clause[i + 1].low.endswith(("a", "ä")) and not clause[i + 1].content is False) and not cme:
                hits.append(hit(0.6, "accusatory.reprimand", clause[i:i + 2]))
            if low in _FI_SINCERE and cond and not cme:
                hits.append(hit(0.5, "accusatory.suspicion", [t]))
            # grudging forgiveness
            if (low == "läpi" and lows[i + 1:i + 2] == ["sormien"]) or (low == "tämän" and lows[i + 1:i + 2] == [
                    "kerran"]) or (low == "annetaan" and lows[i + 1:i + 2] == ["olla"]):
                if not sorry:
                    hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 2]))
            # "selvä merkki", "ilmeinen osoitus"
            if low.startswith(_FI_EVIDENT) and i + 1 < len(clause) and clause[i + 1].low.startswith(_FI_SIGN) and \
                    not neg and not cme and not sorry:
                hits.append(hit(0.6, "accusatory.rule_quote", clause[i:i + 2]))
            # "ideaalisesti / mieluiten ... ennen": the right order of steps told afterwards
            if low in ("ideaalisesti", "mieluiten") and any(u.low == "ennen" for u in sent) and not cme:
                k = next(j for j, u in enumerate(sent) if u.low == "ennen")
                step = any(u.low.endswith(_FI_ACTION_NOUN) or u.low == "kuin" for u in sent[k + 1:k + 4])
                hits.append(hit(0.9 if step else 0.5, "accusatory.reprimand", [t]))
        else:
            # "has been available to you from the start"
            if low in _EN_AVAILABLE and lows[i + 1:i + 3] == ["to", "you"] and not neg and not cme and not sorry and \
                    any(w in ("has", "have", "had", "was", "were", "been") for w in lows[max(0, i - 3):i]):
                hits.append(hit(0.9, "accusatory.as_told", clause[max(0, i - 2):i + 3]))
            if low == "you" and lows[i + 1:i + 3] in (["had", "access"], ["have", "had"]) and not neg and not cme \
                    and not cond and any(w in ("information", "details", "access", "terms", "instructions")
                                         for w in lows[i + 2:i + 6]):
                hits.append(hit(0.8, "accusatory.as_told", clause[i:i + 3]))
            # "you set this up yourself", "you yourself chose"
            y = lows.index("you") if "you" in lows[:i] else i
            if low == "yourself" and not question and not cond and not neg and not cme and not thanks and not any(
                    w in ("can", "could", "may", "might", "will", "'ll", "would", "should", "please", "to", "need",
                          "must") for w in lows[y:i]):
                past = [u for u in clause[:i] if (u.low.endswith("ed") and u.content) or u.low in _EN_PAST_IRREG]
                if "you" in lows[:i] and past:
                    hits.append(hit(0.9, "accusatory.failure", [past[0], t]))
            # "so this doesn't happen again"
            if low in ("happen", "happens", "recur") and lows[i + 1:i + 2] == ["again"] and any(
                    w in ("doesn't", "won't", "not", "never", "don't") for w in lows[max(0, i - 3):i]) and \
                    not me and not sorry:
                hits.append(hit(0.9 if _advice_in(sent, lang) else 0.8, "accusatory.reprimand",
                                clause[max(0, i - 2):i + 2]))
            # condescension
            if low in _EN_SIMPLE and not neg and not cme and not sorry:
                stext = " " + " ".join(u.low for u in sent) + " "
                if any(c in stext for c in (" as long as ", " if you just ", " provided ", " if you simply ",
                                            " once you read ", " if you read ", " if you follow ")):
                    hits.append(hit(0.6, "accusatory.reprimand", [t]))
                elif any(u.low in _EN_INTENS for u in clause[max(0, i - 3):i]):
                    hits.append(hit(0.4, "accusatory.reprimand", clause[max(0, i - 2):i + 1]))
            if low in ("most", "anyone", "anybody", "everyone", "everybody", "majority") and \
                    any(m in text for m in _EN_MOST) and \
                    any(u.low in _EN_ABLE or u.lemma in _EN_ABLE for u in clause[i + 1:i + 6]) and \
                    not neg and not cme:
                hits.append(hit(0.6, "accusatory.reprimand", [t]))
            if low == "without" and any(u.low in _EN_SKILL for u in clause[i + 1:i + 5]) and \
                    any(u.low in ("any", "special", "particular", "technical") for u in clause[i + 1:i + 4]) and not cme:
                hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
            if low == "no" and lows[i + 1:i + 2] in (["special"], ["technical"], ["particular"]) and \
                    any(u.low in _EN_SKILL for u in clause[i + 2:i + 4]) and not cme:
                hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
            # "best to act quickly rather than waiting"
            if (low == "rather" and lows[i + 1:i + 2] == ["than"] or low == "instead" and lows[i + 1:i + 2] == ["of"]) \
                    and any(w in _EN_ADVISE for w in lows[:i]) and any(
                    w.endswith("ing") for w in lows[i + 2:i + 4]) and not cme:
                hits.append(hit(0.6, "accusatory.reprimand", clause[i:i + 3]))
            # "if you're really interested / serious"
            if low in _EN_SINCERE and cond and any(w in _EN_KEEN for w in lows[i + 1:i + 3]) and not cme:
                hits.append(hit(0.5, "accusatory.suspicion", clause[i:i + 2]))
            # grudging forgiveness
            if (low == "let" and lows[i + 1:i + 2] in (["it"], ["this"], ["that"]) and lows[i + 2:i + 3] in (
                    ["go"], ["slide"], ["pass"])) or (low == "this" and lows[i + 1:i + 2] == ["once"]) or \
                    (low == "blind" and lows[i + 1:i + 2] == ["eye"]):
                if not sorry:
                    hits.append(hit(0.5, "accusatory.reprimand", clause[i:i + 3]))
            # "a clear sign of ..."
            if low in _EN_EVIDENT and lows[i + 1:i + 2] and lows[i + 1] in _EN_SIGN and not neg and not cme and \
                    not sorry:
                hits.append(hit(0.6, "accusatory.rule_quote", clause[i:i + 2]))
            # "ideally X should be sorted out before making ..."
            slows = [u.low for u in sent]
            if low == "ideally" and "before" in slows and not cme:
                k = slows.index("before")
                if any(w.endswith("ing") for w in slows[k + 1:k + 3]):
                    hits.append(hit(0.9, "accusatory.reprimand", [t]))
    return hits


_SCARE_RE = re.compile(r"['‘’\"“”«»]([a-zäöå][\w\-]*(?: [a-zäöå][\w\-]*)?)['‘’\"“”«»]")
_UI_CUES = frozenset("click tap select choose press option button called named labelled labeled marked says reads "
                     "status field menu tab kohta kohdasta kohdassa valitse paina napauta painike painiketta "
                     "nimeltä tila tilaksi teksti tekstin valinta lukee lukea".split())


def _scare_quotes(ctx: Context, sg, lang: str) -> list[Hit]:
    """A lower-case word in quotes inside a sentence ("'illness' cancellations", ”sairastumisia”): the writer
    distancing themselves from the customer's own word -- doubt. Not a button / status / field name."""
    text = sg.sentence.text
    if "'" not in text and '"' not in text and "”" not in text and "’" not in text and "“" not in text and \
            "«" not in text:
        return []
    out = []
    for m in _SCARE_RE.finditer(text):
        if m.start() == 0 or text[m.start() - 1].isalnum():
            continue  # an apostrophe inside a word
        start = sg.sentence.start + m.start(1)
        before = [t for t in sg.tokens if t.end <= start]
        if any(t.low in _UI_CUES or (t.vlemma or t.lemma) in _UI_CUES for t in before) or _sorry(sg.tokens):
            continue
        out.append(hit(0.5, "accusatory.suspicion", start=start, end=start + len(m.group(1))))
    return out


def _dedupe(hits: list[Hit]) -> list[Hit]:
    best: dict[tuple[str, int], Hit] = {}
    for h in hits:
        k = (h.key, h.start)
        if k not in best or best[k].weight < h.weight:
            best[k] = h
    return sorted(best.values(), key=lambda h: (h.start, h.key))


def check(ctx: Context) -> CheckResult:
    if ctx.lang not in ("fi", "en"):
        return result(NAME, "penalty", 1.0, True, [], severity=0.0, applicable=False)
    fn = _fi_hits if ctx.lang == "fi" else _en_hits
    hits: list[Hit] = []
    memo: SentMemo = {}  # per-sentence facts, keyed by id() of sentences alive for this call
    for sg in ctx.segs:
        if sg.role in ("signoff", "greeting"):
            continue
        question = sg.sentence.text.rstrip().endswith("?")
        me = None
        for clause in sg.clauses() or [sg.tokens]:
            hits.extend(fn(clause, sg.tokens, question, memo))
            if me is None:
                me = _first_person(sg.tokens) if ctx.lang == "fi" else any(
                    t.low in ("i", "i've", "i'm", "i'll", "i'd", "we", "we've", "we're", "we'll") for t in sg.tokens)
            hits.extend(_shared_hits(clause, sg.tokens, ctx.lang, me))
            hits.extend(_implied_fault(clause, sg.tokens, ctx.lang))
            hits.extend(_stance(clause, sg.tokens, ctx.lang, question, me))
        hits.extend(_scare_quotes(ctx, sg, ctx.lang))
    hits = _dedupe(hits)
    per_sentence = []
    for sg in ctx.segs:
        tot = sum(h.weight for h in hits if sg.sentence.start <= h.start < sg.sentence.end)
        if tot:
            per_sentence.append(min(1.0, tot))
    severity = clamp(sum(sorted(per_sentence, reverse=True)[:3]))
    passed = severity < FAIL_AT
    return result(NAME, "penalty", 1.0 - severity, passed,
                  [] if passed and severity < 0.5 else reasons_from_hits(ctx, hits),
                  severity=severity, hits=[(h.key, h.weight, ctx.reply_text[h.start:h.end]) for h in hits])
