"""Serve the panel on loopback and drive it in headless Chromium (docs screenshots, browser test).

    python -m ui.screenshots            # -> docs/panel-narrow.png (420 px) and docs/panel-wide.png (1280 px)

Needs Chromium at /usr/bin/chromium (``apt-get install chromium``) and the ``playwright`` package
(no browser download: the system Chromium is used). The server runs with a temporary
COPILOT_HOME, no usage statistics, bound to 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

SAMPLE_MESSAGE = ("Hei! Sain tekstiviestin: \"Pakettisi JJFI64025700012345 on noudettavissa. Hyllykoodi B12, "
                  "ota henkilöllisyystodistus mukaan.\" Kävin automaatilla, mutta paketti ei ollut siellä. "
                  "Missä se on?")
SAMPLE_CUSTOMER = "Maija Meikäläinen"
SAMPLE_EDIT = "Olisit voinut lukea tekstiviestin tarkemmin."  # a blaming sentence: the review flags it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Panel:
    url: str
    pid: int


@contextmanager
def serve(env: dict[str, str] | None = None, *, port: int | None = None, log_path: Path | None = None,
          timeout: float = 120.0) -> Iterator[Panel]:
    """Run ``streamlit run ui/app.py`` on 127.0.0.1 and yield its URL and pid; stop it afterwards."""
    port = port or free_port()
    full_env = {**os.environ, **(env or {}), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
                "STREAMLIT_SERVER_HEADLESS": "true"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    log_file = open(log_path, "w", encoding="utf-8") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {proc.returncode}; see {log_path or 'its output'}")
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.3)
        yield Panel(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if log_path:
            log_file.close()  # type: ignore[union-attr]


def launch(playwright):  # -> Browser
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def draft_case(page, url: str, *, message: str = SAMPLE_MESSAGE, customer: str = SAMPLE_CUSTOMER,
               edit: str | None = None, timeout_ms: int = 180_000) -> str:
    """Open the panel (Finnish UI), paste a case, draft; optionally add ``edit`` as the second paragraph.
    Returns the reply text."""
    page.goto(url)
    msg = page.get_by_role("textbox", name="Asiakkaan viesti", exact=True)
    msg.wait_for(timeout=timeout_ms)
    msg.fill(message)
    name = page.get_by_role("textbox", name="Asiakkaan nimi", exact=True)
    name.fill(customer)
    name.press("Enter")
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Luonnostele vastaus").click()
    editor = page.get_by_role("textbox", name="Vastaus (muokattava)", exact=True)
    editor.wait_for(timeout=timeout_ms)
    page.get_by_text("Kokonaispisteet").first.wait_for(timeout=timeout_ms)
    if edit:
        head, _, rest = editor.input_value().partition("\n\n")
        editor.fill(f"{head}\n\n{edit}\n\n{rest}" if rest else f"{head}\n\n{edit}")
        editor.press("Control+Enter")
        page.get_by_text("Korostetut kohdat").first.wait_for(timeout=timeout_ms)
    page.wait_for_timeout(600)
    editor.evaluate("e => { e.scrollTop = 0; e.blur(); }")
    return editor.input_value()


def watch_reruns(page) -> list[str]:
    """How each script run the server reports ended (decoded ForwardMsg.script_finished), in order."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    finished: list[str] = []

    def on_frame(payload) -> None:
        if isinstance(payload, (bytes, bytearray)):
            msg = ForwardMsg.FromString(bytes(payload))
            if msg.WhichOneof("type") == "script_finished":
                finished.append(ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished))

    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    return finished


def full_screenshot(page, path: Path, width: int) -> None:
    """Streamlit scrolls inside its own container: grow the viewport to the content, then shoot."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 8000)})
    page.wait_for_timeout(700)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def main() -> int:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="copilot-shots-"))
    env = {"COPILOT_HOME": str(tmp / "home"), "COPILOT_UI_LANG": "fi"}
    for var in ("COPILOT_MODEL", "COPILOT_JOURNAL_URL", "COPILOT_STORE", "COPILOT_CHROMA_URL"):
        os.environ.pop(var, None)
    with serve(env, log_path=tmp / "streamlit.log") as panel, sync_playwright() as p:
        browser = launch(p)
        try:
            for width, name in ((420, "panel-narrow.png"), (1280, "panel-wide.png")):
                page = browser.new_page(viewport={"width": width, "height": 900})
                draft_case(page, panel.url, edit=SAMPLE_EDIT)
                full_screenshot(page, ROOT / "docs" / name, width)
                print(f"wrote docs/{name}")
                page.close()
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
