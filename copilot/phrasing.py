"""Instruction lines rewritten as sentences a customer can read (deterministic, no model).

An internal instruction speaks to the agent: "Kerro palvelupisteen osoite ja aukioloajat
Toimipistehausta." / "Open CRM → Trade-in requests and find the request." Pasted into a reply it
reads wrong twice over: a Finnish imperative's object is in the nominative ("Kerron ... osoite"
should be "osoitteen"), and the customer meets the names of tools they have never seen. This
module turns such lines into customer sentences without generating noun cases:

- a Finnish imperative step becomes a passive, object first -- the passive takes the same
  nominative object as the imperative, so nothing needs inflecting:
  "Lähetä uusi noutokoodi tekstiviestillä." → "Uusi noutokoodi lähetetään sinulle tekstiviestillä.";
  an English one becomes "I'll ..." with "the customer" → "you";
- statements -- the "what to tell the customer" items, and plain statements inside the steps
  ("Siirto kestää 1–2 arkipäivää.") -- are kept with the third-person customer turned into "you"
  ("asiakas voi" → "voit", "asiakkaan rahojen" → "rahojesi", "the customer can" → "you can");
  meta items ("Mitä ...", "Uusi eräpäivä ja mahdollinen maksu.", "When the new SIM will work ...")
  and instructions to the agent are left out;
- internal names are found generically: capitalised words (not sentence-initial), marked-up UI
  labels (*Siirrä varaus*) and → navigation paths in the agent-only sections, unless the customer
  used the word or the instruction's customer-facing part does. A step whose object is one of
  them is dropped; an adverbial that merely names one ("... Toimipistehausta") is cut.

Anything this module cannot rewrite with confidence is left out rather than pasted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.textnorm import stem

# --------------------------------------------------------------------------- sections
ACTION_HEADING = re.compile(r"itse|voit tehdä|toimi|can do|yourself|steps|what to do|själv|åtgärd", re.I)
TELL_HEADING = re.compile(r"kerro|tell|asiakkaalle|berätta|säg", re.I)
AGENT_HEADING = re.compile(r"milloin tämä|koskee|älä|when this|applies|not to do|don't|jatkotoim|follow-up|"
                           r"aikataulu|gör inte|uppföljning", re.I)
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+(.*)$", re.M)
_MARK = re.compile(r"\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]*)\]\([^)]*\)")
_PAREN = re.compile(r"\s*\([^)]*\)")
_LEAD_LABEL = re.compile(r"^\s*\*\*[^*]{1,80}?:?\*\*:?\s*")  # "**Label:** " opening a step
_ABBREV = re.compile(r"\b(esim|mm|ns|yms|jne|ym|eg|e\.g|ie|i\.e|etc|vs|klo|n|ks|vrt)\.", re.I)
_DOT = "\u2024"  # one-dot leader: keeps abbreviations from ending a sentence while splitting
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“*])")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
LABEL = "\u2039L\u203a"  # placeholder for a marked-up UI label the customer does not know


def _label_text(m: re.Match) -> str:
    return next(g for g in m.groups() if g is not None)


def sentences(text: str) -> list[str]:
    """Sentences of a line of text; abbreviations ("esim.", "mm.") do not end one."""
    protected = _ABBREV.sub(lambda m: m.group(0)[:-1] + _DOT, " ".join(text.split()))
    return [s.replace(_DOT, ".").strip() for s in _SENT_SPLIT.split(protected) if s.strip()]


@dataclass
class Instruction:
    """An instruction's parts as the composer needs them."""

    actions: list[str] = field(default_factory=list)  # list items of the "what you can do" sections
    tell: list[str] = field(default_factory=list)  # list items of the "what to tell the customer" sections
    faq: list[str] = field(default_factory=list)  # sentences of a customer-facing text (no action section)
    internal: frozenset[str] = frozenset()  # stems of internal names
    known_labels: frozenset[str] = frozenset()  # lower-cased marked-up labels the customer may see


def _stems(text: str, lang: str) -> set[str]:
    out: set[str] = set()
    for w in _WORD.findall(text):
        low = w.lower()
        out.add(stem(low, lang))
        for part in low.split("-"):
            if part:
                out.add(stem(part, lang))
    return out


