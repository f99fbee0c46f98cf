"""Word classes for the checks, Finnish and English.

Entries are written as ordinary words; ``Lex`` lemmatises them with the same cached
lemmatiser the checks use, so a class matches every inflected form simplemma maps to
the same lemma. ``parts`` are matched as substrings of the lower-cased token, which is
how Finnish compounds are caught ("lainatiimille" contains "tiimi", "korttipalvelumme"
contains "palvelu"). Verbs listed in FI_VERBS are also conjugated by ``fi_morph`` so
person and mood are known for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Lex:
    """A word class: lemmas (after lemmatisation), exact words, compound parts, prefixes."""

    lang: str
    words: tuple[str, ...] = ()
    name: str = ""  # set by the registry at import time
    parts: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    exclude: tuple[str, ...] = field(default=())
    exclude_re: str = ""  # words (lower-case) fully matching this pattern are not members

    @cached_property
    def lemmas(self) -> frozenset[str]:
        from copilot.review.text import lemma

        out = set(self.words)
        for w in self.words:
            out.add(lemma(w, self.lang))
        return frozenset(out)

    @cached_property
    def _memo(self) -> dict[str, bool]:
        return {}

    def match(self, tok) -> bool:  # tok: text.Token (or anything with low / lemma / vlemma)
        """Memoised per word: a word's lemma and verb analysis are fixed, so the answer is too."""
        info = getattr(tok, "info", None)
        if info is not None and self.name and info.lang == self.lang:
            return self.name in info.cls
        key = tok.low
        memo = self._memo
        hit = memo.get(key)
        if hit is None:
            hit = self._match(tok)
            if len(memo) < 100_000:
                memo[key] = hit
        return hit

    def _match(self, tok) -> bool:
        low = tok.low
        if self.exclude and low.startswith(self.exclude):  # exclude entries are prefixes
            return False
        if self.exclude_re and re.fullmatch(self.exclude_re, low):
            return False
        if low in self.lemmas or tok.lemma in self.lemmas or (tok.vlemma and tok.vlemma in self.lemmas):
            return True
        for p in self.parts:
            if p in low:
                return True
        for p in self.prefixes:
            if low.startswith(p):
                return True
        return False


# --------------------------------------------------------------------------- Finnish verbs
# Conjugated by fi_morph (person/mood known). Grouped only for readability.
FI_ACTION_VERBS = _w(
    "avata sulkea tilata varata peruuttaa perua hyvittää palauttaa korjata vaihtaa lähettää "
    "soittaa välittää siirtää tarkistaa selvittää hoitaa käsitellä kirjata merkitä poistaa "
    "lisätä päivittää muuttaa järjestää toimittaa ilmoittaa kertoa varmistaa vahvistaa seurata "
    "ottaa pyytää maksaa korvata aktivoida uusia nollata katsoa tutkia etsiä löytää käynnistää "
    "testata laittaa antaa luoda kuitata priorisoida nopeuttaa eskaloida jatkaa palata huolehtia "
    "sopia laskea hyväksyä myöntää kumota estää lukita vapauttaa ohjata tarjota asentaa puhua "
    "keskustella kysyä tiedustella lähettää hyvittää jäljittää paikantaa vapauttaa liittää "
    "aloittaa tallentaa palauttaa varmistua pysäyttää hylätä hakea noutaa tuoda viedä "
    "pidentää lyhentää aikaistaa myöhentää keskeyttää nostaa")
FI_HANDOFF_VERBS = _w("välittää siirtää ohjata eskaloida kirjata")
FI_NON_ACTION_VERBS = _w(
    "pahoitella ymmärtää toivoa kiittää uskoa tietää nähdä huomata valitella pelätä ihmetellä "
    "suositella ehdottaa neuvoa olla haluta voida pitää täytyä kannattaa tarvita aikoa pyrkiä "
    "ehtiä pystyä yrittää saada joutua muistuttaa todeta")
FI_CONTACT_VERBS = _w(
    "ottaa soittaa lähettää täyttää varata käydä tulla asioida kysyä katsoa tarkistaa kirjautua "
    "tehdä jättää pyytää hakea vierailla ilmoittaa olla kääntyä tutustua lukea toimittaa mennä "
    "siirtyä valita klikata painaa seurata odottaa yrittää käyttää selata piipahtaa poiketa noutaa "
    "tilata hallita")
