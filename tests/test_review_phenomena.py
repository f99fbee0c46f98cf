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


# the same grammar about the company's or a third party's handling is not blame on the customer
THIRD_PARTY_PASS = [
    ("en", TRIP_EN, "Hello, your bag was not loaded on time by the ground staff. I've booked it on tonight's flight "
                    "and it will be delivered to you tomorrow morning."),
    ("en", TRIP_EN, "Hello, it looks like the bag may have been left at the transfer point by the carrier. I've "
                    "asked them to send it to you today."),
    ("fi", TRIP_FI, "Hei, laukkua ei toimitettu ajoissa lennolle. Varasin sen tämän illan lennolle, ja se tuodaan "
                    "sinulle huomenna aamulla."),
    ("fi", TRIP_FI, "Hei, näyttää siltä, että kuljettaja on jättänyt laukun väärään terminaaliin. Pyysin sen "
                    "toimittamaan sinulle tänään."),
    ("en", APP_EN, "Hello, a payslip is still missing from the application, so I've asked your employer for it and "
                   "will process the application as soon as it arrives."),
    ("en", None, "Hi Sam, the easiest way to avoid the fee is to pay by direct debit, and I've reopened the card."),
]


@pytest.mark.parametrize("lang,case,reply", THIRD_PARTY_PASS)
def test_third_party_fault_is_not_accusatory(lang, case, reply):
    c, kb = _case(lang, case)
    rv = review(reply, c, kb)
    assert "accusatory" not in rv.flags, rv.checks["accusatory"].details


# more wordings of the same constructions (generalisation, not the strings above)
MORE_ACCUSATORY = [
    ("en", "Please ensure you read the booking conditions before paying."),
    ("en", "The tenant is responsible for reporting leaks promptly."),
    ("en", "It seems the wrong delivery date was selected at checkout."),
    ("en", "The meter readings were not submitted on time, which is why an estimate was used."),
    ("en", "The form was filled in incorrectly, so it was returned."),
    ("en", "Members are expected to cancel in writing, which is explained in the membership terms you signed."),
    ("fi", "Mittarilukemia ei ilmoitettu ajoissa, joten lasku perustuu arvioon."),
    ("fi", "Vuokralainen vastaa itse vuotojen ilmoittamisesta."),
    ("fi", "Ilmeisesti tilauksessa valittiin väärä toimitustapa."),
    ("fi", "Ennen lähettämistä kannattaa tarkistaa, että kaikki liitteet ovat mukana."),
    ("fi", "Vastuu laitteen säilyttämisestä on asiakkaalla."),
    ("fi", "Tästä kerrottiin sopimusehdoissa."),
]
MORE_ACCUSATORY_PASS = [
    ("en", "I've sent you a new booking link; please check the dates before you pay."),
    ("en", "The parcel was not delivered on time because of the storm, and I've refunded the delivery fee."),
    ("en", "It looks like our system selected the wrong tariff; I've corrected it."),
    ("en", "It's possible the payment was delayed by the bank holiday; I'll check it tomorrow at 10."),
    ("fi", "Lähetin uuden varauslinkin, ja kannattaa tarkistaa päivät ennen maksamista."),
    ("fi", "Pakettia ei toimitettu ajoissa myrskyn takia. Hyvitin toimitusmaksun."),
    ("fi", "Järjestelmämme valitsi ilmeisesti väärän tariffin, ja korjasin sen."),
    ("fi", "Hyvitys näkyy seuraavalla laskullasi."),
    ("fi", "Virhe olisi pitänyt korjata heti, ja hoidin sen nyt."),
    ("fi", "Hakemuksesta puuttuu vielä palkkatodistus, joten pyysin sen työnantajaltasi."),
]
MORE_DEFLECTION = [
    ("en", "The baggage desk at the airport handles lost luggage."),
    ("en", "Our FAQ covers this in detail."),
    ("en", "The airline's customer service takes care of these claims."),
    ("en", "Your bank can tell you more about this."),
    ("en", "Please speak to the front desk about this."),
    ("fi", "Näissä asioissa auttaa kuntosalin vastaanotto."),
    ("fi", "Voit hakea korvausta itse verkkopalvelussamme."),
    ("fi", "Ohjeet löytyvät sivuiltamme."),
    ("fi", "Pankkisi osaa neuvoa tarkemmin."),
    ("fi", "Tee uusi hakemus verkossa."),
]
MORE_DEFLECTION_PASS = [
    ("fi", "Välitin asian lentoyhtiön asiakaspalveluun, ja he ovat sinuun yhteydessä huomenna klo 12 mennessä."),
    ("fi", "Lentoyhtiö hoitaa korvauksen, ja olen jo lähettänyt heille hakemuksesi; saat päätöksen perjantaihin "
           "mennessä."),
    ("en", "The airline handles compensation, so I've filed the claim for you and they'll reply by Friday."),
    ("en", "I've updated your booking; you can see the new time in the app."),
    ("fi", "Päivitin varauksesi, ja näet uuden ajan sovelluksessa."),
    ("fi", "En vielä tiedä, miksi maksu hylättiin, mutta selvitän asian ja palaan sinulle tänään klo 16 mennessä."),
]