def parse_instruction(sections: list[tuple[str, str]], message: str, lang: str) -> Instruction:
    """Split an instruction into action steps, customer-facing items and internal names."""
    has_action = any(ACTION_HEADING.search(h or "") for h, _ in sections)
    actions: list[str] = []
    tell: list[str] = []
    faq: list[str] = []
    agent_texts: list[str] = []
    customer_texts: list[str] = [message]
    for heading, text in sections:
        heading = heading or ""
        if has_action and ACTION_HEADING.search(heading):
            actions += [a for a in LIST_ITEM.findall(text) if a not in actions]
            agent_texts.append(text)
        elif has_action and TELL_HEADING.search(heading):
            tell += [t for t in LIST_ITEM.findall(text) if t not in tell]
            customer_texts.append(text)
        elif has_action or AGENT_HEADING.search(heading):
            agent_texts.append(text)
        else:  # a customer-facing text (FAQ): every section speaks to the customer
            customer_texts.append(text)
            faq += [s for s in _prose_sentences(text) if s not in faq]
    known: set[str] = set()
    for t in customer_texts:
        known |= _stems(_MARK.sub(_label_text, t), lang)
    known_labels = frozenset(_label_text(m).strip().lower() for t in customer_texts for m in _MARK.finditer(t))
    internal: set[str] = set()
    for text in agent_texts:
        for m in _MARK.finditer(text):
            if _label_text(m).strip().lower() not in known_labels:
                internal |= _stems(_label_text(m), lang) - known
        for line in text.splitlines():
            plain = _MARK.sub(_label_text, LIST_ITEM.sub(r"\1", line))
            for chain in re.finditer(r"[^.:;,()]*→[^.:;,()]*", plain):
                internal |= _stems(chain.group(0), lang) - known
            for sent in re.split(r"(?<=[.!?:;(])\s*", plain):
                for w in _WORD.findall(sent)[1:]:
                    if w[0].isupper():
                        low = w.lower()
                        parts = {stem(p, lang) for p in low.split("-") if p}
                        if stem(low, lang) not in known and not (parts & known):
                            internal.add(stem(low, lang))
    return Instruction(actions, tell, faq, frozenset(internal), known_labels)


