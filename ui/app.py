"""The agent's side panel: paste a case, get a grounded draft, edit it with a live review, send.

Run: ``streamlit run ui/app.py`` (or ``copilot ui``). Works as a ~420 px side panel and as a full
page: one column, no wide-only layouts. Thin over ``copilot.Copilot``; every call is guarded:
a ``CopilotError`` shows its one-line message, anything else a generic message (logged).

Environment: the usual ``COPILOT_*`` settings (``COPILOT_HOME``, ``COPILOT_KNOWLEDGE``,
``COPILOT_MODEL``, ``COPILOT_JOURNAL_URL``...) and ``COPILOT_UI_LANG`` (``fi``/``en``, default fi).

Reruns: the editor and everything that depends on the reply text (quick actions, live review, draft
details, send) form one ``st.fragment`` (``_reply_panel``), so an edit reruns only that part, not the
case input, journal look-ups and follow-ups above and beside it. Callbacks of widgets inside it
that change more than the reply (regenerate, send, new case) call ``st.rerun()``, which reruns the
whole app. ``COPILOT_UI_FRAGMENTS=0`` turns the fragment off (every edit reruns the whole script;
for benchmarks and as a fallback).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

try:  # `streamlit run ui/app.py` puts ui/ (not the project root) on sys.path
    import ui.i18n  # noqa: F401
except ImportError:  # pragma: no cover - depends on how the app is launched
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

from copilot import Case, Copilot, CopilotError, CustomerProfile, UsageError
from copilot.case import CHANNELS
from copilot.journal import normalize_customer_key
from ui.conversation import format_history, insert_sentence, parse_history
from ui.i18n import DEFAULT_LANG, LANGS, check_label, language_name, specific_label, t
from ui.render import (PANEL_CSS, checks_html, chips_html, format_when, highlight_html, list_html, locate,
                       md_escape, score_html, shorten, text_html, timeline_html)

log = logging.getLogger("copilot.ui")

S = st.session_state
STYLES = ("friendlier", "shorter", "formal")
FRAGMENTS = os.environ.get("COPILOT_UI_FRAGMENTS", "1").strip() != "0"


# --------------------------------------------------------------------------- state

def _default_lang() -> str:
    env_lang = (os.environ.get("COPILOT_UI_LANG") or DEFAULT_LANG).strip().lower()
    return env_lang if env_lang in LANGS else DEFAULT_LANG


def _init_state() -> None:
    defaults: dict[str, Any] = {
        # case inputs (widget keys)
        "msg": "", "history": "", "channel": "chat", "customer": "", "agent": "",
        # the editor (widget key) and what it belongs to
        "reply": "",
        "draft": None,        # the Draft of the reply being edited
        "case": None,         # the Case it was drafted for
        "serial": 0,          # +1 per new draft: keys of per-draft widgets
        "case_id": None,      # journal ids, recorded on send / feedback
        "draft_id": None,
        "opened": None,       # {"id", "message"} of a case opened from the journal
        "review": None,       # Review of `review_for`
        "review_for": None,
        "draft_review": None,  # review of the unedited draft (stored with the draft)
        "sent": None,         # {"id", "text", "followups": [(text, due_at)]}
        "fb_done": False,
        "pending_draft": False,
        "flash": [],          # [(where, kind, text)] from callbacks, shown on the next render
    }
    for key, value in defaults.items():
        if key not in S:
            S[key] = value


def L() -> str:
    """The UI language (the header's selector; COPILOT_UI_LANG or Finnish before it exists)."""
    return S.get("ui_lang") or _default_lang()


def _flash(kind: str, text: str, where: str = "reply") -> None:
    S.flash = [*S.flash, (where, kind, text)]


def _show_flash(where: str) -> None:
    keep = []
    for w, kind, text in S.flash:
        if w != where:
            keep.append((w, kind, text))
            continue
        getattr(st, kind, st.info)(text)
    S.flash = keep


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _guard(fn: Callable[..., Any], *args: Any, where: str | None = None, **kwargs: Any) -> tuple[bool, Any]:
    """Run a Copilot call; on failure show (``where=None``: now) or flash (``where``: next render) a message."""
    try:
        return True, fn(*args, **kwargs)
    except CopilotError as exc:
        log.info("copilot error in %s: %s", getattr(fn, "__name__", fn), exc)
        message = _one_line(exc)
    except Exception:
        log.exception("unexpected error in the side panel (%s)", getattr(fn, "__name__", fn))
        message = t("error.generic", L())
    if where is None:
        st.error(message)
    else:
        _flash("error", message, where)
    return False, None


# --------------------------------------------------------------------------- the copilot

def _env_key() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("COPILOT_")))


