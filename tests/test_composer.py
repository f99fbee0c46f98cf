from __future__ import annotations

from datetime import datetime

import pytest

from copilot.case import Case
from copilot.composer import action_steps, compose, customer_content, follow_up_time, given_sentence, when_phrase
from copilot.phrasing import (en_facts, en_step, fi_facts, fi_passive, fi_second_person, fi_step,
                              parse_instruction)
from copilot.specifics import extract_specifics

MON_MORNING = datetime(2026, 11, 23, 9, 15)
FRI_AFTERNOON = datetime(2026, 11, 27, 15, 0)

# an agent instruction as Retriever.document_sections returns it (heading, text)
SHELF_CODE = [
    ("Milloin tämä ohje koskee", "Asiakas odotti pakettia automaattiin, mutta saapumisviestissä onkin hyllykoodi."),
    ("Mitä voit tehdä itse",
     "1. Avaa Seuranta → lähetystunnus → Tapahtumat. Syy näkyy rivillä *Siirretty palvelupisteeseen*.\n"
     "2. Kerro palvelupisteen osoite ja aukioloajat Toimipistehausta.\n"
     "3. Jos asiakas haluaa paketin silti automaattiin, tilaa *Siirto automaattiin*. Siirto kestää 1–2 "
     "arkipäivää, ja asiakas saa uuden viestin avauskoodin kanssa."),
    ("Mitä kerrot asiakkaalle",
     "- Paketti on tallessa palvelupisteen tiskillä, ei automaatissa.\n"
     "- Mukaan tarvitaan voimassa oleva passi, henkilökortti tai ajokortti. Kela-kortti ei käy.\n"
     "- Jos joku muu noutaa, hän tarvitsee valtakirjan tai asiakas voi antaa noutovaltuuden "
     "Pakettipiste-sovelluksessa.\n"
     "- Mitä asiakas voi tehdä, jos aukioloajat eivät sovi."),
    ("Älä tee näin", "- Älä sano, että asiakas on lukenut viestin väärin."),
]
MAIJA = ("Moi, tilasin paketin ja tekstiviestissä lukee hyllykoodi B12 ja ota henkilöllisyystodistus mukaan, "
         "mutta valitsin automaatin! Seurantakoodi JJFI12345678901234567. -Maija")
CARD_EN = [
    ("What you can do yourself",
     "1. Open Card management → the card → **Usage areas**.\n"
     "2. Change the area to **Worldwide** (or add the specific region). The change takes effect in about 15 minutes.\n"
     "3. Refund the duplicate charge in Billing. Then email the customer.\n"
     "4. Don't promise a delivery date."),
    ("What to tell the customer",
     "- Why the card was declined and that nothing is wrong with the card itself.\n"
     "- The card will work worldwide in about 15 minutes; they can try again after that."),
]


def _info(sections, message="", lang="fi"):
    return parse_instruction(sections, message, lang)


@pytest.mark.parametrize("imperative, passive", [
    ("kerro", "kerrotaan"), ("lähetä", "lähetetään"), ("tarkista", "tarkistetaan"), ("siirrä", "siirretään"),
    ("pidennä", "pidennetään"), ("hae", "haetaan"), ("avaa", "avataan"), ("vertaa", "verrataan"),
    ("tarjoa", "tarjotaan"), ("valitse", "valitaan"), ("saa", "saadaan"), ("tee", "tehdään"),
    ("tule", None), ("Seuranta,", None),
])
def test_finnish_passive_of_an_imperative(imperative, passive):
    assert fi_passive(imperative) == passive


@pytest.mark.parametrize("third, second", [("voi", "voit"), ("on", "olet"), ("saa", "saat"), ("sopii", "sovit"),
                                           ("tarvitsee", "tarvitset"), ("odottaa", "odotat"), ("näkee", "näet")])
def test_finnish_second_person(third, second):
    assert fi_second_person(third) == second


def test_internal_names_come_from_agent_sections_unless_the_customer_knows_them():
    info = _info(SHELF_CODE, "Onko Toimipistehaku teillä käytössä?")
    assert "seuran" in info.internal  # "Seuranta", an internal tool
    assert not any(s.startswith("pakettipist") for s in info.internal)  # named in the customer-facing part
    assert not any(s.startswith("toimipistehak") for s in info.internal)  # the customer used it