def _prose_sentences(text: str) -> list[str]:
    """Plain sentences of a customer-facing text (headings, list items and quotes left out)."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para or para.startswith(("#", ">")) or LIST_ITEM.match(para):
            continue
        out += sentences(para)
    return out


# --------------------------------------------------------------------------- cleaning
def _clean(item: str, info: Instruction, lang: str) -> str:
    """Markup resolved (unknown UI labels become LABEL), asides in brackets removed."""
    def label(m: re.Match) -> str:
        text = _label_text(m)
        if m.group(4) is not None or text.strip().lower() in info.known_labels \
                or not (_stems(text, lang) & info.internal):
            return text
        return LABEL
    return " ".join(_PAREN.sub("", _MARK.sub(label, item)).split())


def _bare(word: str) -> str:
    return word.strip(",.;:!?\"'“”")


def _is_internal(word: str, info: Instruction, lang: str) -> bool:
    if LABEL in word or "→" in word:
        return True
    word = _bare(word)
    if not word or not word[0].isupper():
        return False
    low = word.lower()
    return stem(low, lang) in info.internal or any(stem(p, lang) in info.internal for p in low.split("-") if p)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _sentence(text: str) -> str:
    text = text.strip().rstrip(" ,;:–-")
    if not text:
        return ""
    return _cap(text) + ("" if text[-1] in ".!?" else ".")


# --------------------------------------------------------------------------- Finnish morphology
VOWELS = "aeiouyäö"
_GRADATION = [("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("lt", "ll"), ("nt", "nn"),
              ("rt", "rr"), ("ht", "hd"), ("lk", "l"), ("rk", "r"), ("hk", "h"), ("lp", "lv"), ("rp", "rv"),
              ("t", "d"), ("k", ""), ("p", "v")]


def _back(word: str) -> bool:
    for c in reversed(word.lower()):
        if c in "aou":
            return True
        if c in "äöy":
            return False
    return False


def _harm(word: str, suffix: str) -> str:
    """A suffix written with back vowels, in the vowel harmony of ``word``."""
    return suffix if _back(word) else suffix.replace("a", "ä").replace("o", "ö").replace("u", "y")


def _weaken(stem_: str) -> str:
    """Weak grade of a vowel-final stem (consonant gradation before the last vowel)."""
    body, last = stem_[:-1], stem_[-1]
    for strong, weak in _GRADATION:
        if body.endswith(strong) and len(body) > len(strong):
            before = body[: -len(strong)]
            if len(strong) == 1:
                if before and before[-1] in VOWELS:
                    return before + weak + last
                continue
            return before + weak + last
    return stem_


_DIPHTHONGS = frozenset("ai ei oi ui yi äi öi au eu iu ou ey iy äy öy ie uo yö".split())


def _monosyllable(word: str) -> bool:
    """One syllable: a single vowel group that is a long vowel or a diphthong ("saa", "vie", "käy";
    not "hae", whose "ae" is two syllables)."""
    groups = re.findall(r"[aeiouyäö]+", word.lower())
    return len(groups) == 1 and (len(groups[0]) == 1 or len(groups[0]) == 2 and (
        groups[0][0] == groups[0][1] or groups[0] in _DIPHTHONGS))


_PASSIVE_SPECIAL = {"tee": "tehdään", "näe": "nähdään"}


def fi_passive(imperative: str) -> str | None:
    """Present passive of a Finnish 2nd-person imperative ("kerro" → "kerrotaan"), or None when
    the word does not look like an imperative whose passive these rules know."""
    w = imperative.lower()
    if not w.isalpha() or len(w) < 2 or w[-1] not in VOWELS:
        return None
    if w in _PASSIVE_SPECIAL:
        return _PASSIVE_SPECIAL[w]
    if _monosyllable(w):  # saa, vie, käy, juo, jää: type 2
        return w + _harm(w, "daan")
    if w.endswith("itse"):  # valitse, merkitse: type 5
        return w[:-2] + _harm(w, "aan")
    if w[-1] == w[-2] and w[-1] in "aä":  # avaa, tilaa, vertaa: type 4 (strong stem)
        return _weaken(w[:-1]) + _harm(w, "taan")
    if w[-1] in "aä" and w[-2] in "iouyö":  # tarjoa, halua: type 4 (tarjota, haluta)
        return w[:-1] + _harm(w, "taan")
    if w[-1] == "e" and w[-2] in "lnrs":  # tule, mene, ajattele: type 3 -- too irregular here
        return None
    base = w[:-1] + "e" if w[-1] in "aä" else w  # type 1: the weak stem, a/ä → e
    return base + _harm(w, "taan")


# 3rd → 2nd person singular present (the customer written about → written to)
_2SG_SPECIAL = {"on": "olet", "ei": "et", "voi": "voit", "käy": "käyt", "saa": "saat", "jää": "jäät",
                "myy": "myyt", "tekee": "teet", "näkee": "näet", "eikä": "etkä", "oli": "olit"}


def fi_second_person(verb: str) -> str | None:
    w = verb.lower()
    if w in _2SG_SPECIAL:
        return _2SG_SPECIAL[w]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] in VOWELS:
        return _weaken(w[:-1]) + "t"
    return None


# case endings of adverbials (an imperative's object carries none of them)
_ADVERBIAL_END = re.compile(r"(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä|ine|[a-zåäö]{3,}n[aä])$")
_ILLATIVE_END = re.compile(r"(?:aan|ään|een|iin|oon|uun|yyn|öön|seen|siin|hin|hen|han|hon|hun|hyn|hän|hön)$")
_NP_STOP = frozenset("""ja tai sekä jos kun että mutta eikä vaan kuin myös vain heti vielä aina uudelleen itse
    suoraan samalla sitten nyt jo enintään vähintään noin yli alle ennen jälkeen kanssa mukaan asti saakka
    kautta avulla takia vuoksi varten esim esimerkiksi mm eli tarvittaessa""".split())
_COORD = frozenset(["ja", "tai", "sekä"])
_SUBORD = frozenset("jos kun että koska jotta kunnes vaikka mikäli ellei jollei kuin".split())
FINITE = frozenset("""on ei ovat eivät oli olivat voi voivat saa saavat tulee tulevat jää jäävät käy pitää täytyy
    kannattaa näkyy näkyvät toimii toimivat kestää maksaa alkaa pääsee tarvitsee sopii riittää onnistuu
    aukeaa palaa palautuu palautuvat siirtyy siirtyvät mitätöityy pitenee suurenevat koskee ehtii ottaa
    lähettää tarkoittaa odottaa näyttää vaikuttaa vaatii luo tekee näkee lähtee
    voit saat olet et tarvitset pääset näet maksat voimme emme""".split())
_STRONG_3SG = re.compile(r"(?:ee|ii|uu|yy|oo|öö)$")
_PASSIVE_END = re.compile(r"(?:[td]aan|[td]ään|llaan|llään|nnaan|nnään|rraan|rrään|staan|stään|"
                         r"[^aeiouyäö][aeä]ttiin|htiin|[aeiouyäö]tiin)$")
_FI_QUESTION = frozenset("mitä mikä mitkä miksi milloin mistä mihin missä miten kuinka kuka ketkä paljonko "
                         "montako onko voiko minkä millä".split())
_FI_COMMUNICATE = frozenset(["kerro", "lähetä", "ilmoita", "näytä", "toimita", "välitä", "postita", "anna"])
_FI_SKIP_VERBS = frozenset(["pyydä", "kysy", "selvitä", "varmista", "tunnista", "käy", "vertaa", "katso", "lue",
                            "hae", "etsi", "kirjaa", "ohjaa"])
_FI_DONE_PART = re.compile(r"(?:ttu|tty|tu|ty)$")
_FI_ANAPHORA = frozenset("tämä se ne siihen sen niitä tästä siitä näin sitten silloin sama".split())
_FI_CONTEXT = frozenset("sitä niitä siitä niistä siihen niihin muuten vieressä".split())
_FI_AGENT_2P = frozenset("et voit olet näet teet saat tarvitset pystyt sinun sinulla sinua sinulle älä".split())


def _finite_word(w: str, *, strong: bool = False) -> bool:
    """A finite verb form, by a closed list and the endings of the passive, the 3rd person plural
    (not with ``strong``: participles look the same) and the long-vowel 3rd person singular
    (-ee/-ii/-uu/-yy...; -aa/-ää only from the list, being mostly partitives)."""
    low = _bare(w).lower()
    if low in FINITE or (len(low) >= 6 and _PASSIVE_END.search(low)):
        return True
    if not strong and len(low) > 4 and low.endswith(("vat", "vät")):
        return True
    return len(low) >= 5 and bool(_STRONG_3SG.search(low)) and low not in _NP_STOP


def _looks_imperative(words: list[str]) -> bool:
    """An instruction: an imperative-like first word and no finite verb right after a subject."""
    first = _bare(words[0]) if words else ""
    if not first.isalpha() or fi_passive(first) is None:
        return False
    return not any(_finite_word(w, strong=True) for w in words[1:4])


def _finite(words: list[str]) -> bool:
    return any(_finite_word(w) for w in words)


def _main_clause(words: list[str]) -> list[str]:
    """The words of the main clause: a leading "jos/kun ..." clause skipped, cut at the first
    comma, dash or subordinator after that."""
    start = 0
    if words and _bare(words[0]).lower() in _SUBORD:
        for i, w in enumerate(words):
            if w.endswith(","):
                start = i + 1
                break
        else:
            return []
    out = []
    for w in words[start:]:
        if w in ("–", "-") or _bare(w).lower() in _SUBORD or _bare(w).lower() in _FI_QUESTION:
            break
        out.append(w)
        if w.endswith((",", ":", ";")):
            break
    return out


def _np_word(w: str) -> bool:
    low = w.lower()
    return bool(w) and LABEL not in w and (low.replace("-", "").isalpha() or low.isdigit()) \
        and low not in _NP_STOP and not _ADVERBIAL_END.search(low)


def _object_phrase(words: list[str]) -> int:
    """How many words after the verb form its object (genitive modifiers + nominative/partitive
    head, coordinated with ja/tai); 0 when it cannot be read with confidence."""
    i, n, end = 0, len(words), 0
    while i < n:
        w = words[i]
        comma = w.endswith(",")
        if not _np_word(w.rstrip(",")):
            break
        low = w.rstrip(",").lower()
        nxt = words[i + 1] if i + 1 < n and not comma else ""
        if low.endswith("n") and not low.isdigit():
            if nxt and _np_word(nxt.rstrip(",")):
                i += 1  # a genitive modifier ("palvelupisteen osoite")
                continue
            break  # a lone -n word: genitive or illative, not a head
        i += 1
        end = i
        if comma:
            break
        if nxt.lower() in _COORD and i + 1 < n and _np_word(words[i + 1].rstrip(",")):
            i += 1
            continue
        if nxt and _np_word(nxt.rstrip(",")) and not nxt.rstrip(",").lower().endswith("n"):
            continue  # adjective + noun ("uusi noutokoodi")
        break
    return end


_FI_CUSTOMER_FORMS = {"asiakkaalle": "sinulle", "asiakkaalta": "sinulta", "asiakasta": "sinua",
                      "asiakkaasta": "sinusta", "asiakkaalla": "sinulla", "asiakkaaseen": "sinuun",
                      "asiakkaaksi": "sinuksi"}
_FI_HAN_FORMS = {"häntä": "sinua", "hänelle": "sinulle", "häneltä": "sinulta", "hänellä": "sinulla",
                 "hänestä": "sinusta", "hänet": "sinut", "hänen": "sinun"}
_FI_3P_POSS = re.compile(r"(?:essa|essä)(?:an|än)$|.{5,}(?:ssa|ssä)(?:an|än)$")


def _fi_possessive(word: str) -> str | None:
    """The 2nd-person possessive form of a word that follows "asiakkaan" ("toivomaan" → "toivomaasi")."""
    low = word.lower()
    if low.endswith("n") and len(low) > 3:
        return word[:-1] + "si"
    if low[-1:] in "aäouyöi":
        return word + "si"
    return None


def _to_2p_possessive(word: str) -> str:
    """3rd-person possessive suffix → 2nd person ("halutessaan" → "halutessasi")."""
    if _FI_3P_POSS.search(word.lower()):
        return word[:-2] + "si"
    return word


def fi_address_customer(words: list[str]) -> list[str] | None:
    """Third-person references to the customer turned into "you"; None when one cannot be."""
    out: list[str] = []
    i = 0
    converted = False
    while i < len(words):
        w = words[i]
        low = _bare(w).lower()
        punct = w[len(w.rstrip(",.;:")):]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = _bare(out[-1]).lower() if out else ""
        if low in _FI_CUSTOMER_FORMS:
            if prev[-3:].replace("ä", "a") == low[-3:] and prev not in ("ja", "tai"):
                return None  # an agreeing modifier ("yhdellä asiakkaalla") would be left wrong
            out.append(_FI_CUSTOMER_FORMS[low] + punct)
            converted = True
        elif low == "asiakkaan" and _bare(nxt).lower() == "kanssa":
            out.append("kanssasi" + nxt[len(nxt.rstrip(",.;:")):])
            i += 1
            converted = True
        elif low == "asiakkaan" and (punct or not nxt or _bare(nxt).lower() in ("kannattaa", "pitää", "täytyy",
                                                                               "tarvitsee")):
            out.append("sinun" + punct)
            converted = True
        elif low == "asiakkaan":
            poss = _fi_possessive(_bare(nxt))
            if poss is None:
                return None
            out.append(poss + nxt[len(nxt.rstrip(",.;:")):])
            i += 1
            converted = True
        elif low in ("asiakas", "hän") and not punct and nxt and (low == "asiakas" or converted):
            second = fi_second_person(_bare(nxt))
            if second is None:
                return None
            out.append(second + nxt[len(nxt.rstrip(",.;:")):])
            i += 1
            converted = True
        elif low in _FI_HAN_FORMS and converted:
            out.append(_FI_HAN_FORMS[low] + punct)
        elif low.startswith(("asiak", "häne", "hänt")) or low == "hän":
            return None
        else:
            out.append(w)
        i += 1
    if converted:
        out = [_to_2p_possessive(w) if not w.endswith((",", ".")) else _to_2p_possessive(w[:-1]) + w[-1]
               for w in out]
    return out


def _step_words(item: str, info: Instruction, lang: str) -> list[str] | None:
    """The words of a step's first clause, cleaned of internal markup; None when under two words."""
    text = _first_clause_text(_clean(item, info, lang))
    if text is None:
        return None
    words = text.split()
    return words if len(words) >= 2 else None


