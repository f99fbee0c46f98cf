"""The side panel (ui/app.py) driven headless with Streamlit's AppTest, on the real Copilot.

Each test gets a fresh COPILOT_HOME (store + journal) and the 5-document knowledge of tests/kb.py.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.kb import write_kb
from ui.conversation import format_history, insert_sentence, parse_history
from ui.i18n import CHECK_LABELS, LANGS, SPECIFIC_LABELS, STRINGS, t
from ui.render import format_when, highlight_html, md_escape, text_html

APP = Path(__file__).resolve().parents[1] / "ui" / "app.py"

SMS_CASE = ("Hei! Sain tekstiviestin: \"Pakettisi JJFI64025700012345 on noudettavissa. Hyllykoodi B12, "
            "ota henkilöllisyystodistus mukaan.\" Kävin automaatilla, mutta paketti ei ollut siellä. Missä se on?")


@pytest.fixture()
def panel(home, tmp_path, monkeypatch):
    """A fresh home + tiny knowledge; Finnish UI; no model (offline composer)."""
    monkeypatch.setenv("COPILOT_KNOWLEDGE", str(write_kb(tmp_path / "kb")))
    monkeypatch.delenv("COPILOT_UI_LANG", raising=False)
    return home


def _journal():
    from copilot.config import Settings
    from copilot.journal import Journal

    return Journal(Settings.from_env().journal)


def _start() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=240)
    at.run()
    _assert_clean(at)
    return at


def _assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _draft(at: AppTest, message: str = SMS_CASE, customer: str = "Maija Meikäläinen") -> AppTest:
    at.text_area(key="msg").input(message).run()
    at.text_input(key="customer").input(customer).run()
    at.button(key="btn_draft").click().run()
    _assert_clean(at)
    return at


def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def _texts(elements) -> list[str]:
    return [e.value for e in elements]


# --------------------------------------------------------------------------- the whole flow

def test_paste_draft_edit_review_send_followup(panel):
    at = _start()
    assert at.button(key="btn_draft").label == t("draft.button", "fi")
    _draft(at)

    reply = at.text_area(key="reply")
    assert reply.value.strip(), "the draft lands in the editable text area"
    draft = at.session_state["draft"]
    assert reply.value == draft.text
    assert draft.lang == "fi"
    # sources as expanders, detected specifics, language, review with an overall score
    labels = [e.label for e in at.expander]
    assert any(s.title in labels for s in draft.sources)
    html = _html(at)
    assert "JJFI64025700012345" in html  # a detected specific (tracking id)
    assert t("review.score", "fi", score=round(at.session_state["review"].score)) in html
    first_score = at.session_state["review"].score

    # edit: a blaming sentence -> the review updates, the check fails, the span is highlighted
    blaming = "Sinun olisi pitänyt lukea tekstiviesti tarkemmin."
    at.text_area(key="reply").input(blaming + "\n\n" + reply.value).run()
    _assert_clean(at)
    review = at.session_state["review"]
    assert at.session_state["review_for"].startswith(blaming)
    assert review.score < first_score
    assert not review.checks["accusatory"].passed
    html = _html(at)
    assert "<mark" in html
    assert f"**{t('review.highlight', 'fi')}**" in _texts(at.markdown)

    # back to the draft, add a follow-up promise
    at.text_area(key="reply").input(draft.text).run()
    at.button(key="btn_commit").click().run()
    _assert_clean(at)
    text = at.text_area(key="reply").value
    assert text != draft.text
    assert any(word in text for word in ("huomenna", "tänään", "klo")), text

    # rewrite without a model: a friendly info, the text is unchanged
    at.button(key="btn_friendlier").click().run()
    _assert_clean(at)
    assert t("act.needs_model", "fi") in _texts(at.info)
    assert at.text_area(key="reply").value == text

    # send: journal row, copyable text, confirmation, follow-up listed
    at.button(key="btn_send").click().run()
    _assert_clean(at)
    assert at.code[0].value == text
    assert any(t("send.done", "fi", id=at.session_state["sent"]["id"]) == s for s in _texts(at.success))
    with _journal() as journal:
        case = journal.recent_cases(1)[0]
        assert case.message == SMS_CASE
        assert case.customer_key == "maija meikäläinen"
        assert case.drafts[0].text == draft.text
        assert case.sent[0].text == text
        assert case.sent[0].edit_distance > 0
        open_fu = journal.open_followups()
        assert open_fu and any("huomenna" in f.text or "tänään" in f.text for f in open_fu)
    fu_buttons = [b for b in at.button if b.key and b.key.startswith("fu_done_")]
    assert [b.key for b in fu_buttons] == [f"fu_done_{f.id}" for f in open_fu]  # soonest first
    assert at.button(key="btn_send").disabled  # sent text unchanged: no double send

    # feedback on the draft
    at.feedback(key=f"fb_thumbs_{at.session_state['serial']}").set_value(0).run()
    at.text_input(key=f"fb_reason_{at.session_state['serial']}").input("väärä ohje").run()
    at.button(key="btn_feedback").click().run()
    _assert_clean(at)
    assert t("fb.thanks", "fi") in _texts(at.success)

    # mark a follow-up done
    at.button(key=fu_buttons[0].key).click().run()
    _assert_clean(at)
    assert t("fu.marked", "fi") in _texts(at.success)
    assert fu_buttons[0].key not in [b.key for b in at.button]
    with _journal() as journal:
        assert [f.id for f in journal.open_followups()] == [f.id for f in open_fu[1:]]
        fb = journal.recent_cases(1)[0].drafts[0].feedback
        assert [(f.thumbs, f.reason) for f in fb] == [(-1, "väärä ohje")]


def test_second_case_shows_history_and_reopens_from_journal(panel):
    at = _draft(_start())
    at.button(key="btn_send").click().run()
    at.button(key="btn_new").click().run()
    _assert_clean(at)
    assert at.text_area(key="msg").value == ""
    assert "reply" not in at.session_state or not at.session_state["reply"]

    # the same customer again: a short summary and a timeline of earlier contacts
    at.text_area(key="msg").input("Vieläkään ei löydy pakettia.").run()
    at.text_input(key="customer").input("  maija MEIKÄLÄINEN ").run()
    _assert_clean(at)
    summary = [c.value for c in at.caption if c.value.startswith("1 aiempaa yhteydenottoa, viimeisin tänään")]
    with _journal() as journal:
        n_open = len(journal.open_followups())
    assert summary and t("hist.open_followups", "fi", n=n_open) in summary[0]
    assert t("hist.timeline", "fi") in [e.label for e in at.expander]
    assert "Hyllykoodi B12" in _html(at)

    # open the earlier case from the journal
    at.button(key="btn_open_case").click().run()
    _assert_clean(at)
    assert at.text_area(key="msg").value == SMS_CASE
    assert at.text_input(key="customer").value == "maija meikäläinen"


def test_history_lines_reach_the_case(panel):
    at = _start()
    at.text_area(key="history").input("asiakas: Tilasin paketin viime viikolla.\nagentti: Tarkistan asian.").run()
    _draft(at)
    case = at.session_state["case"]
    assert [(m.role, m.text) for m in case.history] == [
        ("customer", "Tilasin paketin viime viikolla."), ("agent", "Tarkistan asian.")]
    assert t("case.history.parsed", "fi", n=2) in _texts(at.caption)


def test_language_switch_to_english(panel):
    at = _start()
    at.segmented_control(key="ui_lang").set_value("en").run()
    _assert_clean(at)
    assert at.button(key="btn_draft").label == "Draft a reply"
    assert at.text_area(key="msg").label == "Customer message"


def test_english_ui_from_env(panel, monkeypatch):
    monkeypatch.setenv("COPILOT_UI_LANG", "en")
    at = _start()
    assert at.button(key="btn_draft").label == "Draft a reply"


def test_model_path_rewrite_with_fake_model(panel, monkeypatch):
    from copilot.models import FakeModel

    monkeypatch.setenv("COPILOT_MODEL", "fake")
    at = _draft(_start(), "Missä pakettini JJFI64025700012345 on?")
    assert t("app.model", "fi", model="fake") in _texts(at.caption)
    assert at.session_state["draft"].model == "fake"
    at.button(key="btn_shorter").click().run()
    _assert_clean(at)
    assert at.text_area(key="reply").value == FakeModel.DEFAULT_REPLY
    assert t("act.rewritten", "fi", style=t("style.shorter", "fi")) in _texts(at.success)


def test_empty_message_warns(panel):
    at = _start()
    at.button(key="btn_draft").click().run()
    _assert_clean(at)
    assert t("case.missing", "fi") in _texts(at.warning)
    assert at.session_state["draft"] is None


def _draft_with_failing_stream(monkeypatch, exc: BaseException) -> AppTest:
    from copilot import Copilot

    def boom(self, case):
        raise exc

    monkeypatch.setattr(Copilot, "stream_draft", boom)
    at = AppTest.from_file(str(APP), default_timeout=240)
    at.run()
    at.text_area(key="msg").input("Missä pakettini on?").run()
    at.button(key="btn_draft").click().run()
    assert not at.exception
    return at


def test_copilot_error_shows_one_line(panel, monkeypatch):
    from copilot import ModelError

    at = _draft_with_failing_stream(
        monkeypatch, ModelError("the model timed out after 20 s; try again or unset COPILOT_MODEL\nsecond line"))
    assert _texts(at.error) == ["the model timed out after 20 s; try again or unset COPILOT_MODEL"]


def test_unexpected_error_is_generic(panel, monkeypatch, caplog):
    at = _draft_with_failing_stream(monkeypatch, RuntimeError("secret internals"))
    assert _texts(at.error) == [t("error.generic", "fi")]
    assert "secret internals" not in "".join(_texts(at.error))


def test_bad_journal_url_is_reported_not_crashed(panel, monkeypatch):
    monkeypatch.setenv("COPILOT_JOURNAL_URL", "mysql://nobody@127.0.0.1/none")
    at = AppTest.from_file(str(APP), default_timeout=240)
    at.run()
    assert not at.exception
    assert at.error and all("\n" not in e.value for e in at.error)
    assert any("journal" in e.value for e in at.error)


def test_missing_knowledge_is_reported_not_crashed(panel, monkeypatch, tmp_path):
    monkeypatch.setenv("COPILOT_KNOWLEDGE", str(tmp_path / "no-such-dir"))
    at = AppTest.from_file(str(APP), default_timeout=240)
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "\n" not in at.error[0].value and "no-such-dir" in at.error[0].value


def test_without_the_fragment_an_edit_still_updates_the_review(panel, monkeypatch):
    """``COPILOT_UI_FRAGMENTS=0``: the reply panel is drawn inline (every edit reruns the script)."""
    monkeypatch.setenv("COPILOT_UI_FRAGMENTS", "0")
    at = _draft(_start())
    blaming = "Sinun olisi pitänyt lukea tekstiviesti tarkemmin."
    at.text_area(key="reply").input(blaming + "\n\n" + at.text_area(key="reply").value).run()
    _assert_clean(at)
    assert not at.session_state["review"].checks["accusatory"].passed
    assert "<mark" in _html(at)
    at.button(key="btn_send").click().run()
    _assert_clean(at)
    assert at.code[0].value.startswith(blaming)


def test_unexpected_error_in_the_reply_panel_is_generic(panel, monkeypatch):
    """The reply fragment has its own last-resort guard (a fragment rerun bypasses main's)."""
    import ui.render

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(ui.render, "checks_html", boom)
    at = _start()
    at.text_area(key="msg").input(SMS_CASE).run()
    at.button(key="btn_draft").click().run()
    assert not at.exception
    assert _texts(at.error) == [t("error.generic", "fi")]
    assert at.text_area(key="reply").value.strip()  # the editor above the failure is still there
    assert at.button(key="btn_feedback")  # and so is what follows the fragment


def test_customer_text_is_never_markup(panel):
    at = _start()
    _draft(at, message="<script>alert(1)</script> <b>paketti</b> JJFI64025700012345 ei tullut", customer="<i>x</i>")
    at.text_area(key="reply").input("<img src=x onerror=alert(1)> Sinun olisi pitänyt lukea viesti tarkemmin.").run()
    _assert_clean(at)
    html = _html(at)
    assert "<script" not in html and "<img" not in html and "<i>x</i>" not in html
    assert "<mark" in html  # the reply is shown (highlighted) ...
    assert "&lt;img src=x onerror=alert(" in html  # ... as text


# --------------------------------------------------------------------------- pure helpers

def test_every_ui_text_exists_in_both_languages():
    assert set(LANGS) == set(STRINGS) == {"fi", "en"}
    assert set(STRINGS["fi"]) == set(STRINGS["en"])
    assert set(CHECK_LABELS["fi"]) == set(CHECK_LABELS["en"])
    assert set(SPECIFIC_LABELS["fi"]) == set(SPECIFIC_LABELS["en"])
    from copilot.review import CHECKS

    assert set(CHECKS) <= set(CHECK_LABELS["fi"])


def test_parse_history_roles_and_continuations():
    msgs = parse_history("asiakas: Hei\njatkuu tässä\n\nAgentti: Moi\ncustomer: and English\nagent - ok\n")
    assert [(m.role, m.text) for m in msgs] == [
        ("customer", "Hei\njatkuu tässä"), ("agent", "Moi"), ("customer", "and English"), ("agent", "ok")]
    assert [(m.role, m.text) for m in parse_history("no prefix at all")] == [("customer", "no prefix at all")]
    assert parse_history("") == []
    assert format_history(msgs, "fi").splitlines()[0] == "asiakas: Hei jatkuu tässä"
    assert [(m.role, m.text) for m in parse_history(format_history(msgs, "en"))][1] == ("agent", "Moi")


def test_insert_sentence_goes_before_the_sign_off():
    reply = "Hei Maija!\n\nPaketti on tiskillä.\n\nYstävällisin terveisin\nAnna"
    assert insert_sentence(reply, "Palaan asiaan huomenna.") == (
        "Hei Maija!\n\nPaketti on tiskillä.\n\nPalaan asiaan huomenna.\n\nYstävällisin terveisin\nAnna")
    assert insert_sentence("Hi!\nIt is on its way.\nBest regards\nAnna", "I'll call you.") == (
        "Hi!\nIt is on its way.\n\nI'll call you.\n\nBest regards\nAnna")
    assert insert_sentence("Hi! Done.", "I'll call you.") == "Hi! Done.\n\nI'll call you."
    assert insert_sentence("", "X.") == "X."


def test_highlight_escapes_and_merges_overlaps():
    text = "a <b>bad</b> & worse"
    out = highlight_html(text, [(2, 12, 'hint "one"', True), (8, 20, "<two>", False)])
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert "&lt;two&gt;" in out and "hint &quot;one&quot;" in out
    assert out.count("<mark") == 3  # [2,8) one, [8,12) both, [12,20) two
    assert "<script" not in text_html("<script>x</script>")
    long = "Hei!\n\nEka kappale.\n\nOlisit voinut lukea.\n\nTerveisin"
    i = long.index("Olisit")
    compact = highlight_html(long, [(i, i + 13, "h", True)], only_marked=True)
    assert "Eka kappale" not in compact and "Olisit voinut</mark> lukea." in compact and compact.count("…") == 2
    assert md_escape("*a* [x](y) :red[z] $1$") == r"\*a\* \[x\]\(y\) \:red\[z\] \$1\$"


def test_format_when_fi_en():
    now = datetime(2026, 11, 23, 10, 0)
    assert format_when(datetime(2026, 11, 24, 12, 0), "fi", now) == "huomenna klo 12.00"
    assert format_when(datetime(2026, 11, 24, 12, 0), "en", now) == "tomorrow 12:00"
    assert format_when(datetime(2026, 11, 27, 9, 30), "fi", now) == "pe 27.11. klo 9.30"
    assert format_when(datetime(2026, 11, 27, 9, 30), "en", now) == "Fri 27 Nov 09:30"


def test_entering_the_message_prefetches_and_a_failing_prefetch_stays_silent(panel, monkeypatch):
    from copilot import Copilot

    seen: list[str] = []

    def boom(self, case):
        seen.append(case.message)
        raise RuntimeError("prefetch broke")

    monkeypatch.setattr(Copilot, "prefetch", boom)
    at = _draft(_start())  # asserts no error or exception is shown
    assert seen == [SMS_CASE.strip()]
    assert at.session_state["draft"] is not None
