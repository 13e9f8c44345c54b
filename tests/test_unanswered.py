import json

from bot.engine import Engine
from bot.unanswered import UnansweredLog, format_report, group_questions, read_records


def test_unknown_and_unsure_questions_are_logged_without_ids(knowledge, tmp_path):
    log = UnansweredLog(tmp_path / "u.jsonl")
    engine = Engine(knowledge, on_unanswered=log)
    engine.ask("申报截止日期是哪天？", session=("chat", 12345))
    engine.ask("芬兰经费", session=("chat", 12345))  # answered: not logged
    engine.ask("Fxnlqnd budget", session=("chat", 12345))
    records = read_records(tmp_path / "u.jsonl")
    assert [r["text"] for r in records] == ["申报截止日期是哪天？", "Fxnlqnd budget"]
    assert records[1]["guesses"][0] == "finland"
    raw = (tmp_path / "u.jsonl").read_text(encoding="utf-8")
    assert "12345" not in raw and "chat" not in json.loads(raw.splitlines()[0])


def test_log_stays_under_its_bound(knowledge, tmp_path):
    path = tmp_path / "u.jsonl"
    log = UnansweredLog(path, max_bytes=5_000)
    engine = Engine(knowledge, on_unanswered=log)
    for i in range(500):
        engine.ask(f"lorem ipsum question number {i}")
    assert path.stat().st_size <= 5_000
    records = read_records(path)
    assert records and records[-1]["text"].endswith("499")  # the newest are kept


def test_report_groups_near_identical_questions():
    records = [
        {"text": t, "lang": "zh-Hans", "time": "2026-01-01T00:00:00Z"}
        for t in [
            "申报截止日期是哪天",
            "申报截止日期是哪天？",
            "申报的截止日期是哪天",
            "联系电话是多少",
            "deadline?",
            "What's the deadline?",
        ]
    ]
    groups = group_questions(records)
    assert groups[0].count == 3 and groups[0].example.startswith("申报")
    report = format_report(groups)
    assert "×3" in report and "联系电话" in report


def test_unwritable_log_never_breaks_answers(knowledge, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    engine = Engine(knowledge, on_unanswered=UnansweredLog(blocker / "u.jsonl"))
    assert engine.ask("lorem ipsum").intent == "unknown"


def test_report_command(tmp_path, capsys):
    from bot.cli import main

    path = tmp_path / "u.jsonl"
    path.write_text('{"text": "截止日期", "lang": "zh-Hans"}\nnot json\n', encoding="utf-8")
    assert main(["report", "--log", str(path)]) == 0
    assert "截止日期" in capsys.readouterr().out