@st.cache_resource(show_spinner=False)
def _copilot(env_key: tuple[tuple[str, str], ...]) -> Copilot:
    """One Copilot per configuration (the key is the COPILOT_* environment)."""
    return Copilot()


@st.cache_resource(show_spinner=False)
def _indexed(env_key: tuple[tuple[str, str], ...]) -> bool:
    """First start: index the configured (or sample) knowledge once per configuration."""
    _copilot(env_key).ensure_index()
    return True




@st.cache_resource(show_spinner=False)
def _warmed(env_key: tuple[tuple[str, str], ...]) -> bool:
    """Once per configuration, at panel start: ``Copilot.warm_up`` (corpus index, embedder, the
    review's word data ~3 s cold, the model client), so neither the first draft click nor the first
    live review pays for them. Best effort: a failure here only costs that speed.

    Then ``gc.freeze()``: Streamlit runs a full ``gc.collect()`` after every script (and fragment)
    run (``runner.postScriptGC``); with the loaded models and word data that scan took ~50-100 ms of
    CPU per rerun, holding the GIL while the rerun's last messages waited to be sent. The objects
    alive now live as long as the process; frozen, they are left out of every later collection.
    """
    try:
        _copilot(env_key).warm_up()
    except Exception:  # the real calls report their own errors later
        log.warning("side panel warm-up failed", exc_info=True)
    gc.collect()
    gc.freeze()
    return True


def _journal(cp: Copilot) -> Any:
    return cp.journal


# --------------------------------------------------------------------------- case

def _case_from_inputs() -> Case:
    return Case(
        message=(S.msg or "").strip(),
        history=tuple(parse_history(S.history)),
        channel=S.channel if S.channel in CHANNELS else "chat",
        customer=CustomerProfile(name=(S.customer or "").strip() or None),
        agent_name=(S.agent or "").strip() or None,
    )


def _build_case() -> Case | None:
    if not (S.msg or "").strip():
        st.warning(t("case.missing", L()))
        return None
    ok, case = _guard(_case_from_inputs)
    return case if ok else None


def _prefetch(cp: Copilot) -> None:
    """Message or history entered: start the draft's slow part (the query embedding) while the agent
    reads. Best effort: the draft click reports any real error."""
    if not (S.msg or "").strip():
        return
    try:
        cp.prefetch(_case_from_inputs())
    except Exception:
        log.warning("prefetch failed", exc_info=True)


def _reset_reply() -> None:
    S.draft = S.case = None
    S.reply = ""
    S.case_id = S.draft_id = None
    S.review = S.review_for = S.draft_review = None
    S.sent = None
    S.fb_done = False
    S.serial += 1


def _rerun_app() -> None:
    """In a callback: rerun the whole app afterwards, also when the widget sits in the reply fragment
    (whose interactions otherwise rerun only the fragment). Ends the callback."""
    st.rerun()


def _request_draft() -> None:
    S.pending_draft = True


def _regenerate() -> None:
    """The regenerate button (in the reply fragment): the draft streams in above the fragment."""
    S.pending_draft = True
    _rerun_app()


def _new_case() -> None:
    _reset_reply()
    S.msg = S.history = S.customer = ""
    S.channel = "chat"
    S.opened = None
    _rerun_app()  # the case input above the reply fragment is cleared


def _open_case(cp: Copilot) -> None:
    case_id = S.get("case_pick")
    if case_id is None:
        return
    ok, rec = _guard(lambda: _journal(cp).get_case(int(case_id)), where="reply")
    if not ok or rec is None:
        return
    _reset_reply()
    S.msg = rec.message
    S.history = format_history(rec.history, L())
    S.channel = rec.channel if rec.channel in CHANNELS else "chat"
    S.customer = rec.customer_key or ""
    S.opened = {"id": rec.id, "message": rec.message}
    _flash("info", t("case.opened", L(), id=rec.id))