FI_SAY_VERBS = _w(
    "kertoa mainita todeta ohjeistaa neuvoa ilmoittaa sanoa selittää korostaa tiedottaa "
    "muistuttaa huomauttaa painottaa varoittaa kehottaa lukea")
FI_FAILURE_VERBS = _w(
    "rikkoa laiminlyödä unohtaa väärinkäyttää aiheuttaa vaarantaa luovuttaa jakaa ohittaa sotkea "
    "paljastaa")
FI_DISCLOSE_VERBS = _w("jakaa antaa luovuttaa syöttää paljastaa välittää kertoa näyttää lähettää")
FI_RECEIVE_VERBS = _w("saada näkyä päätyä tulla olla mennä tapahtua käydä joutua lähteä toimia kulkea")
FI_DUTY_VERBS = _w(
    "lukea noudattaa tarkistaa ilmoittaa huomioida maksaa päivittää seurata tutustua varmistaa "
    "tallentaa vastata toimia täyttää muistaa katsoa kirjoittaa")
FI_MODAL_VERBS = _w("voida pitää täytyä tulla kannattaa tarvita joutua aikoa pyrkiä ehtiä pystyä saada")

FI_VERBS = tuple(sorted(set(FI_ACTION_VERBS + FI_HANDOFF_VERBS + FI_NON_ACTION_VERBS + FI_CONTACT_VERBS
                            + FI_SAY_VERBS + FI_FAILURE_VERBS + FI_DUTY_VERBS + FI_MODAL_VERBS
                            + FI_DISCLOSE_VERBS + FI_RECEIVE_VERBS
                            + _w("kuulua opastaa ratketa johtua viitata ehtiä palvella auttaa tarjota käsitellä piipahtaa poiketa "
                                 "noutaa löytää hallita syöttää valvoa harkita varautua vältellä välttää "
                                 "vältyä hyväksyä suositella"))))

# --------------------------------------------------------------------------- pronouns
FI_PRON2 = frozenset(_w("sinä sinun sinua sinulle sinulla sinulta sinut sinuun sinusta sinussa "
                        "te teidän teitä teille teillä teiltä teidät teihin teistä sä sun sua sulle"))
FI_PRON1SG = frozenset(_w("minä minun minua minulle minulla minulta minut minuun minusta mä mun"))
FI_PRON1PL = frozenset(_w("me meidän meitä meille meillä meiltä meidät meihin meistä meihin"))
EN_PRON2 = frozenset(_w("you your yours yourself yourselves you're you've you'll you'd ya"))
EN_PRON1SG = frozenset(_w("i i'm i've i'll i'd me my mine myself"))
EN_PRON1PL = frozenset(_w("we we're we've we'll we'd us our ours ourselves"))
EN_NEG = frozenset(_w("not no never nothing nobody none neither nor cannot"))
EN_MODAL = frozenset(_w("can could may might should would will must shall 'll ought"))

# --------------------------------------------------------------------------- stopwords (lemmas)
FI_STOP = frozenset(_w(
    "ja tai sekä mutta vaan että kun jos koska joten niin kuin kuten vaikka jotta eli myös vielä jo "
    "nyt sitten siis vain aivan hyvin kyllä ei olla on se ne tämä nämä tuo joka mikä kuka mitä "
    "jokin joku mikään kukaan kaikki jokainen oma itse hän he minä sinä me te heidän sen sitä "
    "siitä siihen sille siinä niin noin yli alle ennen jälkeen kanssa ilman mukaan kautta varten "
    "asti saakka aina myös kiitos hei moi terve terveisin ystävällisin parhain voida tulla saada "
    "pitää täytyä kannattaa tämän tässä tähän tästä näin siellä täällä juuri heti samalla "
    "vain enää jo sitä tätä sitten mukaan ole olen olet olemme olette ovat oli olisi"))
EN_STOP = frozenset(_w(
    "a an the and or but so if then than that this these those there here is are was were be been "
    "being am do does did have has had having of to in on at by for with from as into onto about "
    "it its it's they them their he she him her his hers we us our you your i me my mine not no "
    "can could may might should would will shall must just also very really please thanks thank "
    "hi hello dear regards kind best any some all each every which who whom whose what when where "
    "how why up down out over under again once only own same such too more most other another "
    "get got let make sure yes ok okay"))