def _ask(lang):
    return "Voitteko auttaa?" if lang == "fi" else "Can you help?"


@pytest.mark.parametrize("lang,reply", MORE_ACCUSATORY)
def test_more_accusatory_wordings(lang, reply):
    assert "accusatory" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", MORE_ACCUSATORY_PASS)
def test_more_accusatory_contrasts(lang, reply):
    assert "accusatory" not in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", MORE_DEFLECTION)
def test_more_deflection_wordings(lang, reply):
    assert "deflection" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", MORE_DEFLECTION_PASS)
def test_more_deflection_contrasts(lang, reply):
    assert "deflection" not in review(reply, _ask(lang)).flags


def test_self_service_answer_to_a_how_to_question_is_not_deflection():
    rv = review("You can change your address yourself in the app under Settings > Profile; it takes effect at once.",
                Case(message="How can I change my address?", lang="en"))
    assert "deflection" not in rv.flags
    rv = review("Voit vaihtaa osoitteesi itse sovelluksessa kohdassa Asetukset > Profiili.",
                Case(message="Miten voin vaihtaa osoitteeni?", lang="fi"))
    assert "deflection" not in rv.flags


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, liitteet puuttuivat hakemuksesta."),
    ("en", "Hello, the attachments were missing from your application."),
    ("en", "Hello, it's worth checking the details before submitting."),
    ("en", "Hello, bins are frequently not presented on time, so this shouldn't come as a surprise."),
    ("en", "Hello, we see this used to get out of contracts."),
    ("fi", "Hei, korttia ei ole näytetty lukijalle oikein."),
])
def test_brief_constructions(lang, reply):
    assert "accusatory" in review(reply, _ask(lang)).flags


# hedges, passives and "missing" about the company's / the post's doing, next to the writer's own fix
@pytest.mark.parametrize("lang,reply", [
    ("en", "It's possible the letter was lost in the post. I've sent a new one today."),
    ("en", "It looks like the wrong tariff was selected when the contract was migrated. I've corrected it."),
    ("en", "It seems the package was left at the neighbour's door. I've asked the courier to confirm."),
    ("en", "The attachment was missing from our email to you. Sorry, I've resent it now."),
    ("en", "Please bring your ID before collecting the parcel."),
    ("en", "It's worth checking the tyre pressure before your next trip."),
    ("fi", "Näyttää siltä, että tariffi valittiin väärin sopimuksen siirrossa. Korjasin sen."),
    ("fi", "Paketti on luultavasti jätetty naapurin ovelle. Pyysin kuljettajaa vahvistamaan."),
    ("fi", "Korttia ei ilmeisesti aktivoitu oikein järjestelmässä. Korjasin sen."),
    ("fi", "Muista ottaa henkilöllisyystodistus mukaan, kun noudat paketin."),
    ("fi", "Vastuu virheestä on meillä, ja hyvitin maksun."),
])
def test_company_side_guesses_are_not_accusatory(lang, reply):
    assert "accusatory" not in review(reply, _ask(lang)).flags