def fi_step(item: str, info: Instruction) -> str | None:
    """A Finnish imperative step as a passive sentence for the customer, or None."""
    words = _step_words(item, info, "fi")
    if words is None:
        return None
    verb = words[0]
    if not verb.isalpha() or verb.lower() in _FI_SKIP_VERBS or verb.lower() in ("älä", "älkää") \
            or verb[0].islower():
        return None
    passive = fi_passive(verb)
    if passive is None or _finite(_main_clause(words[1:])):  # a finite verb: the first word was a noun
        return None
    rest = words[1:]
    n_obj = _object_phrase(rest)
    if n_obj == 0:
        return None
    obj, tail = rest[:n_obj], rest[n_obj:]
    if obj[-1].endswith(","):  # the clause ends with the object; only a condition may follow
        obj[-1] = obj[-1].rstrip(",")
        tail = tail if tail and _bare(tail[0]).lower() in ("jos", "mikäli", "kun") else []
    if tail and (LABEL in tail[0] or _is_internal(tail[0], info, "fi") and not _ADVERBIAL_END.search(
            _bare(tail[0]).lower())):
        return None  # the object's own name is internal: "tapaus *Kaappaus*", "tiketti *Automaattivika*"
    if any(_is_internal(w, info, "fi") for w in obj):
        return None
    if [w.lower() for w in obj] == ["asiakas"]:
        obj = ["sinut"]
    elif any(w.lower().startswith("asiak") for w in obj):
        return None
    kept: list[str] = []
    condition: list[str] = []
    skipping = False
    for i, w in enumerate(tail):  # the tail up to the first internal name or sub-clause
        if _bare(w).lower() in ("jos", "mikäli", "kun") and (i == 0 or tail[i - 1].endswith(",")):
            condition = tail[i:]  # "..., jos se on myyty": the step holds only then -- keep it
            break
        if skipping:
            skipping = not w.endswith(",")
            continue
        if _is_internal(w, info, "fi") and not _ADVERBIAL_END.search(_bare(w).lower()) or LABEL in w \
                or _bare(w).lower() in _SUBORD or _bare(w).lower() in _COORD or w in ("–", "-"):
            break
        if _is_internal(w, info, "fi"):
            continue  # "... Toimipistehausta": an internal source named in passing
        if _bare(w).lower().startswith("sama") or _bare(w).lower() in _FI_CONTEXT:
            skipping = not w.endswith(",")  # "samasta näkymästä": refers to a step left out
            continue
        kept.append(w)
        if w.endswith((",", ";", ":")):
            break
    while kept and (_bare(kept[-1]).lower() in _NP_STOP or kept[-1].endswith((",", ";", ":"))):
        if _bare(kept[-1]).lower() in _NP_STOP:
            kept.pop()
        else:
            kept[-1] = kept[-1].rstrip(",;:")
    tail = fi_address_customer(kept)
    if tail is None:
        return None
    if verb.lower() in _FI_COMMUNICATE and not any(_bare(w).lower().endswith(("lle", "lleen")) for w in tail):
        tail = ["sinulle", *tail]
    if condition:
        if any(_is_internal(w, info, "fi") or LABEL in w for w in condition) or \
                any(_bare(w).lower() in _FI_AGENT_2P for w in condition):
            return None  # a condition the customer could not read: the step is not said unconditionally
        cond = fi_address_customer(condition)
        if cond is None:
            return None
        tail = [*tail[:-1], tail[-1] + ","] if tail else tail
        if not tail:
            return _sentence(" ".join([_cap(" ".join(obj)), passive + ",", *cond]))
        return _sentence(" ".join([_cap(" ".join(obj)), passive, *tail, *cond]))
    return _sentence(" ".join([_cap(" ".join(obj)), passive, *tail]))