# --------------------------------------------------------------------------- redirect targets
FI_TARGETS = Lex("fi", words=_w("konttori toimipiste palvelupiste liike myymälä kauppa tiimi osasto yksikkö "
                                 "asiantuntija lomake verkkosivu sivusto ukk chat sähköposti vikailmoitus "
                                 "ajanvaraus isännöitsijä taloyhtiö viranomainen poliisi kela vakuutusyhtiö "
                                 "maahantuoja valmistaja jälleenmyyjä operaattori pankki vaihde neuvonta "
                                 "puhelimitse kioski apteekki posti huoltamo korjaamo verkkolomake"),
                 parts=("konttor", "toimipist", "palvelupist", "liikkee", "liikke", "myymälä", "kaupa", "kaupp",
                        "asiakaspalvel", "puhelinpalvel", "korttipalvel", "lainapalvel", "tiimi", "osasto",
                        "yksikkö", "yksikö", "asiantuntij", "lomak", "verkkosivu", "sivuilla", "sivuilta",
                        "sivustol", "sivusto", "chat", "verkkoviest", "sähköpost", "puhelimitse",
                        "palvelunumer", "vikailmoitu", "ajanvarau", "isännöitsij", "taloyhtiö",
                        "viranomai", "poliisi", "vakuutusyhtiö", "maahantuoj", "valmistaj", "jälleenmyyj",
                        "operaattor", "vaihteese", "vaihteesta", "vaihteen", "neuvonta", "neuvonna", "ohjee",
                        "ohjeit",
                        "myyjä", "myyjil", "pankkii", "kioski", "apteek", "postiin", "postista", "huoltamo",
                        "korjaamo", "kuljetusliik", "asiakaspalvelu", "vastaanoto", "vastaanotto", "lentoasem",
                        "lentokentä", "lentokenttä", "lentoyhtiö", "matkatavarapalvel", "infopis", "palvelutis",
                        "kysytyi", "kysytyt", "työnantaj", "kunna", "kunta", "kaupungi", "taho", "ohjekesku",
                        "tukikesku", "tukisivu", "ohjesivu", "lautakun", "asiamie", "tuomioistui",
                        "lääkäriasem", "terveysasem", "terveyskesk", "klinik"),
                 prefixes=("ukk",),
                 exclude=("palvelus", "kauppakirj", "kaupante", "kauppakass", "liikkeelle", "asiakaspalvelij",
                          "vaihdet", "hukka"))
FI_UI_TARGETS = Lex("fi", words=_w("sovellus verkkopankki asetus näkymä valikko"),
                    parts=("sovellu", "verkkopank", "asetuks", "asetukse", "näkymä", "valiko", "omatili",
                           "verkkopalvelu", "palvelussa", "palveluun", "verkossa", "netissä", "portaali",
                           "portaalissa", "sähköisesti", "palvelusta", "kartal", "kartas", "karttapalvel"))
EN_TARGETS = Lex("en", words=_w("branch office store shop outlet department team specialist specialists expert "
                                 "adviser advisor service support helpline hotline desk centre center form "
                                 "website site faq faqs manufacturer retailer seller merchant police "
                                 "bank insurer provider operator authority landlord colleague unit counter "
                                 "article helpdesk switchboard agency showroom dealership dealer garage "
                                 "workshop kiosk pharmacy chat carrier haulier reception receptionist airport "
                                 "airline concierge employer council municipality embassy ombudsman "
                                 "tribunal regulator clinic"),
                 parts=("website", "helpline", "hotline", "help centre", "help center", "live chat", "knowledge base"))
EN_UI_TARGETS = Lex("en", words=_w("app portal settings menu page system account online banking tab section "
                                    "instructions guide self-service dashboard map"))

# contact / redirect phrasing (lemma sequences, matched in order with small gaps)
EN_CONTACT_VERBS = Lex("en", words=_w("call phone ring contact email e-mail message write visit go come pop drop "
                                       "fill complete submit book schedule check see look refer consult try "
                                       "reach get send use log head keep ask apply raise open file lodge "
                                       "register report make speak talk text dial bring collect pick order "
                                       "follow find manage appeal complain escalate"))