def test_pointing_to_the_app_for_details_after_an_explanation_is_not_deflection():
    rv = review("Pahoittelen! Laskulla näkyy vanha hinta, koska muutos tulee voimaan ensi kuussa. Voit katsoa "
                "erittelyn sovelluksesta.", Case(message="Miksi laskuni on isompi? Voitteko tarkistaa?", lang="fi"))
    assert "deflection" not in rv.flags
    rv = review("The courier handles redelivery automatically the next working day, so the parcel will come to you "
                "on Tuesday.", Case(message="Where is my parcel?", lang="en"))
    assert "deflection" not in rv.flags


@pytest.mark.parametrize("lang,reply", [
    ("en", "Had you read the confirmation email, you would have seen the pickup time."),
    ("en", "Unfortunately the wrong postcode was entered at checkout."),
    ("en", "Customers who don't read the instructions often run into this."),
    ("en", "The parcel wasn't collected within the 7-day window, so it was returned."),
    ("en", "You were informed of this change in our email of 3 March."),
    ("en", "The booking confirmation shows the correct date, so the error was not on our side."),
    ("fi", "Tilauksessa oli valittu väärä postinumero."),
    ("fi", "Pakettia ei noudettu 7 päivän kuluessa, joten se palautettiin."),
    ("fi", "Muutoksesta tiedotettiin sähköpostitse maaliskuussa."),
    ("fi", "Virhe ei ollut meidän päässämme, vaan tilauksen tiedoissa."),
])
def test_wrong_choice_told_before_and_denied_error(lang, reply):
    assert "accusatory" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", [
    ("en", "You were told by our agent that the fee would be waived, so I've waived it now."),
    ("en", "Sorry, the wrong postcode was entered by our warehouse. I've re-sent the parcel today."),
    ("en", "The problem was on our side, and I've fixed it."),
    ("fi", "Pahoittelen, sinulle ilmoitettiin tekstiviestillä väärä noutoaika. Korjasin sen."),
    ("fi", "Virhe oli meidän päässämme, ja korjasin sen."),
    ("fi", "Pakettia ei ole vielä noudettu varastolta, joten pyysin kuljettajaa hakemaan sen tänään."),
])
def test_admissions_and_company_side_errors_pass(lang, reply):
    assert "accusatory" not in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", [
    ("en", "This would need to go through your insurer."),
    ("en", "You'd be better off asking the store directly."),
    ("en", "That's something your employer would need to sort out."),
    ("en", "Please refer to our help pages."),
    ("fi", "Asia kuuluu vakuutusyhtiöllesi."),
    ("fi", "Löydät vastauksen kätevästi usein kysytyistä kysymyksistä."),
    ("fi", "Tätä koskevat kysymykset ohjataan lentoyhtiölle."),
    ("fi", "Työnantajasi on oikea taho selvittämään tämän."),
])
def test_someone_else_owns_it(lang, reply):
    assert "deflection" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", [
    ("en", "I've reported it to your insurer, and they'll contact you by Thursday at noon."),
    ("en", "I've asked your employer's payroll team to correct it, and I'll confirm to you tomorrow by 12."),
    ("fi", "Ilmoitin asian vakuutusyhtiöllesi, ja he ovat sinuun yhteydessä torstaina klo 12 mennessä."),
    ("fi", "Vastauksen saat minulta huomenna klo 10 mennessä, kun olen tarkistanut asian."),
    ("fi", "Jos haluat, vastaa tähän sähköpostiin, niin korjaan osoitteen heti."),
])
def test_owned_handoffs_pass(lang, reply):
    assert "deflection" not in review(reply, _ask(lang)).flags


def test_echo_of_the_message_does_not_count_as_recited_knowledge():
    """The customer's own words shared with the knowledge are an echo: without the echo rule these replies
    score about 0.33 severity, with it under 0.2."""
    for lang, reply in (
            ("en", "Hi Sam, so your phone number changed in online banking and after that the card stopped working, "
                   "with the rent due tomorrow. A blocked card can be reopened once the identity is verified."),
            ("fi", "Hei Maija, eli puhelinnumerosi vaihtui verkkopankissa, ja sen jälkeen kortti lakkasi toimimasta, "
                   "vaikka vuokra pitäisi maksaa huomenna. Suljetun kortin voi avata uudelleen, kun henkilöllisyys "
                   "on varmistettu.")):
        c, kb = case_and_kb(lang)
        res = review(reply, c, kb).checks["copy_paste"]
        assert res.details["severity"] < 0.2, res.details