def _first_clause_text(text: str) -> str | None:
    """The first sentence of a step without a trailing navigation path; None for one branch of
    several ("Lasku on maksamatta: valitse ..."), a condition or an intro to a sub-list."""
    first = sentences(text)[0].rstrip(".") if text else ""
    head, colon, after = first.partition(": ")
    if colon or first.endswith(":"):
        if not after.strip() or not ("→" in after or LABEL in after):
            return None
        first = head  # "Avaa luukku etänä: Automaattihallinta → ..." → the action itself
    if "→" in first or first.lower().startswith(("jos ", "kun ", "if ", "when ", "once ", "for ", "in ")):
        return None
    return first.strip() or None


def fi_statement(text: str, info: Instruction, *, agent_section: bool, follows: bool = False) -> str | None:
    """A Finnish statement for the customer, or None (meta, an instruction, a done-claim, an
    internal name, or a customer reference that cannot be turned into "you")."""
    text = " ".join(text.split()).strip().rstrip(".")
    m = re.match(r"(?i)kerro(?:\s+myös)?(?:\s+asiakkaalle)?,?\s+että\s+(.+)$", text)
    if m:
        text = m.group(1)
    words = text.split()
    if not words:
        return None
    if ": " in text:
        head, _, after = text.partition(": ")
        if _finite(_main_clause(head.split())) or not after.strip():
            if not after.strip() or LABEL in after or "→" in after and agent_section:
                return None
        else:
            text, words = after.strip(), after.split()  # "Uusi noutopiste ja arvio: siirto kestää ..."
    lows = [_bare(w).lower() for w in words]
    if lows[0] in _FI_QUESTION or not _finite(_main_clause(words)) or _looks_imperative(words):
        return None  # a question to answer, a noun phrase, an instruction ("Tarjoa ...")
    if lows[0] in _FI_ANAPHORA and not follows or agent_section and _FI_CONTEXT & set(lows):
        return None  # "Tämä sulkee ...", "emme voi ohjata sitä" -- about a sentence left out
    if "yhteyttä" in lows:
        return None  # "ota yhteyttä ..." -- the writer owns the case, nobody is sent elsewhere
    if any(lw in _FI_QUESTION for lw in lows[1:]) and any(lw in ("ja", "tai") for lw in lows):
        return None  # "Videotunnistuksen aika ja mitä siihen tarvitaan"
    if any(len(lw) > 5 and lw.endswith("sit") for lw in lows):
        return None  # "Jos siirsit erän, ..." -- about the agent's own action
    if any(lw in ("on", "ovat", "ei", "eivät") for lw in lows) and \
            any(len(lw) > 5 and _FI_DONE_PART.search(lw) for lw in _main_clause(lows)):
        return None  # "Tunnukset on suljettu" -- true only once the agent has acted
    if agent_section and (any(lw in _FI_AGENT_2P for lw in lows) or any(_is_internal(w, info, "fi") for w in words)
                          or LABEL in text or "→" in text or lows[0] in _SUBORD):
        return None
    conv = fi_address_customer(words)
    if conv is None:
        return None
    if conv != words and any(_bare(w).lower() == "jatkossa" for w in conv):
        # "Jatkossa voit ... itse" reads as a reprimand; the tip stands without "in future"
        conv = [w for w in conv if _bare(w).lower() != "jatkossa"]
        conv[0] = _cap(conv[0])
    return _sentence(" ".join(conv))


