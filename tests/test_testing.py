"""copilot.testing.assert_good_reply for integrators' pytest suites."""

from __future__ import annotations

import pytest

from copilot.case import Case
from copilot.review import Review
from copilot.testing import assert_good_reply, explain

MSG = "Korttini lakkasi toimimasta, kun vaihdoin puhelinnumeroni. Vuokra pitäisi maksaa huomenna! – Maija Virtanen"
KB = ["Suljetun kortin voi avata uudelleen, kun henkilöllisyys on varmistettu. Avaus tulee voimaan noin 30 minuutissa."]
GOOD = ("Hei Maija, pahoittelen – korttisi sulkeutui automaattisesti, kun numerosi vaihtui. Avasin kortin juuri, ja "
        "se toimii noin 30 minuutin kuluttua, joten ehdit hyvin maksaa huomisen vuokran.")


def test_good_reply_passes_and_returns_the_review():
    rv = assert_good_reply(GOOD, MSG, KB)
    assert isinstance(rv, Review) and rv.score >= 70


def test_good_reply_with_case_object():
    assert_good_reply(GOOD, Case(message=MSG), KB, min_score=80)


def test_failure_lists_check_hint_and_span():
    bad = "Hei. Kortin avaamiseen liittyvissä asioissa kannattaa olla yhteydessä konttoriin."
    with pytest.raises(AssertionError) as err:
        assert_good_reply(bad, MSG, KB)
    text = str(err.value)
    assert "flags: deflection" in text
    assert "deflection: Asiakas ohjataan muualle" in text
    assert '"' in text and "konttoriin" in text  # the offending span is quoted
    assert "< 70" in text


def test_low_score_without_flags_fails_too():
    with pytest.raises(AssertionError, match="scored"):
        assert_good_reply("Selvä.", MSG, KB, min_score=95)


def test_allow_a_penalty_check():
    recited = ("Hei Maija! Suljetun kortin voi avata uudelleen, kun henkilöllisyys on varmistettu. Avaus tulee "
               "voimaan noin 30 minuutissa.")
    with pytest.raises(AssertionError, match="copy_paste"):
        assert_good_reply(recited, MSG, KB, min_score=0)
    rv = assert_good_reply(recited, MSG, KB, min_score=0, allow=["copy_paste"])
    assert "copy_paste" in rv.flags


def test_explain_is_readable():
    from copilot.review import review

    text = explain(review("You should have read the instructions.", "My card is blocked."), 70)
    assert text.splitlines()[0].startswith("reply scored")
    assert "accusatory:" in text
