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


# --------------------------------------------------------------------------- round 3: implied fault
# Sentences written for these tests (not taken from any labelled set). Each phenomenon has a flagged case in
# both languages where it exists and a must-pass contrast built from the same grammar.
from copilot.case import Case  # noqa: E402

HELP_FI = Case(message="Hei, en saa asiaa hoidettua enkä tiedä mitä tehdä. Voitteko auttaa?", lang="fi")
HELP_EN = Case(message="Hi, this isn't working and I don't know what to do. Can you help?", lang="en")

IMPLIED_FAULT = [
    # a habitual cause pinned on how the action was done (passive / participle / gerund + judgement)
    ("en", "Hi, a frozen screen like this typically happens when the update is interrupted too early."),
    ("en", "Hello, rejected applications are usually the result of incorrectly completed forms."),
    ("en", "Hello, most often a double booking means the confirm button was pressed twice."),
    ("fi", "Hei, tällainen vika johtuu tavallisesti siitä, että laitetta on ladattu väärällä laturilla."),
    ("fi", "Hei, tuplatilaus syntyy useimmiten, kun tilauslomake lähetetään useammin kuin kerran."),
    ("en", "Hi, issues like this are generally caused by the charger being plugged in incorrectly."),
    ("fi", "Hei, viat johtuvat lähes aina siitä, että laitetta käytetään väärin."),
    # a general maxim justified by disclaiming our part
    ("en", "Hi, we're not responsible for connections run by other operators, so you should always leave at least "
           "an hour between trains."),
    ("fi", "Hei, varaukset kannattaa aina tehdä väljällä aikataululla, koska emme vastaa kumppaneidemme "
           "viivästyksistä."),
    # the matter declared the customer's own business with someone else
    ("en", "Hello, any dispute over the deposit is a matter between you and the seller."),
    ("fi", "Hei, kuljetusyhtiön veloittama lisämaksu on teidän ja myyjän välinen asia."),
    ("fi", "Hei, tällaiset erimielisyydet ovat asiakkaan ja kauppiaan välinen asia."),
    ("en", "Hi, disagreements like this are a matter between the passenger and the travel agent."),
    # "be more careful": a comparative of care asked of the customer
    ("en", "Hi, please pay closer attention to the delivery address when ordering."),
    ("fi", "Hei, tilauksen tiedot kannattaa käydä läpi huolellisemmin."),
    ("en", "Please be more careful when entering your PIN."),
    ("fi", "Hei, ole tarkkaavaisempi varatessasi lippuja."),
    # advice about "future X" is advice about the last one
    ("en", "Hi, please double-check the passenger names on any future bookings."),
    # several weak signals together: insinuation by frequency, distrust of the evidence, a sanction
    ("en", "Hello. We receive numerous return requests after every sale. We need the signed form itself, not a "
           "photo of it. Claims without valid receipts will be rejected."),
    ("fi", "Hei. Saamme paljon palautuspyyntöjä heti alennusmyyntien jälkeen. Tarvitsemme alkuperäisen kuitin, ei "
           "kopiota. Ilman asianmukaista kuittia tehdyt hakemukset hylätään."),
]

IMPLIED_FAULT_PASS = [
    # the habitual cause is a company / third-party agent, our own error, or no action at all
    ("en", "Hi, delays like this usually happen when the courier's depot is overloaded. I've asked them to "
           "prioritise your parcel."),
    ("en", "Hi, this usually happens when the system sends the code twice."),
    ("fi", "Hei, tällainen viive johtuu yleensä siitä, että järjestelmä käsittelee maksun kahdesti."),
    ("fi", "Hei, tällainen vaurio johtuu tavallisesti siitä, että kuljettaja on lastannut paketin väärin. "
           "Lähetin uuden tuotteen tänään."),
    ("en", "Hi, a declined payment usually means insufficient funds at the time of purchase."),
    ("en", "Hi, sorry, this always happens when our servers restart too early. I've fixed it for your account."),
    ("fi", "Hei, pahoittelen! Virhe syntyy yleensä, kun maksu käsitellään kahteen kertaan meidän päässämme. "
           "Hyvitin ylimääräisen veloituksen."),
    ("en", "Hi, I'm sorry: a failed top-up usually happens when our payment provider has an outage, which it did "
           "this morning. I've redone the top-up."),
    ("fi", "Hei, kuitit hylätään yleensä, kun ne ovat liian haalistuneita, mutta sinun kuittisi kelpaa hyvin. "
           "Hyvitin summan."),
    # "emme vastaa + illative" is about answering, not responsibility; forward-looking "always" advice
    ("fi", "Hei, emme vastaa viesteihin viikonloppuisin, mutta palaan asiaasi maanantaina klo 9."),
    ("en", "Hi, I've refunded the ticket. It's always worth keeping the receipt until the refund arrives, and I'll "
           "email you when it does."),
    # the writer sorts out what is between the customer and someone else
    ("en", "Hello, I'll sort out the mix-up between you and the courier today and confirm by 3 pm."),
    ("fi", "Hei, selvitän sinun ja kuljettajan välisen asian tänään ja soitan klo 15 mennessä."),
    # the company promises more care (an admission)
    ("en", "Hi, sorry about the damage. We'll take more care with your deliveries, and I've sent a replacement "
           "today."),
    ("fi", "Hei, pahoittelen. Pakkaamme lähetyksesi jatkossa huolellisemmin, ja lähetin korvaavan tuotteen "
           "tänään."),
    # many claims as the reason for a delay; a photo accepted; "future bookings" as information
    ("en", "Hello, we get a lot of claims after storms, so processing takes about two weeks. A photo of the "
           "receipt is fine."),
    ("en", "Hi, I've corrected the name. Your future bookings will use the new spelling automatically."),
    # the company avoiding a repeat by its own fix
    ("fi", "Hei, pahoittelen. Olemme korjanneet virheen, jotta vastaavilta tilanteilta vältytään."),
    ("en", "Hi, sorry! We've changed the process to avoid similar issues, and I've refunded the fee."),
    # "omavastuu" is the deductible, an amount
    ("fi", "Hei, tilasin kuivauksen ja soitan sinulle huomenna klo 10. Omavastuu on 150 €."),
]