def fi_facts(item: str, info: Instruction) -> list[str]:
    """A "what to tell the customer" item as statements to the customer ([] when it is meta)."""
    out = []
    text = _PAREN.sub("", _MARK.sub(_label_text, item))
    for part in (p for s in sentences(text) for p in re.split(r";\s*", s)):
        part = part.strip().rstrip(".")
        words = part.split()
        if not words:
            continue
        first = words[0].lower().rstrip(",:")
        if first.startswith("pahoittel") and first.endswith("e"):  # "Pahoittele, jos ...": the writer's apology
            tail = part[len(words[0]):].strip().lstrip(",:").strip()
            if not tail or tail.lower() == "suoraan":
                if out:  # "Pahoittelen – virhe oli pankin, ei sinun."
                    out[-1] = "Pahoittelen – " + out[-1][0].lower() + out[-1][1:]
                else:
                    out.append("Pahoittelen.")
            elif _finite(tail.split()):
                conv = fi_address_customer(tail.split())
                if conv:
                    out.append(_sentence("Pahoittelen, " + " ".join(conv)[0].lower() + " ".join(conv)[1:]))
            continue
        s = fi_statement(part, info, agent_section=False, follows=bool(out))
        if s:
            out.append(s)
    return out


def fi_step_statements(item: str, info: Instruction) -> list[str]:
    """Plain statements inside an action step ("Siirto kestää 1–2 arkipäivää.")."""
    text = _clean(_LEAD_LABEL.sub("", item), info, "fi")
    out = []
    for s in (p for sent in sentences(text) for p in re.split(r";\s*", sent)):
        st = fi_statement(s, info, agent_section=True)
        if st:
            out.append(st)
    return out


