"""Phenomena (not phrasings) for the penalty checks: each construction with a flagged case and a
must-pass contrast, in Finnish and English. Wording here is deliberately different from the
labelled sets so the checks are held to the construction, not to a string."""

from __future__ import annotations

import pytest

from copilot.case import Case
from copilot.review import review
from test_review_data import case_and_kb

GYM_FI = Case(message="Kulkukorttini ei avaa salin ovea, vaikka jäsenyys on voimassa. Voitko auttaa?", lang="fi")
GYM_EN = Case(message="My access card won't open the gym door although my membership is valid. Can you help?",
              lang="en")
TRIP_FI = Case(message="Matkalaukkuni jäi lentokentälle ja lisämaksu veloitettiin. Mitä nyt?", lang="fi")
TRIP_EN = Case(message="My suitcase was left at the airport and I was charged an extra fee. What now?", lang="en")
APP_FI = Case(message="Hakemukseni hylättiin enkä ymmärrä miksi. Voitteko auttaa?", lang="fi")
APP_EN = Case(message="My application was rejected and I don't understand why. Can you help?", lang="en")

ACCUSATORY = [
    # after-the-fact advice that implies the customer got it wrong
    ("fi", None, "Hei Maija, avasin kortin. Uusi numero kannattaa aina tarkistaa ennen sen tallentamista."),
    ("en", None, "Hi Sam, I've reopened the card. It is always worth double-checking a new number before saving it."),
    ("en", APP_EN, "Hello, please make sure every field is complete before you send an application."),
    # Finnish passive / impersonal fault about the customer's action
    ("fi", GYM_FI, "Hei, kulkukorttia ei ole luultavasti pidetty lukijan edessä riittävän kauan."),
    ("fi", APP_FI, "Hei, hakemus hylättiin, koska palkkatodistus puuttui liitteistä."),
    ("fi", APP_FI, "Hei, hakemuksen tiedot oli syötetty puutteellisesti, joten sitä ei voitu käsitellä."),
    # responsibility shifted onto the customer
    ("en", TRIP_EN, "Hello, collecting luggage at the airport is the passenger's own responsibility."),
    ("fi", TRIP_FI, "Hei, matkatavaroiden noutamisesta huolehtii matkustaja itse."),
    ("fi", TRIP_FI, "Hei, laukun nouto on matkustajan omalla vastuulla."),
    # suspicion / insinuation
    ("en", GYM_EN, "Hello, it looks like the card may have been handed to a friend, which blocks it automatically."),
    ("en", APP_EN, "Hello, it's possible that the wrong income bracket was chosen on the form."),
    ("fi", GYM_FI, "Hei, näyttää siltä, että korttia on käyttänyt joku toinen henkilö."),
    ("en", TRIP_EN, "Hello, we often see complaints like this used to avoid paying the excess baggage fee."),
    # habitual blame / "no surprise"
    ("en", TRIP_EN, "Hello, bags are frequently left unlabelled by travellers, so this should not be a surprise."),
    ("fi", TRIP_FI, "Hei, laukkuja jätetään usein merkitsemättä, joten tämän ei pitäisi tulla yllätyksenä."),
    # rule quoted at the customer
    ("fi", APP_FI, "Hei, liitteiden vaatimuksesta on mainittu selkeästi hakuohjeissa."),
    ("en", APP_EN, "Hello, the attachment requirement was set out in the application guide you received."),
]

ACCUSATORY_PASS = [
    ("fi", None, "Hei Maija, hyvitys näkyy seuraavalla laskulla, ja avasin kortin juuri."),
    ("en", None, "Hi Sam, the credit will appear on your next bill, and I've reopened the card."),
    # the company admits its own fault with the same counterfactual grammar
    ("fi", None, "Hei Maija, meidän olisi pitänyt korjata numeron muutos heti. Avasin kortin nyt."),
    ("fi", None, "Hei Maija, pankin olisi pitänyt korjata sulku samana päivänä. Avasin kortin juuri."),
    ("en", None, "Hi Sam, we should have corrected the block the same day. I've reopened the card now."),
    # neutral rule statements
    ("fi", APP_FI, "Hei, hakemukseen tarvitaan palkkatodistus. Pyysin sen jo työnantajaltasi ja käsittelen "
                   "hakemuksen heti, kun se saapuu."),
    ("en", APP_EN, "Hello, applications need a payslip attached. I've requested it from your employer and will "
                   "process the application as soon as it arrives."),
    # forward-looking advice that is not about a past mistake
    ("en", None, "Hi Sam, I've reopened the card. It's worth keeping the confirmation text until the rent has gone "
                 "through."),
    ("fi", None, "Hei Maija, avasin kortin. Vahvistusviesti kannattaa säilyttää, kunnes vuokra on maksettu."),
]