# conversation-internal targets: replying here is not a redirect
FI_HERE = Lex("fi", prefixes=("tähän", "tässä", "vastauksena", "vastaamall", "vastaamal"))
EN_HERE = Lex("en", prefixes=("reply", "replying", "respond", "thread"))

# routing statements: a team "serves / handles" the matter
FI_ROUTING_VERBS = Lex("fi", words=_w("palvella auttaa hoitaa käsitellä vastata kuulua neuvoa opastaa"),
                       parts=("palvele", "auttav", "auttaa", "hoitav", "käsittelev"))
# --------------------------------------------------------------------------- ownership
EN_ACTION_VERBS = Lex("en", words=_w(
    "open close cancel refund credit reverse book schedule arrange order send call phone ring email "
    "forward pass escalate flag check look find locate trace track investigate fix repair restore "
    "reset change update correct process approve activate unblock unlock block freeze stop add "
    "remove set sign note record register file raise speak talk contact chase confirm verify "
    "request ensure follow reach return replace reissue resend waive compensate apply transfer move "
    "push prioritise prioritize expedite handle sort take give put attach create submit deal "
    "get come write text reply investigate organise organize cover pay reimburse unfreeze reopen "
    "recover reinstate authorise authorize release dispatch ship arrange contact ask"))
EN_DIRECTIVE_VERBS = Lex("en", words=_w(
    "call phone ring contact email e-mail message write visit go come pop drop fill complete submit book "
    "schedule check see look refer consult try reach get send use log head keep ask apply raise open file "
    "lodge register report make speak talk text dial bring collect pick order follow find manage do type "
    "enter click select choose download install update change read wait take follow print sign upload "
    "request return pay contact arrange claim reclaim appeal complain escalate obtain seek"))
EN_HANDOFF_VERBS = Lex("en", words=_w("forward pass escalate refer transfer hand log note record raise"))
EN_NON_ACTION = Lex("en", words=_w(
    "be am sorry understand hope see know think believe apologise apologize appreciate thank "
    "realise realize imagine feel recommend suggest advise afraid love like want wish notice need "
    "can could would may might must should will have do"))

# --------------------------------------------------------------------------- time
FI_TIME = Lex("fi", words=_w("tänään huomenna ylihuomenna mennessä viimeistään heti klo kello välittömästi "
                              "huomisaamuna huomisiltana aamupäivällä iltapäivällä tänä"),
              parts=("maanantai", "tiistai", "keskiviiko", "torstai", "perjantai", "lauantai", "sunnuntai",
                     "huomise", "tämäniltai"))
FI_TIME_PHRASES = (("saman", "tien"), ("tämän", "päivän"), ("juuri", "nyt"), ("ensi", "viikko"),
                   ("tällä", "viikolla"), ("tunnin", "sisällä"), ("tunnin", "kuluessa"))
EN_TIME = Lex("en", words=_w("today tomorrow tonight immediately monday tuesday wednesday thursday friday "
                              "saturday sunday noon midday midnight asap eod"))
# --------------------------------------------------------------------------- empathy
FI_EMPATHY = Lex("fi", words=_w("pahoitella pahoillaan anteeksi ikävä harmillinen harmi ymmärtää kurja "
                                 "turhauttava stressaava onnitella onnittelu onnea valitettava harmittaa "
                                 "hankala huoli ikävästi pahoittelu"),
                 parts=("pahoittel", "pahoillan", "ikävä", "harmilli", "turhautt", "onnittel", "ymmärrä",
                        "ymmärrettävä"))
EN_EMPATHY = Lex("en", words=_w("sorry apologise apologize apology apologies understand frustrating "
                                 "stressful worrying inconvenience imagine congratulations congrats "
                                 "appreciate unfortunately frustration upsetting awful annoying"),
                 parts=("apolog", "frustrat", "stressful", "congrat"))
# validating the customer without an apology: "olet oikeassa", "hyvä että ilmoitit", "you're right"
FI_VALIDATE = Lex("fi", words=_w("oikeassa fiksua hätää toivottavasti onneksi ymmärrettävää tietysti "
                                  "riesa harmittavaa turhauttavaa hyvä"),
                  prefixes=("toivottavasti", "ymmärrettäv", "oikeutettu"))