# --------------------------------------------------------------------------- English
_EN_NON_VERB = frozenset("""the a an if when once for this that these those it its they them their he she we you
    your our all any each every some no not one two three both either neither there here in on at to from by
    with without after before during within until unless while as physical claims most many much more less small
    large big new old being waiting""".split())
_EN_AUX = frozenset("is are was were be been can cannot can't may might must should will would has have had "
                    "does do did needs takes gets goes stays".split())
_EN_FINITE = _EN_AUX | frozenset("will can need stops come work works activates calculated".split())
_EN_QUESTION = frozenset("what when why how which who whether where that".split())
_EN_SKIP_VERBS = frozenset(["ask", "verify", "identify", "read", "compare", "confirm", "open", "find", "use",
                            "note", "reassign", "take", "say", "solve", "reply"])
_EN_PREP = frozenset("in through under via from on at into using with".split())
_EN_INSTRUCT = frozenset("apologise apologize explain offer confirm tell say give check accept waive book "
                         "send ask please".split())


def en_address_customer(text: str, *, they: bool) -> str | None:
    t = re.sub(r"\bthe customer's\b", "your", text, flags=re.I)
    t = re.sub(r"\bthe customer\b", "you", t, flags=re.I)
    if they:
        t = re.sub(r"\btheir\b", "your", t, flags=re.I)
        t = re.sub(r"\bthemselves\b", "yourself", t, flags=re.I)
        t = re.sub(r"\bthey\b", "you", t, flags=re.I)
    t = re.sub(r"\byou is\b", "you are", t)
    t = re.sub(r"\byou has\b", "you have", t)
    t = re.sub(r"\byou does\b", "you do", t)
    t = re.sub(r"\byou was\b", "you were", t)
    t = re.sub(r"\byou (needs|wants|gets|receives|keeps|pays|uses|sees|chooses)\b",
               lambda m: "you " + m.group(1)[:-1], t)
    t = re.sub(r"^you\b", "You", t)
    if re.search(r"\bcustomers?\b", t, re.I):
        return None
    return t


def en_step(item: str, info: Instruction) -> str | None:
    """An English imperative step as "I'll ..." for the customer, or None."""
    words = _step_words(item, info, "en")
    if words is None:
        return None
    verb = words[0]
    low = verb.lower()
    if not verb.isalpha() or low in _EN_NON_VERB or low in _EN_SKIP_VERBS or words[1].lower() in _EN_AUX \
            or low.endswith(("ing", "ed")) or (low.endswith("s") and not low.endswith("ss")):
        return None
    obj = [w for w in words[1:4] if w.lower() not in ("the", "a", "an")]
    if obj and _is_internal(obj[0], info, "en"):
        return None
    kept = [low]
    skip = False
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _EN_PREP and i + 1 < len(words):
            nxt = [x for x in words[i + 1:i + 4] if x.lower() not in ("the", "a", "an", "your")]
            if nxt and _is_internal(nxt[0], info, "en"):
                skip = True  # drop "in Billing", "through the OmaLinja chat" up to the next comma
                continue
        if skip:
            if w.endswith(",") or w.lower() in ("and", "or"):
                skip = False
            continue
        if _is_internal(w, info, "en"):
            return None
        kept.append(w)
    while kept and kept[-1].lower().rstrip(",") in ("and", "or", "as", "well", "in", "through", "under", "to"):
        kept.pop()
    sentence = en_address_customer(" ".join(kept), they=False)
    if sentence is None or len(kept) < 2:
        return None
    return _sentence("I'll " + sentence)


def en_statement(text: str, info: Instruction, *, agent_section: bool, follows: bool = False,
                 they: bool = False, prose: bool = False) -> str | None:
    """An English statement for the customer, or None. ``prose``: a sentence of a customer-facing
    text, complete by construction (no finite-verb test; conditions to "you" are kept)."""
    text = " ".join(text.split()).strip().rstrip(".")
    if ": " in text:
        head, _, after = text.partition(": ")
        if agent_section or not after.strip() or LABEL in after or "→" in after:
            text = head
        else:
            return None  # "In chat: that they do not need ..." -- a meta item
    words = text.split()
    if not words or "→" in text or LABEL in text:
        return None
    lows = [_bare(w).lower() for w in words]
    if lows[0] in _EN_QUESTION or lows[0] in _EN_INSTRUCT or lows[0] == "for" or len(words) < 4:
        return None
    if lows[0] in ("if", "when", "in") and not (prose and ("you" in lows or "your" in lows)):
        return None
    if prose and _en_imperative(words):
        return None  # "Bring the text message ..." -- an instruction to the reader
    if lows[0] in ("this", "it", "that", "these", "there", "they") and not follows and not they or "contact" in lows:
        return None
    if lows[0] in ("the", "a", "an") and lows[1:2] and lows[1] in ("difference",):
        return None
    if not prose and not any(lw in _EN_FINITE for lw in lows):
        return None
    if agent_section and ("you" in lows or "your" in lows or lows[0] in ("this", "it", "that", "these", "they")
                          or "ticket" in lows or any(_is_internal(w, info, "en") for w in words)):
        return None
    if words[0][0].isupper() and lows[0] not in _EN_NON_VERB and _is_internal(words[0], info, "en"):
        return None
    conv = en_address_customer(text, they=they)
    if conv is None:
        return None
    if conv != text:
        conv = re.sub(r"(?i)^(?:in (?:the )?future|next time|from now on),?\s+", "", conv)
    return _sentence(conv)