DEFLECTION = [
    ("en", GYM_EN, "Hello, please ask at the gym reception, they will know what to do."),
    ("fi", GYM_FI, "Hei, kysy asiaa salin vastaanotosta, siellä osataan auttaa."),
    ("fi", TRIP_FI, "Hei, tämän asian hoitaa lentoaseman matkatavarapalvelu."),
    ("en", TRIP_EN, "Hello, this is handled by the airport's baggage service."),
    ("en", APP_EN, "Hello, you can file a new application online."),
    ("fi", APP_FI, "Hei, voit tehdä uuden hakemuksen verkossa."),
    ("fi", None, "Hei, oma pankkisi osaa auttaa tässä parhaiten."),
    ("en", None, "Hi, your own bank is best placed to help with this."),
    ("en", None, "Hi Sam, you will find the answer in our help centre."),
    ("fi", None, "Hei Maija, löydät ohjeet usein kysytyistä kysymyksistä."),
    ("en", GYM_EN, "Hello, you can manage your access card yourself in the member portal."),
    ("fi", GYM_FI, "Hei, voit hallita kulkukorttiasi itse jäsenportaalissa."),
]

DEFLECTION_PASS = [
    ("en", GYM_EN, "Hello, I've asked the gym reception to reset your card, and they'll call you today by 17:00."),
    ("fi", GYM_FI, "Hei, pyysin salin vastaanottoa nollaamaan korttisi, ja he soittavat sinulle tänään klo 17 "
                   "mennessä."),
    ("fi", TRIP_FI, "Hei, selvitän laukkusi sijainnin lentoaseman kanssa ja palaan asiaan huomenna klo 12 "
                    "mennessä."),
    ("en", TRIP_EN, "Hello, I'll look into where your bag is with the airport and get back to you tomorrow by noon."),
    ("en", APP_EN, "Hello, I've reopened your application and fixed the income field myself; it's back in the queue "
                   "today."),
    ("fi", GYM_FI, "Hei, päivitin kulkukorttisi oikeudet jäsenportaalissa, ja ovi aukeaa taas noin tunnin päästä."),
]


def _case(lang, case):
    if case is None:
        return case_and_kb(lang)
    return case, None


@pytest.mark.parametrize("lang,case,reply", ACCUSATORY)
def test_accusatory_phenomena_flagged(lang, case, reply):
    c, kb = _case(lang, case)
    rv = review(reply, c, kb)
    assert "accusatory" in rv.flags, rv.checks["accusatory"].details


@pytest.mark.parametrize("lang,case,reply", ACCUSATORY_PASS)
def test_accusatory_contrasts_pass(lang, case, reply):
    c, kb = _case(lang, case)
    rv = review(reply, c, kb)
    assert "accusatory" not in rv.flags, rv.checks["accusatory"].details


@pytest.mark.parametrize("lang,case,reply", DEFLECTION)
def test_deflection_phenomena_flagged(lang, case, reply):
    c, kb = _case(lang, case)
    rv = review(reply, c, kb)
    assert "deflection" in rv.flags, rv.checks["deflection"].details


@pytest.mark.parametrize("lang,case,reply", DEFLECTION_PASS)
def test_deflection_contrasts_pass(lang, case, reply):
    c, kb = _case(lang, case)
    rv = review(reply, c, kb)
    assert "deflection" not in rv.flags, rv.checks["deflection"].details


def test_echoing_the_customer_is_not_recitation():
    for lang, reply in (
            ("en", "Hi Sam, so your card stopped working after you changed your phone number in online banking, "
                   "and the rent is due tomorrow. I've reopened the card now and it will work again in about 30 "
                   "minutes."),
            ("fi", "Hei Maija, korttisi siis lakkasi toimimasta, kun vaihdoit puhelinnumerosi verkkopankissa, ja "
                   "vuokra pitäisi maksaa huomenna. Avasin kortin nyt, ja se toimii noin 30 minuutin kuluttua.")):
        c, kb = case_and_kb(lang)
        rv = review(reply, c, kb)
        assert "copy_paste" not in rv.flags, rv.checks["copy_paste"].details


def test_near_verbatim_knowledge_with_a_number_is_recitation():
    for lang, reply in (
            ("en", "Hi Sam, thanks for getting in touch about your card. When a customer's phone number changes in "
                   "online banking, the card may be blocked automatically for 24 hours. A blocked card can be "
                   "reopened once your identity has been verified. Reopening takes effect in about 30 minutes. "
                   "You can reach us on 0200 12345 if you have any questions about your card."),
            ("fi", "Hei Maija, kiitos yhteydenotosta korttiasi koskien. Kun asiakkaan puhelinnumero vaihtuu "
                   "verkkopankissa, kortti voidaan sulkea automaattisesti 24 tunnin ajaksi. Suljetun kortin voi "
                   "avata uudelleen, kun henkilöllisyytesi on varmistettu. Avaus tulee voimaan noin 30 "
                   "minuutissa. Tavoitat meidät numerosta 0200 12345, jos sinulla on kysyttävää kortistasi.")):
        c, kb = case_and_kb(lang)
        rv = review(reply, c, kb)
        assert "copy_paste" in rv.flags, rv.checks["copy_paste"].details
