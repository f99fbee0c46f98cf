"""End to end in a real browser: `streamlit run ui/app.py` on loopback, driven by headless Chromium.

Needs /usr/bin/chromium (apt-get install chromium); skipped with a reason when it is missing.
The screenshot goes to artifacts/ui-browser.png (a test artifact, not committed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kb import write_kb
from ui.screenshots import CHROMIUM, SAMPLE_MESSAGE, draft_case, full_screenshot, launch, serve

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium"),
]


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
            reply = draft_case(page, panel.url, message=SAMPLE_MESSAGE)
            assert len(reply.strip()) > 40, reply
            assert "JJFI64025700012345" in reply or "B12" in reply  # the draft uses the customer's details
            assert page.get_by_text("Kokonaispisteet").first.is_visible()
            assert page.get_by_role("button", name="Merkitse lähetetyksi").is_visible()
            full_screenshot(page, ROOT / "artifacts" / "ui-browser.png", 420)
            assert not errors, errors
        finally:
            browser.close()
    assert "Traceback" not in log.read_text(encoding="utf-8")
