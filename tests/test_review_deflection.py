"""deflection: sending the customer elsewhere vs owning the problem (Finnish and English)."""

from __future__ import annotations

import pytest

from copilot.review import review
from test_review_data import case_and_kb

FLAGGED = [
    ("fi", "Hei Maija, kiitos viestistä! Kortin avaamiseen liittyvissä asioissa kannattaa olla yhteydessä "
           "konttoriin. Mukavaa päivää!"),
    ("fi", "Hei! Lähetä meille verkkoviesti verkkopankin kautta, niin asiantuntijamme auttavat."),
    ("fi", "Hei Maija, ota yhteyttä omaan konttoriisi, siellä autetaan mielellään."),
    ("fi", "Hei Maija, vastauksen löydät usein kysytyistä kysymyksistä osoitteessa pankki.fi/ukk."),
    ("fi", "Hei Maija, soita meille numeroon 0200 1234, niin katsotaan asiaa."),
    ("en", "Hi Sam, please see our FAQ at bank.com/faq for help with blocked cards."),
    ("en", "Hi Sam, I'm sorry to hear that. You'll need to contact your local branch to sort this out."),
    ("en", "Please call us on 020 123 4567 and we'll take a look."),
    ("en", "Hi Sam, sorry for the trouble. I'd recommend reaching out to your local branch directly, as they can "
           "reopen cards."),
    ("en", "Unfortunately we can't help with this – it's a matter for your local branch."),
    ("fi", "Hei Maija, tähän asiaan emme valitettavasti voi auttaa, vaan sinun tulee olla yhteydessä konttoriisi."),
]

# polite deflection: warm words, but the customer is still sent away with nobody owning it
POLITE = [
    ("fi", "Ymmärrän harmin! Tällaiset asiat hoitaa puhelinpalvelumme, joka palvelee arkisin klo 8–18 numerossa "
           "0200 1234. Mukavaa viikonloppua!"),
    ("en", "Thanks so much for reaching out, Sam! Card questions are handled by our card services team, so please "
           "give them a call on 0800 123 456. Have a lovely day!"),
]

PASSES = [
    # warm handoff: the writer acted and a time is committed
    ("fi", "Hei Maija, pahoittelen! Olen välittänyt asian korttitiimille, ja he soittavat sinulle huomenna klo 12 "
           "mennessä."),
    ("en", "Hi Sam, sorry about this! I've passed it to our card team and they'll call you tomorrow by 12:00."),
    # honest "I don't know yet" + own follow-up with a time
    ("fi", "Hei Maija, en tiedä vielä, miksi kortti suljettiin, mutta selvitän asian ja palaan asiaan tänään klo 15 "
           "mennessä."),
    ("en", "Hi Sam, I don't know yet why the card was blocked, but I'm looking into it and will get back to you by "
           "3 pm today."),
    # short good replies
    ("fi", "Hei Maija, avasin korttisi juuri – se toimii taas noin 30 minuutin kuluttua."),
    ("en", "Hi Sam, I've reopened your card – it will work again in about 30 minutes."),
    # the writer booked the branch visit: owned, with a time
    ("fi", "Hei Maija, varasin sinulle ajan lähikonttoriin huomiseksi klo 10, jossa kortti avataan heti "
           "tunnistamisen jälkeen. Ehdit hyvin maksaa vuokran sen jälkeen."),
    ("en", "Hi Sam, I've booked you a slot at your nearest branch tomorrow at 10:00 – they'll reopen the card on "
           "the spot, so the rent can still go out."),
    # replying in this conversation is not a redirect
    ("fi", "Hei Maija, avasin kortin. Jos se ei vielä toimi, vastaa tähän viestiin, niin tarkistan asian heti."),
    ("en", "Hi Sam, I've reopened the card. If it still fails, just reply to this email and I'll check it at once."),
]