@pytest.mark.parametrize("step, expected", [
    # object first, passive: the imperative's nominative object stays right; the internal source is cut
    ("Kerro palvelupisteen osoite ja aukioloajat Toimipistehausta.", "Palvelupisteen osoite ja aukioloajat kerrotaan sinulle."),
    ("Lähetä uusi noutokoodi tekstiviestillä (maksuton).", "Uusi noutokoodi lähetetään sinulle tekstiviestillä."),
    ("Pidennä noutoaikaa seitsemällä päivällä.", "Noutoaikaa pidennetään seitsemällä päivällä."),
    ("Avaa luukku etänä: Automaattihallinta → automaatti → *Avaa etänä*.", "Luukku avataan etänä."),
    ("Siirrä aika asiakkaan toivomaan vapaaseen aikaan (*Siirrä varaus*).", "Aika siirretään toivomaasi vapaaseen aikaan."),
    ("Avaa Seuranta → lähetystunnus → Tapahtumat.", None),  # only an internal tool
    ("Tee tiketti *Automaattivika*.", None),  # the object is named by an internal label
    ("Jos asiakas haluaa, tilaa siirto.", None),  # a condition the composer cannot check
    ("**Lasku on maksamatta:** valitse *Korjaa lasku*.", None),  # one branch of several
    ("**Älä** anna koodia kenellekään", None),  # prohibitions are not actions
    ("Siirto ja peruutus ovat maksuttomia.", None),  # a statement, not a step
    ("Pyydä lähetystunnus ja numero.", None),  # asking again for what the customer gave
])
def test_finnish_steps_become_passive_sentences_without_internal_names(step, expected):
    info = _info(SHELF_CODE + [("Mitä voit tehdä itse", "1. Avaa luukku: Automaattihallinta → *Avaa etänä*. "
                                "Tee tiketti *Automaattivika*. Kirjaa *Siirrä varaus*.")])
    assert fi_step(step, info) == expected


@pytest.mark.parametrize("item, expected", [
    ("Paketti on tallessa palvelupisteen tiskillä, ei automaatissa.",
     ["Paketti on tallessa palvelupisteen tiskillä, ei automaatissa."]),
    ("Asiakas voi antaa noutovaltuuden Pakettipiste-sovelluksessa.",
     ["Voit antaa noutovaltuuden Pakettipiste-sovelluksessa."]),
    ("Jos paketti palaa, asiakas sopii uudesta lähetyksestä. Kerro, että kauppa saa tiedon automaattisesti.",
     ["Jos paketti palaa, sovit uudesta lähetyksestä.", "Kauppa saa tiedon automaattisesti."]),
    ("Esto tehtiin asiakkaan rahojen suojaamiseksi, ei siksi että häntä epäiltäisiin.",
     ["Esto tehtiin rahojesi suojaamiseksi, ei siksi että sinua epäiltäisiin."]),
    ("Virhe oli pankin, ei asiakkaan. Pahoittele suoraan.", ["Pahoittelen – virhe oli pankin, ei sinun."]),
    ("Pahoittele: virhe oli meidän.", ["Pahoittelen, virhe oli meidän."]),
    ("Uusi eräpäivä ja mahdollinen 5 euron maksu.", []),  # a list of what to say, not a sentence
    ("Mitä korjasit ja minkä summan asiakas saa takaisin.", []),  # a question for the agent
    ("Tunnukset on suljettu, eikä kukaan pääse tekemään mitään.", []),  # true only once done
    ("Jos joku muu noutaa, hän tarvitsee valtakirjan.", []),  # "hän" is not the customer here
])
def test_finnish_tell_items_become_statements_to_the_customer(item, expected):
    assert fi_facts(item, _info(SHELF_CODE)) == expected


def test_english_steps_and_tell_items():
    info = _info(CARD_EN, "My card is declined in New York", "en")
    assert en_step("Change the area to **Worldwide** (or add the specific region).", info) == \
        "I'll change the area to Worldwide."
    assert en_step("Refund the duplicate charge in Billing. Then email the customer.", info) == \
        "I'll refund the duplicate charge."
    assert en_step("Open Card management → the card → **Usage areas**.", info) is None
    assert en_step("Don't promise a delivery date.", info) is None
    assert en_facts("The card will work worldwide in about 15 minutes; they can try again after that.", info) == \
        ["The card will work worldwide in about 15 minutes.", "You can try again after that."]
    assert en_facts("Why the card was declined and that nothing is wrong with the card itself.", info) == []
    assert action_steps(CARD_EN, "en", "My card is declined") == ["I'll change the area to Worldwide.",
                                                                   "I'll refund the duplicate charge."]


def test_content_puts_told_items_first_and_keeps_only_relevant_details():
    content = customer_content(SHELF_CODE, "fi", MAIJA)
    assert content.told == ["Paketti on tallessa palvelupisteen tiskillä, ei automaatissa.",
                            "Mukaan tarvitaan voimassa oleva passi, henkilökortti tai ajokortti.",
                            "Kela-kortti ei käy."]
    assert content.steps == ["Palvelupisteen osoite ja aukioloajat kerrotaan sinulle."]