EN_VALIDATE = Lex("en", words=_w("right glad hope hopefully understandable worries worry fair"))
FI_CANNED_THANKS = (("kiitos", "viesti"), ("kiitos", "yhteydenotto"), ("kiitos", "kiinnostus"),
                    ("kiittää", "yhteydenotto"))
EN_CANNED_THANKS = (("thank", "message"), ("thank", "contact"), ("thank", "reach"), ("thank", "get"),
                    ("thank", "interest"), ("thanks", "message"), ("thanks", "contact"))

# --------------------------------------------------------------------------- FAQ voice
FI_CUSTOMER_3P = Lex("fi", words=_w("asiakas vastaanottaja tilinhaltija kortinhaltija käyttäjä hakija kuluttaja "
                                     "matkustaja jäsen omistaja tilaaja lähettäjä huoltaja haltija lainanottaja "
                                     "ostaja maksaja vuokralainen asukas potilas vakuutettu vakuutuksenottaja"),
                     parts=("haltij", "vastaanottaj", "lainanottaj", "ostaj", "tilaaj", "maksaj", "omistaj",
                            "matkustaj", "vuokralai", "asukka", "potilaa", "vakuutuksenottaj"),
                     prefixes=("asiakka", "käyttäj"),
                     exclude=("asiakaspalv", "asiakasnum", "asiakastil", "asiakastie", "asiakassuh", "käyttäjätie",
                              "käyttäjätun", "vastaanottajapank"))
EN_CUSTOMER_3P = Lex("en", words=_w("customer customers holder holders cardholder cardholders user users "
                                     "recipient recipients applicant applicants member members consumer "
                                     "consumers subscriber subscribers client clients passenger passengers "
                                     "borrower borrowers buyer buyers owner owners tenant tenants resident "
                                     "residents policyholder policyholders traveller travellers traveler travelers "
                                     "patient patients guest guests"))
FI_HOWTO_PLACE = Lex("fi", parts=("kohdassa", "kohdasta", "valiko", "osiossa", "osiosta", "välilehde",
                                  "asetuksi", "asetukse", "sivulla", "sivulta", "sovelluksessa",
                                  "verkkopankissa", "palvelussa"))
EN_HOWTO_PLACE = Lex("en", words=_w("settings menu section tab page screen portal app"))
FI_GENERIC_ADV = Lex("fi", words=_w("yleensä tavallisesti normaalisti automaattisesti pääsääntöisesti "
                                     "tarvittaessa"))
EN_GENERIC_ADV = Lex("en", words=_w("normally usually typically generally automatically"))

# --------------------------------------------------------------------------- accusatory
FI_SUSPICION = Lex("fi", words=_w("väärinkäyttö väärinkäytös petos huijaus epäillä epäily epäilyttävä "
                                   "vilppi rikos tilikaappaus luvaton"),
                   parts=("väärinkäy", "petoks", "petos", "huijau", "epäil", "vilpi", "tilikaappau",
                          "rikollis"))
EN_SUSPICION = Lex("en", words=_w("fraud fraudulent suspicious suspicion suspect misuse abuse dishonest "
                                   "takeover scam"), parts=("fraud", "suspic", "misus"))
FI_INDICATE = Lex("fi", words=_w("viitata tyypillinen viittaava osoittaa"),
                  parts=("viittaa", "tyypilli", "kuvio", "tunnusmerk", "tunnuspiirt"))
EN_INDICATE = Lex("en", words=_w("indicate indicates suggest suggests typical consistent sign pattern patterns "
                                  "hallmark hallmarks"))
FI_RESPONSIBILITY = Lex("fi", words=_w("vastuu vastuullinen vastuussa velvollisuus syyllinen"),
                        parts=("vastuul", "vastuus", "velvollisuu", "syyllis"),
                        exclude=("omavastuu",),  # the insurance deductible: an amount, not blame
                        # "vastuumyyjä", "vastuuhenkilö", "vastuualue": vastuu- as the first part of a compound
                        # naming a role or an area (a case / possessive ending after "vastuu" keeps the word)
                        exclude_re=r"vastuu(?!(?:n|t|ta|seen|ssa|sta|lla|lta|lle|na|ksi|si|nsa|nsä|mme|nne|hun|"
                                   r"ll|t[oö]n|tto|ut)).+")
