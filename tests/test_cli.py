"""The CLI's contract: JSON shapes, exit codes, one-line errors."""

from __future__ import annotations

import json

import pytest

from copilot.cli import main
from tests.kb import write_kb


@pytest.fixture()
def kb(tmp_path):
    return write_kb(tmp_path / "kb")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_search_json(home, kb, capsys):
    code, out, _ = run(capsys, "index", str(kb))
    assert code == 0 and "5 added" in out
    code, out, _ = run(capsys, "search", "hyllykoodi tekstiviestissä", "--json", "-k", "2")
    results = json.loads(out)
    assert code == 0 and len(results) == 2
    assert set(results[0]) == {"id", "title", "score", "source", "text"}
    assert results[0]["id"] == "paketti/hyllykoodi"
    assert results[0]["score"] >= results[1]["score"]


def test_search_queries_file(home, kb, tmp_path, capsys):
    run(capsys, "index", str(kb))
    qfile = tmp_path / "q.jsonl"
    qfile.write_text('{"id": "a", "query": "lainan eräpäivä"}\n{"id": 7, "query": "double charge"}\n', encoding="utf-8")
    code, out, _ = run(capsys, "search", "--queries", str(qfile), "-k", "1")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["id"] for line in lines] == ["a", 7]
    assert lines[0]["results"][0]["id"] == "pankki/lainan-erapaiva"


def test_bad_files_warn_and_strict_fails(home, kb, capsys):
    (kb / "bad.md").write_bytes(b"\xff\xfe not utf8")
    code, out, err = run(capsys, "index", str(kb))
    assert code == 0 and "warning: bad.md: not UTF-8" in err and "5 added" in out
    code, _, err = run(capsys, "index", str(kb), "--strict")
    assert code == 1 and "--strict" in err


@pytest.mark.parametrize("argv, message", [
    (["index", "/no/such/dir"], "does not exist"),
    (["search", "x"], "run `copilot index` first"),
    (["search"], "give either the search text or --queries"),
])
def test_errors_are_one_line(home, capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_draft_json_shape(home, kb, capsys, tmp_path):
    run(capsys, "index", str(kb))
    hist = tmp_path / "h.json"
    hist.write_text(json.dumps([{"role": "customer", "text": "Tilausnumero 884412", "at": "2026-11-20T14:05"}]),
                    encoding="utf-8")
    code, out, _ = run(capsys, "draft", "Paketti ei vieläkään tullut, koodi ei toimi", "--history", str(hist), "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"reply", "lang", "sources", "model", "warnings", "specifics"}
    assert data["lang"] == "fi" and data["model"] == "offline-composer"
    assert all(set(s) == {"id", "title"} for s in data["sources"])
    assert {"kind": "order_number", "value": "884412", "source": "history"} in data["specifics"]


def test_draft_bad_history_file(home, capsys, tmp_path):
    hist = tmp_path / "h.json"
    hist.write_text("[{not json", encoding="utf-8")
    code, _, err = run(capsys, "draft", "hei", "--history", str(hist))
    assert code == 2 and "is not valid JSON" in err


def test_ui_command_binds_to_localhost_and_passes_options(home, monkeypatch, capsys):
    import subprocess

    seen = {}

    def fake_call(cmd, env):
        seen["cmd"], seen["env"] = cmd, env
        return 0

    monkeypatch.setattr(subprocess, "call", fake_call)
    assert main(["ui", "--lang", "en", "--model", "fake", "--port", "8600"]) == 0
    cmd = seen["cmd"]
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("ui/app.py")
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.port") + 1] == "8600"
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"
    assert seen["env"]["COPILOT_UI_LANG"] == "en" and seen["env"]["COPILOT_MODEL"] == "fake"