@pytest.mark.parametrize("lang,reply", [
    ("en", "Zips usually break when a bag is packed beyond its capacity."),
    ("en", "Next time, it would help if you could attach the receipt."),
    ("en", "In future, attaching the receipt would speed things up."),
    ("en", "This shouldn't come as a surprise given the reminders we sent."),
    ("fi", "Vetoketjut rikkoutuvat yleensä, kun laukku on pakattu liian täyteen."),
    ("fi", "Seuraavalla kerralla kuitti kannattaa liittää mukaan."),
    ("fi", "Laukun ylipakkaaminen on tavallisin syy vetoketjun rikkoutumiseen."),
    ("fi", "Tämän ei pitäisi olla yllätys, sillä lähetimme muistutuksia."),
    ("fi", "Ohjeissa on kerrottu, ettei laitetta saa upottaa veteen."),
])
def test_overpacking_hints_hindsight_and_no_surprise(lang, reply):
    assert "accusatory" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", [
    ("en", "Next time you fly with us, you'll get priority boarding."),
    ("en", "Next time you'll receive a text message before the courier arrives."),
    ("en", "The trolley was overloaded by the ground staff, which damaged the bag. I've approved the repair."),
    ("en", "The train was too full, so I've refunded your ticket."),
    ("fi", "Ensi kerralla saat etuoikeutetun koneeseennousun."),
    ("fi", "Jatkossa laskut tulevat sinulle sähköpostiin."),
    ("fi", "Juna oli liian täynnä, joten hyvitin lippusi."),
])
def test_future_benefits_and_company_overload_pass(lang, reply):
    assert "accusatory" not in review(reply, _ask(lang)).flags


def test_a_rule_stated_in_the_present_is_neutral():
    reply = "Hei Maija, ehdoissa mainitaan, että kortti suljetaan numeron vaihtuessa. Avasin kortin juuri."
    assert "accusatory" not in review(reply, *case_and_kb("fi")).flags


# --------------------------------------------------------------------------- holdout-2 phenomena
# (own wordings; each construction has a flagged case and a must-pass contrast in both languages)
REPORT_FI = Case(message="Tilaamani tuoli ei ole vieläkään tullut, vaikka lupasitte sen viime viikolle.", lang="fi")
REPORT_EN = Case(message="The chair I ordered still hasn't arrived although you promised it for last week.",
                 lang="en")


@pytest.mark.parametrize("lang,reply", [
    # "try again later" with nothing done by the writer
    ("fi", "Hei, jos seurantakoodi ei vielä toimi, yritä myöhemmin uudelleen."),
    ("en", "Hello, if the tracking code doesn't work yet, please try again later."),
    # the customer has to do it themselves, at a named organisation
    ("fi", "Hei, viivästyshyvityksen voit periä itse Kuljetus Vauhdilta."),
    ("en", "Hello, you can claim the delay compensation yourself from Vauhti Freight."),
    # a procedure done in a self-service channel, stated impersonally
    ("fi", "Hei, toimitusosoitteen muutos tehdään verkkopalvelussa."),
    ("fi", "Hei, toimituspäivän siirto onnistuu itse sovelluksessamme."),
    ("en", "Hello, delivery changes are made in the app."),
    # a second imperative coordinated with the first
    ("en", "Hello, please read the delivery terms and file a new complaint through the portal."),
    # a third party the customer has to ask, named only by "your X" / "another X"
    ("en", "Hello, you could ask your building manager for a spare parking permit."),
    ("fi", "Hei, voit kysyä asiaa isännöitsijältäsi."),
    ("en", "Hello, you might get it faster from a different supplier."),
    # "take it up with them"
    ("en", "Hello, if the installer promised a discount, please take that up with them."),
])
def test_holdout2_deflection_constructions(lang, reply):
    case = REPORT_FI if lang == "fi" else REPORT_EN
    assert "deflection" in review(reply, case).flags, review(reply, case).checks["deflection"].details