def _en_imperative(words: list[str]) -> bool:
    low = _bare(words[0]).lower()
    return low.isalpha() and low not in _EN_NON_VERB and not (low.endswith(("ing", "ed")) and len(low) > 5) and \
        not (low.endswith("s") and not low.endswith("ss")) and len(words) > 1 and words[1].lower() not in _EN_AUX


def en_facts(item: str, info: Instruction) -> list[str]:
    out = []
    text = _PAREN.sub("", _MARK.sub(_label_text, item))
    for part in (p for s in sentences(text) for p in re.split(r";\s*", s)):
        s = en_statement(part, info, agent_section=False, follows=bool(out), they=True)
        if s:
            out.append(s)
    return out


def en_step_statements(item: str, info: Instruction) -> list[str]:
    text = _clean(_LEAD_LABEL.sub("", item), info, "en")
    out = []
    for s in sentences(text)[1:] if _first_clause_text(text) else sentences(text):
        st = en_statement(s, info, agent_section=True)
        if st:
            out.append(st)
    return out


# --------------------------------------------------------------------------- the composer's view
@dataclass(frozen=True)
class Candidate:
    text: str
    kind: str  # "step" | "tell" | "said" (a statement inside a step) | "faq"
    order: int


def candidates(info: Instruction, lang: str) -> list[Candidate]:
    """Every sentence the instruction offers the customer, in the instruction's order."""
    out: list[Candidate] = []
    n = 0
    step = {"fi": fi_step, "en": en_step, "sv": sv_step}.get(lang)
    said = {"fi": fi_step_statements, "en": en_step_statements}.get(lang, lambda item, info: [])
    facts = {"fi": fi_facts, "en": en_facts}.get(lang, lambda item, info: [])
    if step is None or said is None or facts is None:
        return out
    for item in info.actions:
        s = step(item, info)
        if s:
            out.append(Candidate(s, "step", n))
            n += 1
        for st in said(item, info):
            out.append(Candidate(st, "said", n))
            n += 1
    for item in info.tell:
        for f in facts(item, info):
            out.append(Candidate(f, "tell", n))
            n += 1
    statement = {"fi": fi_statement, "en": lambda *a, **k: en_statement(*a, **k, prose=True)}.get(lang)
    for sent in info.faq if statement else []:
        st = statement(_MARK.sub(_label_text, sent), info, agent_section=False)
        if st:
            out.append(Candidate(st, "faq", n))
            n += 1
    return out


def _keys(text: str, lang: str) -> set[str]:
    """Snowball stems, plus the first 6 letters of longer words ("sairastuin" ~ "sairastuminen")."""
    out = {s for s in _stems(text, lang) if len(s) > 2}
    out |= {"~" + w.lower()[:6] for w in _WORD.findall(text) if len(w) >= 8}
    return out


def overlap(sentence: str, message_stems: set[str], lang: str) -> int:
    return len(_keys(sentence, lang) & message_stems)


def message_stems(message: str, lang: str) -> set[str]:
    return _keys(message, lang)


# --------------------------------------------------------------------------- Swedish
_SV_SKIP_VERBS = frozenset(["be", "fråga", "kontrollera", "öppna", "sök", "läs", "jämför", "identifiera"])


def sv_step(item: str, info: Instruction) -> str | None:
    """A Swedish imperative step as "Jag ...r ..." (objects do not inflect), or None."""
    words = _step_words(item, info, "sv")
    if words is None:
        return None
    low = words[0].lower()
    if not low.isalpha() or not low.endswith("a") or low in _SV_SKIP_VERBS:
        return None
    if any(_is_internal(w, info, "sv") for w in words[1:]):
        return None
    rest = " ".join(words[1:])
    rest = re.sub(r"\bkundens\b", "din", rest, flags=re.I)
    rest = re.sub(r"\bkunden\b", "dig", rest, flags=re.I)
    if re.search(r"\bkund", rest, re.I):
        return None
    return _sentence(f"Jag {low}r {rest}")
