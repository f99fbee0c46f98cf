"""copy_paste: reciting the knowledge / FAQ instead of addressing the customer (Finnish and English)."""

from __future__ import annotations

import pytest

from copilot.review import review
from test_review_data import EN_GOOD, FI_GOOD, case_and_kb

FLAGGED = [
    # FAQ wrapped in a greeting, the customer's name and a sign-off
    ("fi", "Hei Maija! Kun asiakkaan puhelinnumero vaihtuu verkkopankissa, kortti voidaan sulkea automaattisesti "
           "24 tunnin ajaksi. Suljetun kortin voi avata uudelleen, kun henkilöllisyys on varmistettu. Avaus tulee "
           "voimaan noin 30 minuutissa. Ystävällisin terveisin, Asiakaspalvelu"),
    ("en", "Hi Sam! When a customer's phone number changes in online banking, the card may be blocked "
           "automatically for 24 hours. A blocked card can be reopened once the identity has been verified. "
           "Reopening takes effect in about 30 minutes. Kind regards, Customer Service"),
    # lightly paraphrased (reordered, re-inflected, passive, "vuorokausi" for 24 h)
    ("fi", "Hei Maija, kiitos viestistä. Jos puhelinnumero vaihdetaan verkkopankissa, kortti voidaan sulkea "
           "automaattisesti vuorokaudeksi. Kortti avataan uudelleen, kun henkilöllisyys on ensin varmistettu, ja "
           "avaus astuu voimaan noin puolessa tunnissa."),
    ("en", "Hello Sam, thanks for your message. If the phone number is changed in online banking, cards can be "
           "automatically blocked for a day. The card is reopened after the customer's identity is verified, and "
           "this normally takes about half an hour."),
]

# "you" glued onto recited knowledge is still recitation
FLAGGED += [
    ("fi", "Hei Maija! Voit avata suljetun kortin uudelleen, kun henkilöllisyytesi on varmistettu. Avaus tulee "
           "voimaan noin 30 minuutissa. Kortti voidaan sulkea automaattisesti 24 tunnin ajaksi, jos puhelinnumero "
           "vaihtuu verkkopankissa."),
    ("en", "Hi Sam! You can have a blocked card reopened once your identity has been verified. Reopening takes "
           "effect in about 30 minutes. Cards may be blocked automatically for 24 hours when the phone number "
           "changes in online banking."),
]

NO_KNOWLEDGE_FLAGGED = [
    ("fi", "Hei! Asiakkaan tulee ilmoittaa puhelinnumeron muutoksesta etukäteen. Numeron voi vaihtaa "
           "verkkopankissa kohdassa Asetukset > Yhteystiedot. Muutos tulee voimaan yleensä seuraavana päivänä, ja "
           "kortti voidaan sulkea varotoimena."),
    ("en", "Hello! Customers must inform the bank of a phone number change in advance. The number can be changed "
           "in online banking under Settings > Contact details. Changes normally take effect the next day, and "
           "cards may be blocked as a precaution."),
]

PASSES = [
    ("fi", FI_GOOD),
    ("en", EN_GOOD),
    # a good reply may quote one knowledge sentence
    ("fi", "Hei Maija, avasin korttisi juuri. Avaus tulee voimaan noin 30 minuutissa, joten ehdit maksaa vuokran "
           "hyvissä ajoin huomenna."),
    ("en", "Hi Sam, I've reopened your card. Reopening takes effect in about 30 minutes, so the rent will go "
           "through tomorrow."),
    # short good reply
    ("fi", "Hei Maija, avasin korttisi – se toimii puolen tunnin päästä."),
    ("en", "Hi Sam, done – I've reopened your card and it works again in half an hour."),
]


@pytest.mark.parametrize("lang,reply", FLAGGED)
def test_recited_knowledge_is_flagged(lang, reply):
    case, kb = case_and_kb(lang)
    rv = review(reply, case, kb)
    assert "copy_paste" in rv.flags, rv.checks["copy_paste"].details
    res = rv.checks["copy_paste"]
    assert res.details["with_knowledge"] is True
    assert res.reasons and res.reasons[0].span is not None