@pytest.mark.parametrize("lang,reply", [
    # warm handoff with a time
    ("fi", "Hei, välitin asian varastollemme, ja he soittavat sinulle huomenna klo 10 mennessä."),
    ("en", "Hello, I've passed this to our warehouse and they'll call you tomorrow by 10:00."),
    # "selvitän ja palaan"
    ("fi", "Hei, selvitän tuolin sijainnin ja palaan asiaan tänään klo 15 mennessä."),
    ("en", "Hello, I'll find out where the chair is and get back to you today by 3 pm."),
    # the writer acts and mentions another channel / retry after their fix
    ("fi", "Hei, korjasin toimitusosoitteen, ja voit seurata lähetystä sovelluksessa."),
    ("en", "Hello, I've reset the tracking link; if it still fails, try again in an hour and I'll check it too."),
    ("en", "Hello, I've asked your building manager for a spare permit and he'll drop it off by Friday."),
    ("en", "Hello, I'll take it up with them today and reply to you by 16:00."),
    # "make sure" is a condition, not a place to go
    ("en", "Hello, I've rebooked the delivery for Friday; please make sure the gate code in your order is current."),
    # perfect tense "has paid through X" is not "has to go through X"
    ("en", "Hello, the seller has paid the fee through the prepayment scheme, so nothing is due and the chair "
           "ships today."),
    # which link is genuine is information, not a referral
    ("en", "Hello, our delivery texts only ever link to example.com/track."),
    ("fi", "Hei, toimitusviestimme ohjaavat aina vain osoitteeseen esimerkki.fi/seuranta."),
])
def test_holdout2_deflection_contrasts(lang, reply):
    case = REPORT_FI if lang == "fi" else REPORT_EN
    assert "deflection" not in review(reply, case).flags, review(reply, case).checks["deflection"].details


def test_what_do_i_do_is_a_how_to_question():
    rv = review("Voit siirtää toimituspäivän itse sovelluksessa kohdassa Tilaukset.",
                Case(message="Toimitus ei sovi minulle. Mitä ihmettä minä nyt teen", lang="fi"))
    assert "deflection" not in rv.flags


def test_status_pointer_without_any_explanation_is_deflection():
    rv = review("Hello. You can check the status in the customer portal.", REPORT_EN)
    assert "deflection" in rv.flags
    rv = review("Hello, the chair left our warehouse on Monday because of a supplier delay; you can check the "
                "status in the customer portal.", REPORT_EN)
    assert "deflection" not in rv.flags


@pytest.mark.parametrize("lang,reply", [
    # the customer's own duty as a rule about customers
    ("fi", "Hei, tilaajan tulee itse tarkistaa toimitusosoitteensa ennen tilausta."),
    ("en", "Hello, buyers are expected to track their own deliveries if nothing arrives within a week."),
    # a "reminder" of a duty
    ("fi", "Hei, haluamme muistuttaa, että toimitusaika tulee tarkistaa ennen tilaamista."),
    ("en", "Hello, we'd like to remind you that delivery dates must be checked before ordering."),
    # a benefit that depended on the customer remembering, plus the causal negation
    ("fi", "Hei, pikatoimitus annetaan vain, jos tilaaja muistaa valita sen. Koska sitä ei valittu, toimitus on "
           "normaali."),
    ("en", "Hello, express delivery only applies if the buyer remembers to select it. As it was not selected, "
           "the delivery is standard."),
    # asking them to confirm they did it right, after "our records"
    ("en", "Hello, our records show no such order. Please confirm that you completed the checkout."),
    # evidence set against their account + "make sure your X is ..."
    ("en", "Hello, our couriers are reliable and the scan confirms the chair was delivered. Please make sure "
           "your name is on the mailbox."),
])
def test_holdout2_accusatory_constructions(lang, reply):
    case = REPORT_FI if lang == "fi" else REPORT_EN
    assert "accusatory" in review(reply, case).flags, review(reply, case).checks["accusatory"].details


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, tilaajan ei tarvitse itse tehdä mitään; korjasin osoitteen ja tuoli lähtee tänään."),
    ("en", "Hello, buyers don't need to do anything themselves; I've fixed the address and the chair ships today."),
    ("fi", "Hei, muistutan vielä, että hyvitys näkyy tililläsi perjantaina."),
    ("en", "Hello, just a reminder that the refund will reach your account on Friday."),
    # company admitting fault
    ("en", "Hello, our scan shows the chair was never loaded, which is our mistake. I've sent a new one today."),
    ("fi", "Hei, järjestelmämme mukaan tuoli jäi varastoon, ja virhe oli meidän. Lähetin uuden tänään."),
    # neutral rule
    ("en", "Hello, express delivery is available for orders placed before noon. I've upgraded yours for free."),
    # a duplicate charge is our double entry, not a reprimand
    ("en", "Hello, duplicate charges are usually released within 5 days, and the duplicate disappears on its own."),
])
def test_holdout2_accusatory_contrasts(lang, reply):
    case = REPORT_FI if lang == "fi" else REPORT_EN
    assert "accusatory" not in review(reply, case).flags, review(reply, case).checks["accusatory"].details


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, lähetin uuden tuolin tänään.\n\nYstävällisin terveisin,\nMaija Virtanen\nAsiakaspalvelu\n\n"
           "PS. Sinun olisi pitänyt tarkistaa osoite ennen tilausta."),
    ("fi", "Hei, lähetin uuden tuolin tänään. Ystävällisin terveisin, Maija. Sinun olisi pitänyt lukea ehdot."),
    ("en", "Hello, I've sent a new chair today.\n\nKind regards,\nSam\nYou should have checked the address before "
           "ordering."),
])
def test_blame_after_the_sign_off_is_still_read(lang, reply):
    assert "accusatory" in review(reply, _ask(lang)).flags


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, lähetin uuden tuolin tänään.\n\nYstävällisin terveisin,\nMaija Virtanen\nAsiakaspalvelu, Kaluste Oy\n"
           "puh. 010 123 456"),
    ("en", "Hello, I've sent a new chair today.\n\nKind regards,\nSam Smith\nCustomer Care | Chair Co\n"
           "010 123 4567"),
])
def test_signature_lines_stay_out_of_the_body(lang, reply):
    rv = review(reply, _ask(lang))
    assert not rv.flags, rv.flags


