"""accusatory: blame, reprimand, suspicion vs neutral rules and exculpation (Finnish and English)."""

from __future__ import annotations

import pytest

from copilot.review import review
from test_review_data import EN_GOOD, FI_GOOD, case_and_kb

FLAGGED = [
    ("fi", "Hei, olet rikkonut käyttöehtojamme jakamalla tunnuksesi."),
    ("fi", "Sinun olisi pitänyt lukea ohjeet ennen numeron vaihtamista."),
    ("fi", "Olisit voinut välttää tämän ilmoittamalla numeron vaihdosta etukäteen."),
    ("fi", "Kuten jo aiemmin kerrottiin, kortti avataan vasta tunnistamisen jälkeen."),
    ("fi", "Älä ota enää yhteyttä tästä asiasta."),
    ("fi", "Hei Maija. Et ole noudattanut ohjeita, joten kortti suljettiin."),
    ("en", "You should have read the instructions before changing your number."),
    ("en", "As you were already told, the card is reopened only after identification."),
    ("en", "Please do not contact us again about this matter."),
    ("en", "It is your responsibility to keep your contact details up to date."),
    ("en", "Hi Sam. You didn't follow the instructions, so the card was blocked."),
    ("en", "Hi Sam. Next time, please double-check your details before changing your number."),
    ("fi", "Hei Maija. Jatkossa tarkistathan tietosi huolellisesti ennen numeron vaihtamista."),
    ("en", "Hi Sam. We have no record of any error on our side, and this kind of block only happens when customers "
           "change their details carelessly."),
]

# polite surface, still blame / reprimand / rule-quoting at the customer
POLITE = [
    ("fi", "Ymmärrämme harmin, mutta ehdoissa kerrotaan selvästi, että numeron vaihto voi sulkea kortin."),
    ("fi", "Hei Maija, kiitos viestistä! Numeron vaihto kannattaa jatkossa tehdä hyvissä ajoin ennen laskujen "
           "eräpäivää, jotta tällaisilta tilanteilta vältytään."),
    ("en", "We understand your frustration, but the terms you accepted clearly state that a number change can "
           "block the card."),
    ("en", "Thanks for your message, Sam. Card blocks like this are usually caused by customers changing their "
           "details at the last minute. In future, we recommend updating your number well in advance."),
]

PASSES = [
    # neutral statement of a rule + action
    ("fi", "Hei Maija, turvallisuussyistä kortti suljetaan automaattisesti, kun puhelinnumero vaihtuu. Avasin "
           "korttisi nyt, ja se toimii taas 30 minuutin kuluttua."),
    ("en", "Hi Sam, for security reasons cards are blocked automatically when the phone number changes. I've "
           "reopened yours and it will work again in about 30 minutes."),
    # exculpation
    ("fi", "Hei Maija, tämä ei johdu mistään, mitä teit – kyse oli järjestelmämme varotoimesta. Avasin korttisi, "
           "ja ehdit hyvin maksaa vuokran huomenna."),
    ("en", "Hi Sam, this wasn't anything you did – it was an automatic safety rule on our side. I've reopened "
           "your card, so you can pay the rent tomorrow."),
    # admissions use the same counterfactual grammar
    ("fi", "Hei Maija, pahoittelen – sinun olisi pitänyt saada ilmoitus sulusta. Avasin kortin juuri."),
    ("en", "Hi Sam, you're right that you should have been told about the block. I've reopened the card."),
    ("fi", "Hei Maija, paketin ei olisi pitänyt päätyä vanhaan osoitteeseen. Tilasin sen uudelleen huomiseksi."),
    # "as you mentioned" is the customer's words, not a reprimand
    ("en", "Hi Sam, as you mentioned, the rent is due tomorrow, so I've reopened the card right away."),
    ("fi", "Hei Maija, kuten kerroit, vuokra pitää maksaa huomenna, joten avasin kortin heti. Se toimii puolen "
           "tunnin päästä."),
    # a neutral safety rule is not blame
    ("fi", "Hei Maija, avasin kortin. Pankki ei koskaan pyydä tunnuksia tekstiviestillä, joten jos saat sellaisen "
           "viestin, älä vastaa siihen."),
    ("en", "Hi Sam, I've reopened the card. We never ask for your PIN by text message, so if you get one, please "
           "ignore it."),
    ("fi", "Hei Maija, kiitos kärsivällisyydestäsi! Avasin kortin, ja se toimii puolen tunnin päästä."),
    ("fi", FI_GOOD),
    ("en", EN_GOOD),
]


@pytest.mark.parametrize("lang,reply", FLAGGED + POLITE)
def test_blame_is_flagged(lang, reply):
    case, kb = case_and_kb(lang)
    rv = review(reply, case, kb)
    assert "accusatory" in rv.flags, rv.checks["accusatory"].details
    res = rv.checks["accusatory"]
    assert res.reasons and res.reasons[0].span is not None
    assert res.reasons[0].span.text == reply[res.reasons[0].span.start:res.reasons[0].span.end]


@pytest.mark.parametrize("lang,reply", PASSES)
def test_neutral_and_admitting_replies_pass(lang, reply):
    case, kb = case_and_kb(lang)
    rv = review(reply, case, kb)
    assert "accusatory" not in rv.flags, rv.checks["accusatory"].details


def test_finnish_hint_and_span():
    case, kb = case_and_kb("fi")
    reply = "Hei Maija. Olisit voinut välttää tämän ilmoittamalla numeron vaihdosta etukäteen."
    res = review(reply, case, kb).checks["accusatory"]
    assert res.reasons[0].message.startswith("Tämä kuulostaa syyttävältä")
    assert "Olisit voinut" in res.reasons[0].span.text


def test_burden_of_proof_and_error_denial():
    case, kb = case_and_kb("en")
    reply = ("Hello Sam. Errors in our card system are extremely rare. If you believe the block is wrong, please "
             "send us photos showing the new number in your phone settings.")
    assert "accusatory" in review(reply, case, kb).flags
    case, kb = case_and_kb("fi")
    reply = ("Hei. Virheet ovat järjestelmässämme hyvin harvinaisia. Jos sinulla on kuitti numeron vaihdosta, "
             "lähetä se meille, jotta voimme varmistaa asian.")
    assert "accusatory" in review(reply, case, kb).flags


def test_suspicion_at_the_customer():
    case, kb = case_and_kb("fi")
    reply = ("Hei Maija. Kortti suljettiin, koska tililläsi havaittiin toimintaa, joka viittaa väärinkäyttöön. "
             "Oletko antanut tunnuksesi jollekulle?")
    assert "accusatory" in review(reply, case, kb).flags
    case, kb = case_and_kb("en")
    reply = "Hello Sam. Have you shared your login details or codes with anyone recently?"
    assert "accusatory" in review(reply, case, kb).flags


def test_details_you_gave_us_is_not_suspicion():
    from copilot.review import review

    reply = ("Hei Ville, minulla on jo antamasi tiedot (lähetystunnus JJFI64283900012345678), joten sinun ei "
             "tarvitse lähettää niitä uudelleen. Selvitän asian ja palaan tänään klo 15 mennessä.")
    assert "accusatory" not in review(reply, "Paketti ei ole automaatissa.").flags
    suspicious = "Oletko antanut tunnuksesi jollekulle? Se selittäisi tilanteen."
    assert "accusatory" in review(suspicious, "Tililtäni on viety rahaa.").flags