@pytest.mark.parametrize("lang,reply", FLAGGED + POLITE)
def test_redirects_are_flagged(lang, reply):
    case, kb = case_and_kb(lang)
    rv = review(reply, case, kb)
    assert "deflection" in rv.flags, rv.checks["deflection"].details
    res = rv.checks["deflection"]
    assert res.kind == "penalty" and not res.passed and res.score < 0.5
    assert res.reasons and res.reasons[0].span is not None
    assert reply[res.reasons[0].span.start:res.reasons[0].span.end] == res.reasons[0].span.text


@pytest.mark.parametrize("lang,reply", PASSES)
def test_owned_next_steps_pass(lang, reply):
    case, kb = case_and_kb(lang)
    rv = review(reply, case, kb)
    assert "deflection" not in rv.flags, rv.checks["deflection"].details


def test_hint_is_in_the_reply_language():
    fi = review(FLAGGED[2][1], *case_and_kb("fi")).checks["deflection"].reasons[0].message
    en = review(FLAGGED[6][1], *case_and_kb("en")).checks["deflection"].reasons[0].message
    assert "muualle" in fi
    assert "elsewhere" in en


def test_inflected_forms_are_matched():
    case, kb = case_and_kb("fi")
    for reply in ("Hei, otattehan yhteyttä konttoriimme.", "Hei, varaathan ajan lähikonttoriin.",
                  "Hei, piipahdathan lähimmässä toimipisteessämme.", "Hei, asioikaa konttorissa."):
        assert "deflection" in review(reply, case, kb).flags, reply


def test_questions_and_advice_for_next_time_are_not_redirects():
    case, kb = case_and_kb("en")
    rv = review("Hi Sam, I've reopened your card. Did you change the number in the app or at a branch?", case, kb)
    assert "deflection" not in rv.flags


# --------------------------------------------------------------------------- round 3
# Sentences written for these tests. The customer asks for help and (in the flagged cases) the writer does nothing.
from copilot.case import Case  # noqa: E402

HELP_FI = Case(message="Hei, en saa asiaa hoidettua enkä tiedä mitä tehdä. Voitteko auttaa?", lang="fi")
HELP_EN = Case(message="Hi, this isn't working and I don't know what to do. Can you help?", lang="en")

SENT_AWAY = [
    # retry / re-check later, left to the customer
    ("fi", "Hei, vapaita aikoja tulee lisää, joten katso varauskalenteria välillä uudelleen."),
    ("en", "Hi, new slots open every morning, so please check back tomorrow."),
    ("en", "Hi, cancellations come up often, so keep checking the booking page."),
    ("fi", "Hei, järjestelmä on ruuhkautunut. Kokeile myöhemmin uudelleen."),
    ("en", "Hi, the timetable changes daily, so keep an eye on the journey planner."),
    ("fi", "Hei, seuraa tilannetta sovelluksesta päivittäin."),
    # someone else named by a Finnish ablative / "from your X"; another (private) provider
    ("fi", "Hei, uuden todistuksen saat työterveyslääkäriltäsi."),
    ("fi", "Hei, voit varata ajan yksityiseltä hammaslääkäriltä."),
    ("en", "Hi, you can get the paperwork from your accountant."),
    ("en", "Hi, you'll need to obtain a certificate from your GP."),
    # an outside dispute body as the answer
    ("en", "Hi, if the decision stands, you can complain to Trading Standards."),
    ("fi", "Hei, jos olet eri mieltä, voit viedä asian kuluttajariitalautakunnan käsiteltäväksi."),
    # a self-service action located in a channel, in the passive
    ("en", "Hi, standing orders are changed in online banking."),
    ("fi", "Hei, toistuvia tilisiirtoja hallitaan verkkopankissa."),
    ("en", "Hi, medication orders are placed in the patient portal."),
    # looking a channel up is put in front of contacting us ("it" pointing back to the channel)
    ("en", "Hi, service notices are on our status page. Please look at it before calling us."),
    ("fi", "Hei, häiriötiedotteet ovat sovelluksessamme. Tarkistathan sieltä tilanteen ennen kuin soitat."),
]

