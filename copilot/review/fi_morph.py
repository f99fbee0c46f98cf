"""A tiny Finnish verb-form generator for the verbs the checks care about.

simplemma gives lemmas but no person/tense, and it mistakes several common first-person
verb forms for nouns ("palaan" -> "pala", "tarkistin", "soitin", "kirjasin"). The checks
need person and mood ("who acts": first person = the writer, second person = the
customer, imperative = an instruction), so this module conjugates a curated list of
verbs with the regular Finnish rules (verb types 1-5, consonant gradation) into a
surface-form table: ``analyse("soitin") -> ("soittaa", {"1sg", "past"})``.

It is deliberately small and table-driven: forms are generated once at import time,
so a lookup is a dict access.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = set("aeiouyäö")
CLITICS = ("kaan", "kään", "han", "hän", "kin", "pa", "pä", "ko", "kö")

# strong -> weak consonant gradation (longest first)
_GRADATION = [("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("lt", "ll"),
              ("nt", "nn"), ("rt", "rr"), ("ht", "hd"), ("lk", "l"), ("rk", "r"), ("hk", "h"),
              ("lp", "lv"), ("rp", "rv"), ("t", "d"), ("k", ""), ("p", "v")]
# weak -> strong, for type 3/4 verbs whose infinitive is weak ("tavata" -> "tapaa-")
_REVERSE = [("nn", "nt"), ("ll", "lt"), ("rr", "rt"), ("mm", "mp"), ("ng", "nk"), ("hd", "ht"),
            ("lv", "lp"), ("rv", "rp"), ("d", "t"), ("v", "p")]


def _back(word: str) -> bool:
    """Back-vowel harmony, decided by the last harmonic vowel (compounds: the last part)."""
    for c in reversed(word):
        if c in "aou":
            return True
        if c in "äöy":
            return False
    return False


def _h(word: str, back: str) -> str:
    """Apply vowel harmony to a suffix written with back vowels."""
    if _back(word):
        return back
    return back.replace("a", "ä").replace("o", "ö").replace("u", "y")


def _weaken(stem: str) -> str:
    """Weak grade of a type-1 stem: gradate the consonants before the final vowel."""
    body, last = stem[:-1], stem[-1]
    for strong, weak in _GRADATION:
        if body.endswith(strong) and len(body) > len(strong):
            before = body[: -len(strong)]
            if len(strong) == 1:
                # single consonant gradation only after a vowel or h/l/r (not in st, sk, ts ...)
                if before and before[-1] in VOWELS:
                    if strong == "k" and before.endswith(("u", "y")) and last in "uy":
                        return before + "v" + last  # puku/puvun
                    return before + weak + last
                continue
            return before + weak + last
    return stem


def _strengthen(stem: str) -> str:
    for weak, strong in _REVERSE:
        idx = stem.rfind(weak)
        if idx > 0 and idx >= len(stem) - len(weak) - 2:
            return stem[:idx] + strong + stem[idx + len(weak):]
    return stem


Forms = dict[str, set[str]]


def _add(table: Forms, form: str, *feats: str) -> None:
    if form:
        table.setdefault(form, set()).update(feats)


def _personal(table: Forms, stem: str, *, tense: str | None = None) -> None:
    """Personal endings on a (weak) stem: 1sg, 2sg, 1pl, 2pl."""
    extra = (tense,) if tense else ()
    _add(table, stem + "n", "1sg", *extra)
    _add(table, stem + "t", "2sg", *extra)
    _add(table, stem + "mme", "1pl", *extra)
    _add(table, stem + _h(stem, "tte"), "2pl", *extra)


def _past_stems(weak: str, strong: str) -> list[tuple[str, str]]:
    """(weak past stem, strong past stem) variants; Finnish chooses i / oi / si by word shape."""
    out = []
    if weak[-1] in "ouyö":
        out.append((weak + "i", strong + "i"))
    elif weak[-1] in "aä":
        out.append((weak[:-1] + "i", strong[:-1] + "i"))
        out.append((weak[:-1] + "oi", strong[:-1] + "oi"))
        if weak[-2:-1] in ("t", "d") and strong[-2:-1] in ("t",):
            # pyytää -> pyysin, löytää -> löysin, tietää -> tiesin
            out.append((strong[:-2] + "si", strong[:-2] + "si"))
        elif strong[-3:-1] in ("nt", "rt", "lt"):
            # pidentää -> pidensin, siirtää -> siirsin, kieltää -> kielsin (alongside pidensi-/pidenti-)
            out.append((strong[:-2] + "si", strong[:-2] + "si"))
    elif weak[-1] in "ei":
        out.append((weak[:-1] + "i", strong[:-1] + "i"))
    return out


def conjugate(inf: str, *, stem: str | None = None, past: str | None = None,
              part: str | None = None) -> Forms:
    """Surface forms of one verb -> feature set. Overrides handle irregular verbs."""
    t: Forms = {}
    inf = inf.lower()
    _add(t, inf, "inf")
    a = _h(inf, "a")
    two = inf[-2:]
    if two[0] in VOWELS and two[1] in "aä" and not inf.endswith(("da", "dä")):  # type 1
        strong = stem or inf[:-1]
        weak = _weaken(strong)
        _personal(t, weak)
        _add(t, strong + "v" + a + "t", "3pl")
        _add(t, strong + strong[-1] if strong[-1] in "aä" else strong + strong[-1], "3sg")
        _add(t, weak, "imp2sg", "conneg")
        _add(t, strong + _h(inf, "kaa"), "imp2pl")
        _add(t, strong + _h(inf, "ko"), "imp3")
        for wp, sp in _past_stems(weak, strong):
            _personal(t, wp, tense="past")
            _add(t, sp, "3sg", "past")
            _add(t, sp + "v" + a + "t", "3pl", "past")
        if strong[-1] == "e":
            cond = strong[:-1] + "isi"
        elif strong[-1] == "i":
            cond = strong + "si"
        else:
            cond = strong + "isi"
        _personal(t, cond, tense="cond")
        _add(t, cond, "3sg", "cond")
        _add(t, part or strong + _h(inf, "nut"), "part")
        _add(t, (part or strong + _h(inf, "nut"))[:-2] + "eet", "part", "pl")
        pas = weak[:-1] + "e" if weak[-1] in "aä" else weak
        _add(t, pas + _h(inf, "taan"), "pass")
        _add(t, pas + _h(inf, "ttiin"), "pass", "past")
        _add(t, pas + _h(inf, "ttu"), "pass", "part")
        _add(t, strong + _h(inf, "maan"), "inf3")
        _add(t, strong + _h(inf, "massa"), "inf3")
        _add(t, strong + _h(inf, "matta"), "inf3")
        _add(t, strong + _h(inf, "minen"), "noun")
    elif inf.endswith(("da", "dä")):  # type 2: saada, voida, käydä, tehdä
        base = stem or inf[:-2]
        _personal(t, base)
        _add(t, base + "v" + a + "t", "3pl")
        _add(t, base, "imp2sg", "conneg", "3sg")
        root = inf[:-2]
        _add(t, root + _h(inf, "kaa"), "imp2pl")
        p = past or (base[:-1] + "i" if base[-1] == base[-2] else base + "i")
        _personal(t, p, tense="past")
        _add(t, p, "3sg", "past")
        cond = (past or base[:-1] + "i")  # saisi, voisi
        cond = cond[:-1] + "isi" if not cond.endswith("i") else cond + "si"
        _personal(t, cond, tense="cond")
        _add(t, cond, "3sg", "cond")
        _add(t, part or root + _h(inf, "nut"), "part")
        _add(t, (part or root + _h(inf, "nut"))[:-2] + "eet", "part", "pl")
        _add(t, inf + _h(inf, "an"), "pass")
        _add(t, inf[:-1] + _h(inf, "iin"), "pass", "past")
        _add(t, base + _h(inf, "maan"), "inf3")
    elif inf.endswith(("lla", "llä", "nna", "nnä", "rra", "rrä", "sta", "stä")):  # type 3
        root = inf[:-2] if not inf.endswith(("sta", "stä")) else inf[:-2]
        base = stem or (root + "e")
        _personal(t, base)
        _add(t, base + "v" + a + "t", "3pl")
        _add(t, base, "imp2sg", "conneg")
        _add(t, base + base[-1], "3sg")
        _add(t, root + _h(inf, "kaa"), "imp2pl")
        p = past or base[:-1] + "i"
        _personal(t, p, tense="past")
        _add(t, p, "3sg", "past")
        cond = base[:-1] + "isi"
        _personal(t, cond, tense="cond")
        _add(t, cond, "3sg", "cond")
        pp = part or (root + root[-1] + _h(inf, "ut") if not inf.endswith(("sta", "stä"))
                      else root[:-1] + "s" + _h(inf, "sut"))
        _add(t, pp, "part")
        _add(t, pp[:-2] + "eet", "part", "pl")
        _add(t, inf + _h(inf, "an"), "pass")
        _add(t, inf[:-1] + _h(inf, "iin"), "pass", "past")
        _add(t, base + _h(inf, "maan"), "inf3")
    elif inf.endswith(("ita", "itä")) and not stem:  # type 5: tarvita -> tarvitse
        base = inf[:-1] + "se"
        _personal(t, base)
        _add(t, base + "v" + a + "t", "3pl")
        _add(t, base, "imp2sg", "conneg")
        _add(t, inf[:-1] + _h(inf, "kaa"), "imp2pl")
        p = inf[:-1] + "si"
        _personal(t, p, tense="past")
        _add(t, p, "3sg", "past")
        _personal(t, p + "si", tense="cond")
        _add(t, inf[:-2] + _h(inf, "nnut"), "part")
        _add(t, inf + _h(inf, "an"), "pass")
        _add(t, inf[:-1] + _h(inf, "tiin"), "pass", "past")
    else:  # type 4: avata, tilata, varata, palata, haluta
        root = inf[:-2]
        base = stem or (root + root[-1])
        _personal(t, base)
        _add(t, base + "v" + a + "t", "3pl")
        _add(t, base, "imp2sg", "conneg", "3sg")
        _add(t, inf[:-1] + _h(inf, "kaa"), "imp2pl")
        p = past or (base[:-1] + "si")
        _personal(t, p, tense="past")
        _add(t, p, "3sg", "past")
        cond = base[:-1] + "isi"
        _personal(t, cond, tense="cond")
        _add(t, cond, "3sg", "cond")
        pp = part or root + _h(inf, "nnut")
        _add(t, pp, "part")
        _add(t, pp[:-2] + "eet", "part", "pl")
        _add(t, inf + _h(inf, "an"), "pass")
        _add(t, inf[:-1] + _h(inf, "tiin"), "pass", "past")
        _add(t, base + _h(inf, "maan"), "inf3")
    return t


# Irregular / auxiliary verbs: explicit tables.
_IRREGULAR: dict[str, dict[str, tuple[str, ...]]] = {
    "olla": {"olen": ("1sg",), "olet": ("2sg",), "on": ("3sg",), "olemme": ("1pl",),
             "olette": ("2pl",), "ovat": ("3pl",), "olin": ("1sg", "past"), "olit": ("2sg", "past"),
             "oli": ("3sg", "past"), "olimme": ("1pl", "past"), "olitte": ("2pl", "past"),
             "olivat": ("3pl", "past"), "olisin": ("1sg", "cond"), "olisit": ("2sg", "cond"),
             "olisi": ("3sg", "cond"), "olisimme": ("1pl", "cond"), "olisitte": ("2pl", "cond"),
             "olisivat": ("3pl", "cond"), "ole": ("imp2sg", "conneg"), "olkaa": ("imp2pl",),
             "ollut": ("part",), "olleet": ("part", "pl"), "ollaan": ("pass",), "oltiin": ("pass", "past"),
             "olla": ("inf",), "olemaan": ("inf3",)},
    "ei": {"en": ("1sg", "neg"), "et": ("2sg", "neg"), "ei": ("3sg", "neg"), "emme": ("1pl", "neg"),
           "ette": ("2pl", "neg"), "eivät": ("3pl", "neg"), "älä": ("imp2sg", "neg"),
           "älkää": ("imp2pl", "neg"), "eikä": ("3sg", "neg"), "enkä": ("1sg", "neg"),
           "etkä": ("2sg", "neg"), "emmekä": ("1pl", "neg"), "ettekä": ("2pl", "neg"),
           "eivätkä": ("3pl", "neg"), "ellei": ("3sg", "neg"), "jollei": ("3sg", "neg")},
    "tehdä": {"teen": ("1sg",), "teet": ("2sg",), "tekee": ("3sg",), "teemme": ("1pl",),
              "teette": ("2pl",), "tekevät": ("3pl",), "tein": ("1sg", "past"), "teit": ("2sg", "past"),
              "teki": ("3sg", "past"), "teimme": ("1pl", "past"), "teitte": ("2pl", "past"),
              "tee": ("imp2sg", "conneg"), "tehkää": ("imp2pl",), "tehnyt": ("part",),
              "tehneet": ("part", "pl"), "tehdään": ("pass",), "tehtiin": ("pass", "past"),
              "tekisin": ("1sg", "cond"), "tekisit": ("2sg", "cond"), "tekisi": ("3sg", "cond"),
              "tekemään": ("inf3",), "tehty": ("pass", "part")},
    "nähdä": {"näen": ("1sg",), "näet": ("2sg",), "näkee": ("3sg",), "näemme": ("1pl",),
              "näin": ("1sg", "past"), "näit": ("2sg", "past"), "näki": ("3sg", "past"),
              "näimme": ("1pl", "past"), "nähnyt": ("part",), "näe": ("imp2sg", "conneg")},
    "käydä": {"käyn": ("1sg",), "käyt": ("2sg",), "käy": ("3sg", "imp2sg", "conneg"),
              "käymme": ("1pl",), "käytte": ("2pl",), "kävin": ("1sg", "past"), "kävit": ("2sg", "past"),
              "kävi": ("3sg", "past"), "kävimme": ("1pl", "past"), "käykää": ("imp2pl",),
              "käynyt": ("part",), "käymään": ("inf3",), "käydään": ("pass",), "käytiin": ("pass", "past"),
              "kävisit": ("2sg", "cond"), "kävisi": ("3sg", "cond")},
    "voida": {"voin": ("1sg", "1sg_past"), "voit": ("2sg",), "voi": ("3sg", "conneg"), "voimme": ("1pl",),
              "voitte": ("2pl",), "voivat": ("3pl",), "voisin": ("1sg", "cond"), "voisit": ("2sg", "cond"),
              "voisi": ("3sg", "cond"), "voisimme": ("1pl", "cond"), "voisitte": ("2pl", "cond"),
              "voinut": ("part",), "voineet": ("part", "pl"), "voidaan": ("pass",), "voitiin": ("pass", "past")},
    "saada": {"saan": ("1sg",), "saat": ("2sg",), "saa": ("3sg", "imp2sg", "conneg"), "saamme": ("1pl",),
              "saatte": ("2pl",), "sain": ("1sg", "past"), "sait": ("2sg", "past"), "sai": ("3sg", "past"),
              "saimme": ("1pl", "past"), "saanut": ("part",), "saaneet": ("part", "pl"),
              "saisin": ("1sg", "cond"), "saisit": ("2sg", "cond"), "saisi": ("3sg", "cond"),
              "saadaan": ("pass",), "saatiin": ("pass", "past")},
    "tulla": {"tulen": ("1sg",), "tulet": ("2sg",), "tulee": ("3sg",), "tulemme": ("1pl",),
              "tulette": ("2pl",), "tulevat": ("3pl",), "tulin": ("1sg", "past"), "tulit": ("2sg", "past"),
              "tuli": ("3sg", "past"), "tule": ("imp2sg", "conneg"), "tulkaa": ("imp2pl",),
              "tullut": ("part",), "tulleet": ("part", "pl"), "tulisi": ("3sg", "cond"),
              "tulisit": ("2sg", "cond"), "tulemaan": ("inf3",), "tullaan": ("pass",)},
    "mennä": {"menen": ("1sg",), "menet": ("2sg",), "menee": ("3sg",), "menemme": ("1pl",),
              "mene": ("imp2sg", "conneg"), "menkää": ("imp2pl",), "mennyt": ("part",),
              "menin": ("1sg", "past"), "menit": ("2sg", "past")},
    "pitää": {"pitää": ("3sg", "inf"), "pitäisi": ("3sg", "cond"), "pitänyt": ("part",),
              "piti": ("3sg", "past"), "pidän": ("1sg",), "pidät": ("2sg",), "pidämme": ("1pl",)},
    "täytyä": {"täytyy": ("3sg",), "täytyi": ("3sg", "past"), "täytyisi": ("3sg", "cond"),
               "täytynyt": ("part",)},
    "kannattaa": {"kannattaa": ("3sg", "inf"), "kannattaisi": ("3sg", "cond"), "kannattanut": ("part",),
                  "kannatti": ("3sg", "past")},
    "tarvita": {"tarvitse": ("conneg", "imp2sg"), "tarvitsee": ("3sg",), "tarvitset": ("2sg",),
                "tarvitsen": ("1sg",), "tarvitsemme": ("1pl",), "tarvitsi": ("3sg", "past"),
                "tarvinnut": ("part",), "tarvitaan": ("pass",)},
}

# Verb classes used by the checks. Each entry: infinitive or (infinitive, overrides).
_EXTRA: dict[str, dict] = {
    "pyytää": {"past": None}, "löytää": {}, "tietää": {},
    "luvata": {"stem": "lupaa"}, "tavata": {"stem": "tapaa"}, "pelätä": {"stem": "pelkää"},
    "hypätä": {"stem": "hyppää"}, "korvata": {}, "selvitä": {"stem": "selviä"},
    "juoda": {"past": "joi"}, "tuoda": {"past": "toi"}, "viedä": {"past": "vei"},
    "myydä": {"past": "myi"}, "syödä": {"past": "söi"},
    "nousta": {"stem": "nouse", "part": "noussut"},
    "käsitellä": {"stem": "käsittele"}, "pahoitella": {"stem": "pahoittele"},
    "ajatella": {"stem": "ajattele"}, "kuunnella": {"stem": "kuuntele"}, "valitella": {"stem": "valittele"},
    "ihmetellä": {"stem": "ihmettele"}, "keskustella": {"stem": "keskustele"},
    "päästä": {"stem": "pääse", "part": "päässyt"},
    "juosta": {"stem": "juokse"},
}


# Forms that are far more often another word (adjective, pronoun, postposition, adverb).
HOMOGRAPHS = frozenset(["uusi", "vastaan", "muutoin", "toisin", "tuo", "luo", "jaa", "kumoon", "vällyt", "maksa",
                        "kuin", "alla", "sillä", "joten", "tapaan", "ajan", "tavan", "kerran", "pian", "kannan",
                        "voin", "anna", "tuon", "noin", "tulin", "oma", "tee"])


def _verb_list() -> list[str]:
    from copilot.review import lexicon

    return sorted(set(lexicon.FI_VERBS) | set(_EXTRA))


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, frozenset[str]]]:
    """surface form -> (lemma, features); first verb wins on collisions (sorted, deterministic)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for lemma, forms in _IRREGULAR.items():
        for form, feats in forms.items():
            out[form] = (lemma, frozenset(feats))
        if lemma not in out and lemma != "ei":
            out[lemma] = (lemma, frozenset({"inf"}))
    for inf in _verb_list():
        if inf in _IRREGULAR:
            continue
        opts = {k: v for k, v in _EXTRA.get(inf, {}).items() if v is not None}
        for form, feats in conjugate(inf, **opts).items():
            if form in out and out[form][0] != inf:
                # ambiguous form across verbs: keep the first, merge features only for same lemma
                continue
            prev = out.get(form)
            out[form] = (inf, frozenset(feats) | (prev[1] if prev else frozenset()))
    for h in HOMOGRAPHS:
        if h in out and h not in ("voin", "tee"):
            del out[h]
    return out


def _strip_clitic(word: str) -> str:
    for c in CLITICS:
        if word.endswith(c) and len(word) > len(c) + 2:
            return word[: -len(c)]
    return word


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, frozenset[str]] | None:
    """(lemma, features) for a known verb form (clitics -han/-kin/-ko... stripped), else None."""
    w = word.lower()
    tab = table()
    hit = tab.get(w)
    if hit:
        return hit
    base = _strip_clitic(w)
    if base != w:
        hit = tab.get(base)
        if hit:
            return hit[0], hit[1] | {"clitic"}
    return None