@pytest.mark.parametrize("lang,reply", IMPLIED_FAULT)
def test_implied_fault_is_flagged(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert not res.passed, res.details
    assert res.reasons and res.reasons[0].span is not None
    assert reply[res.reasons[0].span.start:res.reasons[0].span.end] == res.reasons[0].span.text


@pytest.mark.parametrize("lang,reply", IMPLIED_FAULT_PASS)
def test_implied_fault_contrasts_pass(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert res.passed, res.details


@pytest.mark.parametrize("lang,reply,key", [
    ("en", "Hello, we receive numerous return requests after every sale.", "accusatory.suspicion"),
    ("en", "Hello, we need the signed form itself, not a photo of it.", "accusatory.suspicion"),
    ("en", "Hello, claims without valid receipts will be rejected.", "accusatory.reprimand"),
    ("fi", "Hei, tarvitsemme alkuperäisen kuitin, ei kopiota.", "accusatory.suspicion"),
    ("fi", "Hei, ilman asianmukaista kuittia tehdyt hakemukset hylätään.", "accusatory.reprimand"),
])
def test_weak_signals_alone_do_not_flag(lang, reply, key):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert res.passed, res.details
    assert any(h[0] == key for h in res.details["hits"]), res.details


# --------------------------------------------------------------------------- round 4
# New sentences written for these tests (not taken from any eval set): the writer's stance carried by the
# shape of a sentence -- information "available to you", the customer's own doing stressed as the cause,
# "so this doesn't happen again", condescension, advice against what the customer did, doubting sincerity,
# grudging forgiveness, hindsight with an evaluative counterfactual, the right order of steps told afterwards,
# suspicion set on the customer's own request, an earlier telling pointed back at, words put in scare quotes.
STANCE_FLAGGED = [
    ("fi", "Hei, maksuehdot ovat olleet nähtävissäsi tilausvaiheesta asti, joten lisämaksu on aiheellinen."),
    ("en", "Hi, the delivery estimate has been available to you in the order confirmation all along."),
    ("fi", "Hei, lasku meni vanhaan osoitteeseen, koska olet itse muuttanut osoitteen sovelluksessa."),
    ("en", "Hi, the parcel went to that locker because you picked it yourself at checkout."),
    ("fi", "Hei, tarkistathan asetukset ennen seuraavaa varausta, jotta vastaavaa ei enää tapahdu."),
    ("en", "Hi, please double-check the address so that this doesn't happen again."),
    ("fi", "Hei, sovellus on todella helppokäyttöinen, kunhan jaksaa lukea ohjeet. Se onnistuu useimmilta "
           "asiakkailta ilman mitään erityistaitoja."),
    ("en", "Hi, the form is really simple as long as you follow the steps. Most customers manage it without any "
           "technical knowledge."),
    ("fi", "Hei, jos olet vakavissasi kiinnostunut asunnosta, kannattaa tehdä tarjous heti eikä odottaa "
           "viikonloppuun."),
    ("en", "Hi, if you are seriously interested in the flat, it is best to make an offer quickly rather than "
           "waiting for the weekend."),
    ("fi", "Hei, perimme yleensä 20 € maksun. Katsomme tämän kerran läpi sormien."),
    ("en", "Hi, late returns are normally charged. We'll let it slide this once."),
    ("fi", "Hei, matkavakuutukseen olisi ollut viisasta tutustua jo ennen lähtöä."),
    ("en", "Hi, it would have been wise to book the appointment before the season started."),
    ("fi", "Hei, ideaalisesti rahoitus kannattaa järjestää ennen tarjouksen tekemistä."),
    ("en", "Hi, ideally, travel insurance should be arranged before booking the trip."),
    ("fi", "Hei, tällaiset hakemukset ovat tyypillinen petosyrityksen kuvio, joten emme käsittele sitä."),
    ("en", "Hi, claims like this one are a classic fraud pattern, so we cannot pay it."),
    ("en", "Hi, as I explained in my earlier email, the refund takes five working days."),
    ("fi", "Hei, syy ei ollut meidän, joten kuljetuskulut jäävät sinun maksettaviksesi."),
    ("en", "Hi, we get a lot of 'urgent' refund requests during the holidays. The refund takes 5 days."),
    ("fi", "Hei, oletko kenties antanut korttitietosi jollekin tuntemattomalle sivustolle?"),
]

STANCE_PASS = [
    # availability stated in the present, or about stock
    ("en", "Hi, your new PIN is available to you in the app now; I've also sent it by text."),
    ("fi", "Hei, tuote oli saatavilla vain maanantaihin asti. Tarkistin varaston ja tilasin sinulle uuden."),
    ("fi", "Hei, tiedot eivät ole olleet nähtävissäsi, ja se on meidän virheemme. Korjasin asian."),
    # the customer's own doing praised / offered / in a "when" clause
    ("fi", "Hei, kun vaihdoit itse osoitteen, tieto päivittyi meille heti. Kiitos, että hoidit sen!"),
    ("fi", "Hei, voit halutessasi vaihtaa osoitteen itse sovelluksessa. Korjasin sen nyt puolestasi."),
    ("en", "Hi, thanks for sorting the address out yourself; it's updated on our side too."),
    ("fi", "Hei, pahoittelen – olet joutunut soittamaan itse perään. Hoidin asian nyt, ja hyvitys näkyy "
           "tililläsi huomenna."),
    # we fixed it, so it won't recur
    ("fi", "Hei, korjasin asetukset, joten vastaavaa ei enää tapahdu."),
    ("en", "Hi, I've corrected the address on the account so this won't happen again."),
    # "not easy" is empathy; "easy" in plain instructions is not condescension
    ("fi", "Hei, tiedän, ettei tämä ole helppoa, ja autan mielelläni. Soitan sinulle tänään klo 14."),
    ("en", "Hi, it's easy to change in the app, and I've already done it for you today."),
    # an offer for the future, not a reprimand
    ("fi", "Hei, tein muutoksen puolestasi. Jatkossa voit halutessasi tehdä sen myös itse verkkopankissa."),
    # the waiver without sarcasm; our own fraud checks releasing a payment
    ("en", "Hi, I've waived the late fee for you and the booking stands."),
    ("en", "Hi, your transfer request was stopped by our fraud checks; I've released it and it arrives today."),
    # counterfactual admissions
    ("en", "Hi, it would have been better if we had told you about the delay, and I'm sorry."),
    ("fi", "Hei, meidän olisi ollut parempi ilmoittaa muutoksesta etukäteen, pahoittelen."),
    # fault placed on a third party, with our action
    ("fi", "Hei, vika ei ollut meidän vaan kuljetusyhtiön, ja olen jo reklamoinut asiasta heille."),
    # quotes around UI labels
    ("en", "Hi, I've reset it. Click 'save' and then 'confirm' to finish."),
    ("fi", "Hei, avasin tilin. Valitse kohta ”muut” ja paina Tallenna."),
    # compounds naming a role: "vastuumyyjä" is a salesperson, not responsibility
    ("fi", "Hei, vastuumyyjämme Laura soittaa sinulle huomenna klo 10 koeajosta."),
]


@pytest.mark.parametrize("lang,reply", STANCE_FLAGGED)
def test_stance_is_flagged(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert not res.passed, res.details
    span = res.reasons[0].span
    assert span is not None and reply[span.start:span.end] == span.text


@pytest.mark.parametrize("lang,reply", STANCE_PASS)
def test_stance_contrasts_pass(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert res.passed, res.details


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei, sovellus on todella helppokäyttöinen, kunhan jaksaa lukea ohjeet."),
    ("en", "Hi, the red notice was an obvious sign that the parcel was waiting at the counter."),
    ("fi", "Hei, pakkaa tuote mieluiten alkuperäiseen pakkaukseen ennen palautusta."),
])
def test_weak_stance_alone_does_not_flag(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["accusatory"]
    assert res.passed, res.details