KEPT = [
    # "try again" after a fix, "check again" about their own inbox, a time the writer set
    ("fi", "Hei, sovelluksessa oli katko klo 10–11, ja se on nyt korjattu. Kokeile kirjautua uudelleen."),
    ("en", "Hi, the app had an outage between 10 and 11 and it has been fixed. Please try logging in again."),
    ("en", "Hi, the code may land in your spam folder, so check it again before requesting a new one."),
    ("en", "Hi, I've booked you the 10:00 slot tomorrow; if anything changes, check your email again in the "
           "morning."),
    # receiving something (not being sent to someone)
    ("fi", "Hei, hyvitin maksun. Saat hyvityksen tilillesi huomenna."),
    ("fi", "Hei, tarkistan asian. Saat vastauksen minulta tänään klo 15 mennessä."),
    ("en", "Hi, I've cancelled the order. You'll get a confirmation from us by email today."),
    # an appeal route next to work the writer did
    ("en", "Hi, I've reviewed the decision and reversed it today, so the fee is gone. You could still appeal to "
           "the Board if anything else comes up."),
    # our own processing in the passive, with a time
    ("en", "Hi, refunds are processed in our system within 5 days; yours was approved this morning."),
    ("en", "Hi, your order was placed in the portal yesterday and ships today."),
    ("en", "Hi, the meter reading is now corrected, so keep the old bill for your records."),
    # "check before contacting us" about their own situation is not a redirect (it may be a reprimand)
    ("en", "Hi, invoices run until the router is registered as returned. Please check that the router was "
           "returned before contacting us about billing."),
    ("fi", "Hei, tarkistin tilanteen: korjaus valmistuu tänään klo 16. Katso häiriökartta, jos haluat seurata "
           "korjausta."),
]


@pytest.mark.parametrize("lang,reply", SENT_AWAY)
def test_round3_redirects_are_flagged(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["deflection"]
    assert not res.passed, res.details
    assert res.reasons and res.reasons[0].span is not None
    assert reply[res.reasons[0].span.start:res.reasons[0].span.end] == res.reasons[0].span.text


@pytest.mark.parametrize("lang,reply", KEPT)
def test_round3_contrasts_pass(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["deflection"]
    assert res.passed, res.details


# --------------------------------------------------------------------------- round 4
# New sentences written for these tests: something delivered into the customer's own channel, a contact-us
# fallback under a condition, a shop named by its domain, and a first-person verb in the -si past.
ROUND4_PASS = [
    ("fi", "Hei, hyvitin tilauksen. Saat vahvistuksen sähköpostiisi ja koodin puhelimeesi vielä tänään."),
    ("en", "Hi, I've refunded the order. You'll get a confirmation by email later today."),
    ("fi", "Hei, korjasin laskun. Jos laskulla näkyy vielä tuntematon veloitus, ota meihin yhteyttä, niin "
           "korjaamme sen."),
    ("en", "Hi, I've corrected the bill. If another charge you don't recognise shows up, please contact us and "
           "we'll remove it."),
    ("fi", "Hei, Verkkopuoti.fi:ssä palautusoikeus on 30 päivää, ja hyvitin palautuksesi tänään."),
    ("en", "Hi, Verkkopuoti.com's return window is 30 days, and I've refunded your return today."),
    ("fi", "Hei, pidensin noutoaikaa viikolla, joten paketti odottaa sinua ensi sunnuntaihin asti."),
]

ROUND4_FLAGGED = [
    # being sent to another place still counts, also with "saat" and from a channel of theirs
    ("fi", "Hei, uuden lomakkeen saat konttoristasi."),
    ("en", "Hi, you can get the form from your local branch."),
    # a link with a path is a pointer, even when capitalised
    ("fi", "Hei, ohjeet: Verkkopuoti.fi/palautukset"),
    # the condition does not make another organisation the owner
    ("en", "Hi, if the charger still doesn't work, please contact the manufacturer."),
]


@pytest.mark.parametrize("lang,reply", ROUND4_PASS)
def test_round4_not_redirects(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["deflection"]
    assert res.passed, res.details


@pytest.mark.parametrize("lang,reply", ROUND4_FLAGGED)
def test_round4_redirects_still_flagged(lang, reply):
    res = review(reply, HELP_FI if lang == "fi" else HELP_EN).checks["deflection"]
    assert not res.passed, res.details
