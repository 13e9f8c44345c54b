"""knowledge/ sits below bot/: loading and validating a knowledge file imports no bot module."""

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_knowledge_imports_no_bot_module() -> None:
    code = (
        "import json, sys, knowledge, knowledge.diff, noticeimport.importer; "
        "knowledge.load_bundled(); "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m == 'bot' or m.startswith(('bot.', 'handlers')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_textnorm_imports_neither() -> None:
    code = (
        "import json, sys, textnorm.normalize; textnorm.normalize.normalize('芬蘭 Finland'); "
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('bot', 'knowledge', 'handlers'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_the_runtime_does_not_load_the_importer() -> None:
    """The importer is a maintainer's tool: answering (CLI, chat, Telegram) never imports it."""
    code = (
        "import json, sys, bot.engine, bot.cli, handlers.app, knowledge; "
        "bot.engine.Engine(knowledge.load_bundled()).ask('芬兰'); "
        "print(json.dumps([m for m in sys.modules if m.startswith('noticeimport')]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []
