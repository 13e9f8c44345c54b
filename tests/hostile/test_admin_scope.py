"""Issue 7, point 7: admin commands only in an admin's private chat, and the text of forged
button data never reaches the unanswered log. Offline: PTB's recording-request pattern."""

from __future__ import annotations

from bot.config import Config
from bot.engine import Engine
from bot.unanswered import UnansweredLog, read_records
from handlers.app import build_application
from tests.test_handlers import ADMIN, BOT_USERNAME, GROUP, TOKEN, Harness, Recorder

SECRET_QUESTION = "我的护照号是 E12345678，能申请吗？"


def harness(tmp_path, knowledge):
    log = tmp_path / "unanswered.jsonl"
    engine = Engine(knowledge, on_unanswered=UnansweredLog(log))
    rec = Recorder()
    config = Config(token=TOKEN, admins=frozenset({ADMIN}), unanswered_log=str(log))
    app = build_application(config, engine, request=rec, updater=False)
    return app, Harness(app, rec, engine), log


async def test_admin_commands_in_a_group_are_ignored(tmp_path, knowledge, monkeypatch):
    app, h, _ = harness(tmp_path, knowledge)
    reloads = []
    monkeypatch.setattr(app.services.reloader, "check", lambda *a, **k: reloads.append(a) or None)
    async with app:
        await h.say(SECRET_QUESTION)  # somebody's question, logged as unanswered
        h.rec.clear()
        for command in ("/unanswered", f"/unanswered@{BOT_USERNAME}", "/reload"):
            await h.say(command, chat_id=GROUP, user_id=ADMIN)
        assert h.rec.outgoing() == []  # nothing posted to the group's members
        assert reloads == []  # and nothing reloaded
        # in the admin's private chat they still work
        await h.say("/unanswered", chat_id=ADMIN, user_id=ADMIN)
    [report] = h.sent(ADMIN)
    assert "E12345678" in report["text"]


async def test_forged_button_text_is_not_logged(tmp_path, knowledge):
    app, h, log = harness(tmp_path, knowledge)
    async with app:
        await h.press(f"v1|q|s|{SECRET_QUESTION}")
        await h.press("v1|q|e|lorem ipsum dolor sit amet")
    # the presses were answered (callback query answered, a reply shown)
    assert len(h.rec.of("answerCallbackQuery")) == 2
    assert h.rec.of("editMessageText")
    assert read_records(log) == []
    assert not log.exists() or "E12345678" not in log.read_text(encoding="utf-8")


async def test_typed_questions_are_still_logged(tmp_path, knowledge):
    app, h, log = harness(tmp_path, knowledge)
    async with app:
        await h.say("lorem ipsum dolor sit amet")
    assert [r["text"] for r in read_records(log)] == ["lorem ipsum dolor sit amet"]