def _stream_draft(cp: Copilot) -> None:
    """Stream a draft into a placeholder, then hand the final text to the editor's state."""
    case = _build_case()
    if case is None:
        return
    box = st.empty()
    with box.container():
        st.caption(t("draft.streaming", L()))
        live = st.empty()

    def run() -> Any:
        stream = cp.stream_draft(case)
        acc = ""
        for piece in stream:
            acc += piece
            live.html(text_html(acc + " ▌"))
        return stream.draft

    ok, draft = _guard(run)
    box.empty()
    if not ok or draft is None:
        return
    _reset_reply()
    S.draft, S.case = draft, case
    S.reply = draft.text  # the editor is created further down this run: setting its state is allowed


def _ensure_recorded(cp: Copilot) -> int:
    """Record the case and the draft in the journal (once); returns the draft id."""
    journal = _journal(cp)
    if S.case_id is None:
        opened = S.opened or {}
        if opened.get("id") and opened.get("message") == S.case.message:
            S.case_id = opened["id"]
        else:
            S.case_id = journal.record_case(S.case)
    if S.draft_id is None:
        d = S.draft
        data = {"text": d.text, "lang": d.lang, "model": d.model, "warnings": list(d.warnings),
                "sources": list(d.sources), "specifics": list(d.specifics),
                "review": S.draft_review.to_dict() if S.draft_review is not None else None}
        S.draft_id = journal.record_draft(S.case_id, data)
    return S.draft_id


# --------------------------------------------------------------------------- callbacks (run before the script)

def _rewrite(cp: Copilot, style: str) -> None:
    try:
        result = cp.rewrite(S.reply, S.case, style)
    except UsageError as exc:
        _flash("info", t("act.needs_model", L()) if not cp.settings.model else _one_line(exc))
        return
    except CopilotError as exc:
        _flash("error", _one_line(exc))
        return
    except Exception:
        log.exception("unexpected error in rewrite")
        _flash("error", t("error.generic", L()))
        return
    S.reply = getattr(result, "text", result)
    _flash("success", t("act.rewritten", L(), style=t(f"style.{style}", L())))


def _insert_commitment(cp: Copilot) -> None:
    lang = getattr(S.draft, "lang", None) or getattr(S.review, "lang", None) or L()
    ok, sentence = _guard(cp.commitment_sentence, lang, where="reply")
    if ok and sentence:
        S.reply = insert_sentence(S.reply, sentence)
        _flash("success", t("act.committed", L(), sentence=sentence))


def _send(cp: Copilot) -> None:
    text = S.reply or ""
    if not text.strip():
        _flash("warning", t("send.empty", L()), "send")
        return

    def run() -> dict[str, Any]:
        draft_id = _ensure_recorded(cp)
        review = S.review if S.review_for == text and S.review is not None else cp.review(
            text, case=S.case, draft=S.draft)
        journal = _journal(cp)
        sent_id = journal.record_sent(draft_id, text, review.to_dict())
        rec = journal.get_case(S.case_id)
        followups = [(f.text, f.due_at) for f in (rec.followups if rec else []) if f.sent_id == sent_id]
        return {"id": sent_id, "text": text, "followups": followups}

    ok, sent = _guard(run, where="send")
    if ok:
        S.sent = sent
        _rerun_app()  # the customer's history, feedback and follow-ups live outside the reply fragment


def _send_feedback(cp: Copilot) -> None:
    thumbs = S.get(f"fb_thumbs_{S.serial}")
    if thumbs is None:
        _flash("warning", t("fb.pick", L()), "feedback")
        return
    reason = (S.get(f"fb_reason_{S.serial}") or "").strip() or None

    def run() -> None:
        draft_id = _ensure_recorded(cp)
        _journal(cp).record_feedback(draft_id, 1 if thumbs == 1 else -1, reason)

    ok, _ = _guard(run, where="feedback")
    if ok:
        S.fb_done = True


def _mark_done(cp: Copilot, followup_id: int) -> None:
    ok, _ = _guard(_journal(cp).mark_done, followup_id, where="followups")
    if ok:
        _flash("success", t("fu.marked", L()), "followups")


# --------------------------------------------------------------------------- sections