@pytest.mark.parametrize("lang,reply", NO_KNOWLEDGE_FLAGGED)
def test_faq_voice_without_knowledge(lang, reply):
    case, _ = case_and_kb(lang)
    rv = review(reply, case, None)
    assert "copy_paste" in rv.flags, rv.checks["copy_paste"].details
    assert rv.checks["copy_paste"].details["with_knowledge"] is False


@pytest.mark.parametrize("lang,reply", PASSES)
def test_personal_replies_pass(lang, reply):
    case, kb = case_and_kb(lang)
    assert "copy_paste" not in review(reply, case, kb).flags
    assert "copy_paste" not in review(reply, case, None).flags


def test_greeting_and_signoff_do_not_count_as_personal():
    case, kb = case_and_kb("fi")
    bare = review(FLAGGED[0][1].split("! ", 1)[1].rsplit(" Ystävällisin", 1)[0], case, kb)
    wrapped = review(FLAGGED[0][1], case, kb)
    assert wrapped.checks["copy_paste"].details["recitation"] == bare.checks["copy_paste"].details["recitation"]


def test_hint_language():
    case, kb = case_and_kb("fi")
    msg = review(FLAGGED[0][1], case, kb).checks["copy_paste"].reasons[0].message
    assert "ohjetekstiä" in msg or "UKK" in msg


# --------------------------------------------------------------------------- round 4
# A policy text written in the company's own "we": copying its "we" sentences is not the writer acting.
from copilot.case import Case  # noqa: E402

POLICY_FI = ["Palautukset: Asiakkaalla on 14 päivän palautusoikeus vastaanottamisesta. Hyvitämme palautuksen "
             "alkuperäiselle maksutavalle viiden arkipäivän kuluessa siitä, kun palautus on saapunut varastollemme. "
             "Lähetämme vahvistuksen sähköpostiin, kun hyvitys on tehty."]
POLICY_EN = ["Returns: Customers have 14 days from delivery to return an item. We refund the return to the original "
             "payment method within five working days of the return reaching our warehouse. We send a confirmation "
             "by email once the refund has been made."]
RETURN_FI = Case(message="Hei, kengät ovat liian pienet. Miten palautan ne ja milloin saan rahat?", lang="fi")
RETURN_EN = Case(message="Hi, the shoes are too small. How do I return them and when do I get my money?",
                 lang="en")


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei Anna, sinulla on 14 päivän palautusoikeus vastaanottamisesta. Hyvitämme palautuksen alkuperäiselle "
           "maksutavalle viiden arkipäivän kuluessa siitä, kun palautus on saapunut varastollemme. Lähetämme "
           "vahvistuksen sähköpostiin, kun hyvitys on tehty."),
    ("en", "Hi Anna, customers have 14 days from delivery to return an item. We refund the return to the original "
           "payment method within five working days of the return reaching our warehouse. We send a confirmation "
           "by email once the refund has been made."),
])
def test_policy_we_sentences_are_recitation(lang, reply):
    case, kb = (RETURN_FI, POLICY_FI) if lang == "fi" else (RETURN_EN, POLICY_EN)
    res = review(reply, case, kb).checks["copy_paste"]
    assert not res.passed, res.details


@pytest.mark.parametrize("lang,reply", [
    ("fi", "Hei Anna, tein sinulle palautuslapun, se on nyt sähköpostissasi. Kun kengät ovat varastollamme, "
           "hyvitän ne kortillesi – yleensä viiden arkipäivän sisällä, ja ilmoitan sinulle heti."),
    ("en", "Hi Anna, I've emailed you a prepaid return label just now. Once the shoes reach us I'll refund them "
           "to your card myself, usually within five working days, and let you know the same day."),
])
def test_writer_acting_with_policy_facts_passes(lang, reply):
    case, kb = (RETURN_FI, POLICY_FI) if lang == "fi" else (RETURN_EN, POLICY_EN)
    res = review(reply, case, kb).checks["copy_paste"]
    assert res.passed, res.details