CHAIR_KB_FI = ["Toimitusviiveet: Jos toimitus myöhästyy yli 7 päivää, asiakkaalle hyvitetään toimitusmaksu. "
               "Viivästyneen tilauksen voi perua maksutta. Korvaava tuote lähetetään, jos sitä on varastossa."]
CHAIR_KB_EN = ["Delivery delays: If a delivery is more than 7 days late, the customer is refunded the delivery fee. "
               "A delayed order can be cancelled free of charge. A replacement is sent if it is in stock."]


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, jos toimitus myöhästyy yli 7 päivää, toimitusmaksu hyvitetään. Viivästyneen tilauksen voi perua "
           "maksutta. Lisätietoa toimitusehdoista löydät osoitteesta esimerkki.fi/toimitus."),
    ("en", "Hello, if a delivery is over 7 days late, the delivery fee is refunded. Delayed orders can be cancelled "
           "free of charge. See our help centre article on delivery terms for more details."),
])
def test_recited_knowledge_with_a_see_also_line_is_copy_paste(lang, reply):
    case, kb = (REPORT_FI, CHAIR_KB_FI) if lang == "fi" else (REPORT_EN, CHAIR_KB_EN)
    assert "copy_paste" in review(reply, case, kb).flags, review(reply, case, kb).checks["copy_paste"].details


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, tuolisi on myöhässä jo yli viikon, joten hyvitin toimitusmaksun ja lähetin korvaavan tuolin "
           "tänään. Lisätietoa toimitusehdoista löydät osoitteesta esimerkki.fi/toimitus."),
    ("en", "Hello, your chair is over a week late, so I've refunded the delivery fee and sent a replacement today. "
           "See our help centre article on delivery terms for more details."),
])
def test_see_also_line_after_real_help_is_not_copy_paste(lang, reply):
    case, kb = (REPORT_FI, CHAIR_KB_FI) if lang == "fi" else (REPORT_EN, CHAIR_KB_EN)
    assert "copy_paste" not in review(reply, case, kb).flags, review(reply, case, kb).checks["copy_paste"].details


def test_translative_is_not_a_possessive():
    from copilot.review.context import Context
    ctx = Context("Lyhennysvapaata voi saada kuudeksi kuukaudeksi esimerkiksi lomautuksen vuoksi.", "x")
    assert not any(t.has("2p") for t in ctx.doc.sentences[0].tokens)
    ctx = Context("Päivitin korttisi tiedot.", "x")
    assert any(t.has("poss2") for t in ctx.doc.sentences[0].tokens)
