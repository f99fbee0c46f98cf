"""End to end in a real browser: `streamlit run ui/app.py` on loopback, driven by headless Chromium.

Needs /usr/bin/chromium (apt-get install chromium); skipped with a reason when it is missing.
The screenshot goes to artifacts/ui-browser.png (a test artifact, not committed).

AppTest reruns the whole script on every interaction; only a browser asks the server for fragment
reruns, so the reply fragment (editor, review, send) is checked here: an edit reruns only the
fragment, and sending from inside it still updates what lies outside (the follow-ups tab).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.kb import write_kb
from ui.screenshots import (CHROMIUM, SAMPLE_EDIT, SAMPLE_MESSAGE, draft_case, full_screenshot, launch, serve,
                            watch_reruns)

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium"),
]

FRAGMENT_RUN = "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"
FULL_RUN = "FINISHED_SUCCESSFULLY"


def _runs_after(page, finished: list[str], seen: int, timeout_s: float = 60) -> list[str]:
    """The runs that ended after the first ``seen``, once one ended that is not cut short by a rerun."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        new = finished[seen:]
        if any(kind != "FINISHED_EARLY_FOR_RERUN" for kind in new):
            page.wait_for_timeout(300)  # a follow-up run (st.rerun) would have started by now
            if finished[seen:] == new:
                return new
        page.wait_for_timeout(50)
    raise AssertionError(f"no script run finished within {timeout_s} s: {finished[seen:]}")


def test_paste_and_draft_in_chromium(home, tmp_path):
    from playwright.sync_api import sync_playwright

    env = {"COPILOT_HOME": str(home), "COPILOT_KNOWLEDGE": str(write_kb(tmp_path / "kb")), "COPILOT_UI_LANG": "fi"}
    log = tmp_path / "streamlit.log"
    with serve(env, log_path=log) as panel, sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 420, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            finished = watch_reruns(page)
            reply = draft_case(page, panel.url, message=SAMPLE_MESSAGE)
            assert len(reply.strip()) > 40, reply
            assert "JJFI64025700012345" in reply or "B12" in reply  # the draft uses the customer's details
            assert page.get_by_text("Kokonaispisteet").first.is_visible()
            assert page.get_by_role("button", name="Merkitse lähetetyksi").is_visible()
            full_screenshot(page, ROOT / "artifacts" / "ui-browser.png", 420)
            page.set_viewport_size({"width": 420, "height": 900})

            # an edit reruns only the reply fragment, and the review (a highlight) follows it
            editor = page.get_by_role("textbox", name="Vastaus (muokattava)", exact=True)
            edited = f"{SAMPLE_EDIT}\n\n{reply}\n\nSoitan sinulle huomenna klo 10."
            editor.fill(edited)
            seen = len(finished)
            editor.press("Control+Enter")
            page.get_by_text("Korostetut kohdat").first.wait_for(timeout=60_000)
            page.locator("mark", has_text="Olisit voinut").first.wait_for(timeout=60_000)
            assert _runs_after(page, finished, seen) == [FRAGMENT_RUN]

            # send (a button inside the fragment) reruns the whole app: the follow-ups tab lists the promise
            seen = len(finished)
            page.get_by_role("button", name="Merkitse lähetetyksi").click()
            page.get_by_text("Merkitty lähetetyksi ja tallennettu").first.wait_for(timeout=60_000)
            assert _runs_after(page, finished, seen)[-1] == FULL_RUN
            assert page.locator("[data-testid='stCode']").first.inner_text().strip() == edited.strip()
            assert not page.get_by_role("button", name="Merkitse lähetetyksi").is_enabled()
            page.get_by_role("tab", name="Seurannat").click()
            followups = page.get_by_role("tabpanel").last  # [reply, follow-ups]
            followups.get_by_text("Soitan sinulle huomenna klo 10.").first.wait_for(timeout=10_000)

            # an edit after sending (a fragment rerun) enables sending again
            page.get_by_role("tab", name="Vastaus").click()
            seen = len(finished)
            editor.fill(edited + " Kiitos!")
            editor.press("Control+Enter")
            assert _runs_after(page, finished, seen) == [FRAGMENT_RUN]
            page.get_by_text("Tekstiä on muokattu lähettämisen jälkeen.").first.wait_for(timeout=10_000)
            assert page.get_by_role("button", name="Merkitse lähetetyksi").is_enabled()
            assert not errors, errors
        finally:
            browser.close()
    assert "Traceback" not in log.read_text(encoding="utf-8")