def _header() -> None:
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"### :material/support_agent: {t('app.title', L())}", width="stretch")
        st.segmented_control(t("app.lang", L()), list(LANGS), format_func=LANGS.get, key="ui_lang",
                             default=_default_lang(), required=True,
                             label_visibility="collapsed")


def _open_earlier_case(cp: Copilot) -> None:
    ok, recent = _guard(lambda: _journal(cp).recent_cases(20))
    if not ok or not recent:
        if ok:
            st.caption(t("cases.none", L()))
        return
    by_id = {r.id: r for r in recent}
    lang = L()

    def label(case_id: int) -> str:
        r = by_id[case_id]
        who = r.customer_key or t("cases.no_customer", lang)
        sent = f" · {t('cases.sent_count', lang, n=len(r.sent))}" if r.sent else ""
        return f"#{r.id} · {who} · {format_when(r.created_at, lang)}{sent} · {shorten(r.message, 60)}"

    if S.get("case_pick") not in by_id:
        S.case_pick = recent[0].id
    st.selectbox(t("cases.pick", lang), list(by_id), format_func=label, key="case_pick")
    st.button(t("cases.open", lang), key="btn_open_case", on_click=_open_case, args=(cp,))


def _case_input(cp: Copilot) -> None:
    lang = L()
    with st.expander(t("cases.header", lang), icon=":material/folder_open:"):
        _open_earlier_case(cp)
    st.text_area(t("case.message", lang), key="msg", height=140, help=t("case.message.help", lang),
                 placeholder=t("case.message.placeholder", lang), on_change=_prefetch, args=(cp,))
    with st.container(horizontal=True):
        st.selectbox(t("case.channel", lang), list(CHANNELS), key="channel",
                     format_func=lambda c: t(f"channel.{c}", lang), width=150)
        st.text_input(t("case.customer", lang), key="customer", help=t("case.customer.help", lang),
                      width="stretch")
    with st.expander(t("case.details", lang)):
        st.text_area(t("case.history", lang), key="history", height=110, help=t("case.history.help", lang),
                     placeholder=t("case.history.placeholder", lang), on_change=_prefetch, args=(cp,))
        turns = parse_history(S.history)
        if turns:
            st.caption(t("case.history.parsed", lang, n=len(turns)))
        st.text_input(t("case.agent", lang), key="agent")
    _customer_history(cp)


def _customer_history(cp: Copilot) -> None:
    name = (S.customer or "").strip()
    if not name:
        return
    lang = L()
    exclude = (S.opened or {}).get("id")
    ok, entries = _guard(lambda: _journal(cp).customer_history(name, 10, exclude_case_id=exclude))
    if not ok:
        return
    if not entries:
        st.caption(t("hist.none", lang))
        return
    contacts = [e for e in entries if e.kind == "case"]
    summary = t("hist.summary", lang, n=len(contacts) or len(entries), when=format_when(entries[0].at, lang))
    key = normalize_customer_key(name)
    ok, open_fu = _guard(lambda: [f for f in _journal(cp).open_followups() if f.customer_key == key])
    if ok and open_fu:
        summary += " " + t("hist.open_followups", lang, n=len(open_fu))
    st.caption(summary)
    with st.expander(t("hist.timeline", lang), icon=":material/history:"):
        rows = [(format_when(e.at, lang), f"{t('hist.' + e.kind, lang)} · {t('channel.' + e.channel, lang)}",
                 shorten(e.text, 240)) for e in entries]
        st.html(timeline_html(rows))


def _draft_info(draft: Any, configured_model: str | None) -> None:
    lang = L()
    meta = [t("draft.lang", lang, lang=language_name(getattr(draft, "lang", None), lang))]
    model = getattr(draft, "model", None)
    if model and configured_model:  # without a model the header already says "offline composer"
        meta.append(str(model))
    st.caption(" · ".join(meta))
    for warning in getattr(draft, "warnings", None) or []:
        st.warning(str(warning))
    sources = list(getattr(draft, "sources", None) or [])
    if not sources:
        st.info(t("draft.no_sources", lang))
    else:
        st.markdown(f"**{t('draft.sources', lang, n=len(sources))}**")
        for src in sources:
            title = str(getattr(src, "title", None) or getattr(src, "id", "?"))
            with st.expander(title, icon=":material/description:"):
                snippet = getattr(src, "snippet", None)
                if snippet:
                    st.html(text_html(str(snippet), box=False, muted=True))
                path = getattr(src, "source", None) or getattr(src, "id", None)
                if path:
                    st.caption(f"{t('draft.source.file', lang)}: {md_escape(path)}")
    specifics = list(getattr(draft, "specifics", None) or [])
    if specifics:
        st.markdown(f"**{t('draft.specifics', lang)}**")
        st.html(chips_html([(specific_label(getattr(s, "kind", "?"), lang), str(getattr(s, "value", "")))
                            for s in specifics]))
    summary = list(getattr(draft, "history_summary", None) or [])
    if summary:
        with st.expander(t("draft.summary", lang), icon=":material/summarize:"):
            st.html(list_html(str(line) for line in summary))