EN_RESPONSIBILITY = Lex("en", words=_w("responsible responsibility fault liable liability negligence "
                                        "careless carelessness"))
FI_RULE_REF = Lex("fi", words=_w("ohje sääntö ehto käyttöehto sopimus ohjeistus"),
                  parts=("ohjee", "ohjei", "ehdo", "ehtoj", "sääntö", "säännö", "sopimukse", "käyttöehd"),
                  exclude=("säännölli", "ehdott", "ehdoton", "ehdottom"))
EN_RULE_REF = Lex("en", words=_w("instruction instructions rule rules terms condition conditions policy "
                                  "agreement guidelines guide"))
FI_QUANT_GENERIC = Lex("fi", words=_w("yleensä useimmiten usein tavallisesti enimmäkseen valtaosa moni monet "
                                       "tyypillisesti"), parts=("suurin", "useimm", "valtaos", "tyypillise"))
EN_QUANT_GENERIC = Lex("en", words=_w("most usually typically often majority many commonly generally"))
FI_CAUSE = Lex("fi", words=_w("johtua syy koska aiheuttaa vuoksi takia"), parts=("johtu", "aiheut"))
EN_CAUSE = Lex("en", words=_w("because due caused cause result results happen happens occur occurs"))
FI_CUSTOMER_SIDE = Lex("fi", words=_w("asiakas oma käyttäjä salasana tunnus laite"),
                       parts=("asiakka", "salasan", "tunnuks", "käyttäjä", "laittee", "laitte"),
                       prefixes=("omist", "omia", "oman", "omat", "omaa", "omis", "omal"),
                       exclude=("asiakaspalvelu",))
EN_CUSTOMER_SIDE = Lex("en", words=_w("password passwords customer customers user users own reused shared "
                                       "careless device devices login details"))
FI_PATIENCE = Lex("fi", words=_w("kärsivällisyys malttaa kärsivällinen"), parts=("kärsivälli",))
EN_PATIENCE = Lex("en", words=_w("patience patient"))
FI_REPRIMAND = Lex("fi", words=_w("turhaan turha päällekkäinen ruuhka ruuhkauttaa hidastaa kuormittaa "
                                   "turhia turhat turhista"), parts=("päällekkäi", "ruuhka", "kuormit", "hidast"))
EN_REPRIMAND = Lex("en", words=_w("duplicate unnecessary unnecessarily needlessly clog clogs slows "
                                   "repeatedly"))
FI_BLAME_NOUN = Lex("fi", words=_w("huolimattomuus virhe laiminlyönti syy"),
                    parts=("huolimatto", "laiminlyön"))
EN_BLAME_NOUN = Lex("en", words=_w("fault mistake error negligence carelessness oversight"))
FI_CLEARLY = Lex("fi", words=_w("selvästi selkeästi yksiselitteisesti"), parts=("selväst", "selkeäst"))
EN_CLEARLY = Lex("en", words=_w("clearly explicitly plainly"))
FI_RISK = Lex("fi", words=_w("riski riskinsä"), prefixes=("riski",), exclude=("riskisään", "riskienhall"))
EN_RISK = Lex("en", words=_w("risk risks"))

# exculpation: "not your fault", "ei johdu sinusta"
# --------------------------------------------------------------------------- registry
REGISTRY: dict[str, Lex] = {}
for _name, _obj in list(globals().items()):
    if isinstance(_obj, Lex):
        object.__setattr__(_obj, "name", _name)
        REGISTRY[_name] = _obj
_BY_LANG: dict[str, tuple[Lex, ...]] = {}
for _lex in REGISTRY.values():
    _BY_LANG.setdefault(_lex.lang, ())
    _BY_LANG[_lex.lang] += (_lex,)


def classes_for(lang: str, tok) -> frozenset[str]:
    """Names of every word class of ``lang`` that ``tok`` (low / lemma / vlemma) belongs to."""
    return frozenset(lex.name for lex in _BY_LANG.get(lang, ()) if lex._match(tok))


def union(toks) -> frozenset[str]:
    """Word classes present anywhere in a token sequence."""
    out: set[str] = set()
    for t in toks:
        out |= t.info.cls
    return frozenset(out)
