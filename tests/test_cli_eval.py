"""`copilot eval` end to end: labels → P/R/F1 lines, drafting missing replies, judge and model over HTTP, gates."""

from __future__ import annotations

import json

from openai_server import ok, openai_server  # noqa: F401  (fixture)

from copilot.cli import main

LABELLED = [
    {"id": "good", "customer_message": "Paketti JJFI64283900012345678 ei ole automaatissa.",
     "reply": "Hei! Pahoittelen harmia. Tarkistin lähetyksen JJFI64283900012345678: se on palvelupisteen tiskillä. "
              "Pidensin noutoaikaa viikolla ja palaan asiaan tänään klo 15 mennessä.",
     "labels": {"copy_paste": 0, "accusatory": 0, "deflection": 0}},
    {"id": "blame", "customer_message": "My card was blocked and nobody told me.",
     "reply": "You should have read the terms you accepted. As you were already told, this is your own fault.",
     "labels": {"copy_paste": 0, "accusatory": 1, "deflection": 0}},
    {"id": "deflect", "customer_message": "Lainan eräpäivä siirtyi väärin.",
     "reply": "Ota yhteyttä omaan konttoriisi tai lähetä verkkoviesti.",
     "labels": {"copy_paste": 0, "accusatory": 0, "deflection": 1}},
]


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_labelled_set_prints_precision_recall_and_writes_outputs(home, tmp_path, capsys):
    data = _write(tmp_path / "d.jsonl", LABELLED)
    out = tmp_path / "run"
    code = main(["eval", str(data), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "precision" in printed and "recall" in printed
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in rows} == {"good", "blame", "deflect"}
    flags = {r["id"]: r["flags"] for r in rows}
    assert flags["good"] == [] and "accusatory" in flags["blame"] and "deflection" in flags["deflect"]
    assert "accusatory" in json.dumps(summary)
    assert (out / "report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_fail_under_and_baseline_regression_gate(home, tmp_path, capsys):
    data = _write(tmp_path / "d.jsonl", LABELLED)
    assert main(["eval", str(data), "--out", str(tmp_path / "a"), "--fail-under", "99"]) != 0
    good_only = _write(tmp_path / "g.jsonl", LABELLED[:1])
    assert main(["eval", str(good_only), "--out", str(tmp_path / "base")]) == 0
    worse = dict(LABELLED[1], id="good")  # same id, now a blaming reply
    regressed = _write(tmp_path / "w.jsonl", [worse])
    assert main(["eval", str(regressed), "--out", str(tmp_path / "new"), "--baseline", str(tmp_path / "base")]) != 0


def test_drafts_missing_replies_with_a_model_and_judges_over_http(home, tmp_path, capsys, openai_server, monkeypatch):
    from tests.kb import write_kb

    main(["index", str(write_kb(tmp_path / "kb"))])

    def respond(body):
        system = body["messages"][0]["content"]
        if "You draft replies" in system:
            return "Hei! Pahoittelen. Lähetin uuden noutokoodin ja palaan tänään klo 15 mennessä."
        checks = ["copy_paste", "accusatory", "deflection", "empathy", "specificity", "ownership", "grounding"]
        return json.dumps({c: {"score": 0.9, "passed": True, "reason": "ok"} for c in checks})

    openai_server.enqueue(*[ok(respond) for _ in range(20)])
    monkeypatch.setenv("COPILOT_API_BASE", openai_server.base_url)
    monkeypatch.setenv("COPILOT_API_KEY", "test")
    data = _write(tmp_path / "c.jsonl", [{"id": "c1", "customer_message": "Noutokoodi ei avaa luukkua."},
                                         {"id": "c2", "customer_message": "Koodi ei toimi automaatilla."}])
    out = tmp_path / "run"
    code = main(["eval", str(data), "--out", str(out), "--model", "openai/test", "--judge", "openai/test"])
    assert code == 0, capsys.readouterr()
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all("uuden noutokoodin" in r["reply"] for r in rows)  # drafted by the model
    assert all("judge" in r and r["judge"]["checks"]["empathy"]["passed"] for r in rows)
    systems = [r["messages"][0]["content"] for r in openai_server.chat_requests]
    assert sum("You draft replies" in s for s in systems) == 2 and len(systems) == 4
