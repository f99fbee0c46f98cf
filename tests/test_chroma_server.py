"""Server mode: a real `chroma run` on 127.0.0.1, started by the test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from copilot import Copilot
from tests.kb import write_kb
from ui.screenshots import free_port

pytestmark = pytest.mark.server


@pytest.fixture()
def chroma_url(tmp_path):
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        exe = Path(shutil.which("chroma") or "")
    assert exe.exists(), "the chroma CLI ships with the chromadb package; reinstall it"
    port = free_port()
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    proc = subprocess.Popen([str(exe), "run", "--path", str(tmp_path / "chroma-data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("chroma run exited at start")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not answer within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_index_and_search_against_a_chroma_server(home, tmp_path, chroma_url, monkeypatch):
    monkeypatch.setenv("COPILOT_CHROMA_URL", chroma_url)
    kb = write_kb(tmp_path / "kb")
    cp = Copilot()
    report = cp.index(kb)
    assert len(report.sync.added) == 5 and cp.store.where == chroma_url
    assert not (home / "store").exists()  # nothing embedded on disk
    assert cp.search("tekstiviestissä hyllykoodi", k=1)[0].id == "paketti/hyllykoodi"
    (kb / "tele/faq-billing.md").unlink()
    again = Copilot().index(kb)
    assert again.sync.removed == ["tele/faq-billing"] and again.sync.unchanged == 4