def _review(cp: Copilot) -> None:
    lang = L()
    text = S.reply or ""
    if not text.strip():
        st.caption(t("draft.empty", lang))
        return
    if S.review_for != text or S.review is None:
        ok, review = _guard(cp.review, text, case=S.case, draft=S.draft)
        if not ok:
            return
        S.review, S.review_for = review, text
        if S.draft_review is None and S.draft is not None and text == S.draft.text:
            S.draft_review = review
    review = S.review
    score = max(0.0, min(100.0, float(review.score)))
    st.markdown(f"**{t('review.header', lang)}**")
    st.html(score_html(score, t("review.score", lang, score=round(score))))

    checks = list(review.checks.values())
    failed = sorted((c for c in checks if not c.passed), key=lambda c: (c.kind != "penalty", c.score))
    passed = [c for c in checks if c.passed]
    marks: list[tuple[int, int, str, bool]] = []  # (start, end, hint, severe) located in the current text
    for c in failed:
        for r in c.reasons:
            span = getattr(r, "span", None)
            where = locate(text, span.start, span.end, span.text) if span is not None else None
            if where:
                marks.append((where[0], where[1], r.message, c.kind == "penalty"))
    st.html(checks_html(
        [(check_label(c.name, lang), _pct(c.score), [r.message for r in c.reasons]) for c in failed],
        [(check_label(c.name, lang), _pct(c.score)) for c in passed],
        passed_title=t("review.passed", lang, n=len(passed)), all_passed=t("review.failed_none", lang)))
    if marks:
        st.markdown(f"**{t('review.highlight', lang)}**")
        st.html(highlight_html(text, marks, only_marked=True))


def _pct(score: float) -> int:
    return round(100 * max(0.0, min(1.0, float(score))))


def _actions(cp: Copilot) -> None:
    lang = L()
    with st.container(horizontal=True, gap="small"):
        st.button(t("act.regenerate", lang), key="btn_regen", icon=":material/refresh:", on_click=_regenerate)
        for style in STYLES:
            st.button(t(f"act.{style}", lang), key=f"btn_{style}", on_click=_rewrite, args=(cp, style))
        st.button(t("act.commit", lang), key="btn_commit", icon=":material/schedule:", on_click=_insert_commitment, args=(cp,))
    _show_flash("reply")


def _send_section(cp: Copilot) -> None:
    lang = L()
    sent = S.sent
    already = sent is not None and sent["text"] == S.reply
    st.button(t("send.button", lang), key="btn_send", type="primary", icon=":material/send:", on_click=_send, args=(cp,),
              disabled=already, width="stretch")
    _show_flash("send")
    if sent is not None:
        st.success(t("send.done", lang, id=sent["id"]))
        if not already:
            st.caption(t("send.resend", lang))
        st.caption(t("send.copy", lang))
        st.code(sent["text"], language=None, wrap_lines=True)
        if sent["followups"]:
            items = "; ".join(f"{shorten(txt, 80)} ({format_when(due, lang)})" for txt, due in sent["followups"])
            st.html(text_html(t("send.followups", lang, items=items), box=False))
        st.button(t("send.new_case", lang), key="btn_new", icon=":material/add:", on_click=_new_case)


def _feedback_section(cp: Copilot) -> None:
    lang = L()
    with st.expander(t("fb.header", lang), icon=":material/thumbs_up_down:", expanded=S.sent is not None and not S.fb_done):
        if S.fb_done:
            st.success(t("fb.thanks", lang))
            return
        st.feedback("thumbs", key=f"fb_thumbs_{S.serial}")
        st.text_input(t("fb.reason", lang), key=f"fb_reason_{S.serial}", placeholder=t("fb.reason.placeholder", lang))
        st.button(t("fb.button", lang), key="btn_feedback", on_click=_send_feedback, args=(cp,))
        _show_flash("feedback")