def test_compose_finnish_reads_as_a_reply_not_as_the_instruction():
    specifics = extract_specifics(MAIJA)
    kwargs = dict(lang="fi", name="Maija", specifics=specifics, instruction_lang="fi", sections=SHELF_CODE,
                  topic='Saapumisviestissä hyllykoodi ja "ota henkilöllisyystodistus mukaan"', unsure=False,
                  now=MON_MORNING, message=MAIJA)
    comp = compose(**kwargs)
    text = comp.text
    assert not comp.unsure and text.startswith("Hei Maija,")
    assert "pahoittelen, että lähetyksesi JJFI12345678901234567 kanssa" in text  # the apology names their parcel
    assert "Paketti on tallessa palvelupisteen tiskillä" in text  # what they need to know
    assert "Palvelupisteen osoite ja aukioloajat kerrotaan sinulle." in text
    assert "hyllykoodi B12" in text  # their own word for the code, not asked again
    assert "tänään klo 16 mennessä" in text  # ownership with a time
    for leak in ("Seuranta", "Toimipistehau", "Otin asiasi", "(saapumisviestissä", "Avaan", "Kerron palvelupisteen"):
        assert leak not in text
    assert text.endswith("Ystävällisin terveisin\nAsiakaspalvelu")  # a sign-off that names who writes
    assert compose(**kwargs).text == text  # deterministic
    assert compose(**kwargs, agent_name="Anna Virtanen").text.endswith("Ystävällisin terveisin\nAnna Virtanen")
    assert compose(**kwargs, brand="Pakettipiste").text.endswith("\nPakettipiste asiakaspalvelu")


def test_compose_passes_the_review():
    from copilot.review import review

    fi = compose(lang="fi", name="Maija", specifics=extract_specifics(MAIJA), topic=None, instruction_lang="fi",
                 sections=SHELF_CODE, unsure=False, now=MON_MORNING, message=MAIJA).text
    en_msg = "My card gets declined everywhere in New York. Did you block it? – Kevin"
    en = compose(lang="en", name="Kevin", specifics=[], topic=None, instruction_lang="en", sections=CARD_EN,
                 unsure=False, now=MON_MORNING, message=en_msg).text
    for text, case in ((fi, Case(message=MAIJA, lang="fi")), (en, Case(message=en_msg, lang="en"))):
        r = review(text, case)
        assert r.flags == [] and r.score >= 85, (text, r.score, r.flags)


def test_follow_up_time_and_phrase():
    assert follow_up_time(MON_MORNING) == datetime(2026, 11, 23, 16, 0)
    due = follow_up_time(FRI_AFTERNOON)
    assert due == datetime(2026, 11, 30, 12, 0)  # next working day, not Saturday
    assert when_phrase(due, FRI_AFTERNOON, "fi") == "maanantaina klo 12 mennessä"
    assert when_phrase(follow_up_time(MON_MORNING), MON_MORNING, "en") == "today by 16:00"


def test_compose_swedish_when_unsure_and_deterministic():
    kwargs = dict(lang="sv", name="Eva Lind", specifics=extract_specifics("Order 55821"), topic=None,
                  instruction_lang=None, sections=[], unsure=True, now=MON_MORNING)
    text = compose(**kwargs).text
    assert text.startswith("Hej Eva,") and "i dag senast kl. 16" in text and "55821" in text
    assert compose(**kwargs).text == text


def test_other_language_instruction_gives_the_honest_reply():
    comp = compose(lang="en", name=None, specifics=[], topic="Lainan eräpäivä", instruction_lang="fi",
                   sections=[("Mitä voit tehdä itse", "1. Korjaa eräpäivä.")], unsure=False, now=MON_MORNING)
    assert comp.unsure and "Korjaa" not in comp.text and "I'll get back to you today by 16:00" in comp.text


def test_nothing_sayable_gives_the_honest_reply():
    sections = [("Mitä voit tehdä itse", "1. Avaa Laskutusportaali → lasku → *Siirrä eräpäivää*.")]
    comp = compose(lang="fi", name=None, specifics=[], topic="Lisää maksuaikaa", instruction_lang="fi",
                   sections=sections, unsure=False, now=MON_MORNING, message="Voinko saada lisää maksuaikaa?")
    assert comp.unsure and "Laskutusportaali" not in comp.text and "selvitän" in comp.text


@pytest.mark.parametrize("lang, message, expected", [
    ("fi", "Uusi numeroni on 044 318 2276, vuokra 780 € pitäisi maksaa.",
     "Minulla on jo viestisi tiedot (puhelinnumero 044 318 2276, summa 780 €)"),
    ("en", "Please reach me at maija@example.com, the refund was 25,90 €.",
     "I already have the details from your message (email maija@example.com, amount 25,90 €)"),
])
def test_given_sentence_names_the_phone_number_and_email_the_customer_gave(lang, message, expected):
    assert given_sentence(list(extract_specifics(message)), lang, message).startswith(expected)