def _editor_height(text: str) -> int:
    """Tall enough for a typical reply without scrolling (about 60 characters a line), within limits."""
    lines = sum(1 + len(line) // 60 for line in (text or "").splitlines()) or 1
    return max(220, min(520, 24 * lines + 30))


def _reply_tab(cp: Copilot) -> None:
    lang = L()
    _case_input(cp)
    st.button(t("draft.button", lang), key="btn_draft", type="primary", icon=":material/edit_note:", on_click=_request_draft,
              width="stretch")
    if S.pending_draft:
        S.pending_draft = False
        _stream_draft(cp)
    if S.draft is None:
        _show_flash("reply")
        return
    st.divider()
    if FRAGMENTS:
        _reply_panel(cp)
    else:
        _reply_panel_body(cp)
    _feedback_section(cp)


def _reply_panel_body(cp: Copilot) -> None:
    """Everything that depends on the reply text: editor, quick actions, live review, draft details, send."""
    lang = L()
    st.text_area(t("draft.editor", lang), key="reply", height=_editor_height(S.reply), help=t("draft.editor.help", lang))
    _actions(cp)
    _review(cp)
    _draft_info(S.draft, cp.settings.model)
    st.divider()
    _send_section(cp)


@st.fragment
def _reply_panel(cp: Copilot) -> None:
    """``_reply_panel_body`` as a fragment: an edit (or a rewrite, an inserted promise) reruns only this.

    A fragment rerun does not pass through ``main``'s last-resort handler: the same guard here.
    """
    try:
        if S.draft is None:  # defensive: the draft went away without a full rerun
            st.rerun()
        _reply_panel_body(cp)
    except Exception:  # Streamlit's control flow (st.rerun) is BaseException and passes through
        log.exception("unexpected error in the reply panel")
        st.error(t("error.generic", L()))


def _followups_tab(cp: Copilot) -> None:
    lang = L()
    _show_flash("followups")
    now = datetime.now().astimezone()
    ok, items = _guard(lambda: _journal(cp).open_followups(now))
    if not ok:
        return
    st.markdown(f"**{t('fu.header', lang)}**")
    if not items:
        st.caption(t("fu.none", lang))
        return
    for f in items:
        with st.container(border=True):
            when = format_when(f.due_at, lang, now)
            if f.overdue:
                st.markdown(f":red[**{t('fu.overdue', lang, when=when)}**]")
            else:
                st.markdown(f"**{t('fu.due', lang, when=when)}**")
            st.html(text_html(f.text, box=False))
            meta = [t("fu.case", lang, id=f.case_id)]
            if f.customer_key:
                meta.append(t("fu.customer", lang, customer=f.customer_key))
            st.caption(md_escape(" · ".join(meta)))
            st.button(t("fu.done", lang), key=f"fu_done_{f.id}", icon=":material/check:", on_click=_mark_done, args=(cp, f.id))


# --------------------------------------------------------------------------- main

def main() -> None:
    st.set_page_config(page_title="Reply copilot", page_icon=":material/support_agent:", layout="centered",
                       initial_sidebar_state="collapsed")
    _init_state()
    st.html(PANEL_CSS)
    _header()
    env_key = _env_key()
    ok, cp = _guard(_copilot, env_key)
    if not ok:
        return
    with st.spinner(t("app.indexing", L())):
        ok, _ = _guard(_indexed, env_key)
        if ok:
            _warmed(env_key)
    if not ok:
        return
    model = cp.settings.model
    st.caption(t("app.model", L(), model=model) if model else t("app.model.offline", L()))
    reply_tab, followups_tab = st.tabs([t("tab.reply", L()), t("tab.followups", L())])
    with reply_tab:
        _reply_tab(cp)
    with followups_tab:
        _followups_tab(cp)


try:
    main()
except Exception:  # last resort: never a traceback in the panel (Streamlit's control flow is BaseException)
    log.exception("unexpected error in the side panel")
    st.error(t("error.generic", L()))
