"""The few fixed sentences the Telegram layer says itself, and which language to say them in.

Answers come from the engine; these are only the frames around them (apologies, settings,
button labels). Chinese is written once in Simplified and converted for Traditional by
``bot.render.tr``, like the engine's own wording.
"""

from __future__ import annotations

from bot import selfdesc
from bot.render import esc, tr
from knowledge.model import Knowledge

LANGS = ("zh-Hans", "zh-Hant", "en")

# What /lang accepts (lower-cased), and "auto" to follow each question's language again.
LANG_ALIASES = {
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh_cn": "zh-Hans",
    "cn": "zh-Hans",
    "hans": "zh-Hans",
    "简体": "zh-Hans",
    "简体中文": "zh-Hans",
    "中文": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh_tw": "zh-Hant",
    "hant": "zh-Hant",
    "tw": "zh-Hant",
    "hk": "zh-Hant",
    "繁体": "zh-Hant",
    "繁體": "zh-Hant",
    "繁體中文": "zh-Hant",
    "繁体中文": "zh-Hant",
    "en": "en",
    "english": "en",
    "英文": "en",
    "英语": "en",
    "auto": "auto",
    "自动": "auto",
    "自動": "auto",
    "default": "auto",
}

LANG_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文", "en": "English"}


def lang_from_code(code: str | None) -> str | None:
    """A Telegram ``language_code`` (zh-hans, zh-hant, zh-tw, en, ...) as a reply language."""
    if not code:
        return None
    code = code.lower()
    if code.startswith("zh"):
        return "zh-Hant" if any(t in code for t in ("hant", "tw", "hk", "mo")) else "zh-Hans"
    return "en"


def t(lang: str, zh: str, en: str) -> str:
    return tr(lang, zh, en)


def apology(lang: str) -> str:
    return t(
        lang, "抱歉，出了点问题，请稍后再试。", "Sorry, something went wrong. Please try again."
    )


def too_long(lang: str, limit: int) -> str:
    return t(
        lang,
        f"这条消息太长了，请用一句话（{limit}字以内）提问。",
        f"That message is too long; please ask in one sentence (under {limit} characters).",
    )


def text_only(lang: str) -> str:
    return t(
        lang,
        "我只能回答文字提问（也可以写在图片或文件的说明里），例如“有哪些合作国家？”",
        "I can only answer questions in text (a caption on a photo or file works too), e.g. "
        '"Which partner countries are there?"',
    )


def stale_button(lang: str) -> str:
    return t(lang, "这个按钮已过期，请重新提问。", "This button is out of date; please ask again.")


def unknown_command(lang: str) -> str:
    return t(
        lang,
        "没有这个命令。直接提问即可，或发送 /help 查看用法。",
        "I do not know that command. Just ask a question, or send /help.",
    )


def lang_set(lang: str, value: str) -> str:
    if value == "auto":
        return t(
            lang,
            "好的，我会用提问的语言回答。",
            "OK, I will answer in the language of each question.",
        )
    return {
        "zh-Hans": "好的，以后用简体中文回答。",
        "zh-Hant": "好的，以後用繁體中文回答。",
        "en": "OK, I will answer in English from now on.",
    }[value]


def lang_usage(lang: str, current: str | None) -> str:
    now = LANG_NAMES.get(
        current or "", t(lang, "自动（跟随提问语言）", "auto (the language of the question)")
    )
    return t(
        lang,
        f"当前回答语言：{now}\n用法：/lang zh | zh-hant | en | auto",
        f"Reply language: {now}\nUsage: /lang zh | zh-hant | en | auto",
    )


def lang_admins_only(lang: str, button: bool = False) -> str:
    """The refusal when a group member who is not an admin tries to change the language (for a
    button: short enough for a callback answer)."""
    refusal = t(
        lang,
        "抱歉，在群组中只有管理员可以更改回答语言。",
        "Sorry, in a group only its administrators can change the reply language.",
    )
    if button:
        return refusal
    return refusal + t(
        lang,
        "不带参数发送 /lang 可以查看当前设置。",
        " Send /lang without an argument to see the current setting.",
    )


def lang_group_note(lang: str) -> str:
    return t(lang, "（群组中仅管理员可以更改）", "(in a group, only admins can change it)")


def group_help(lang: str, knowledge: Knowledge, username: str) -> str:
    """/start and /help in a group (HTML): how to address the bot there, with example questions
    from the loaded knowledge and the bot's real @username."""
    at = f"@{username}" if username else "@bot"
    examples = selfdesc.example_questions(knowledge, lang)
    first = esc(examples[0])
    second = esc(examples[1] if len(examples) > 1 else examples[0])
    follow = esc(selfdesc.followup_example(knowledge, lang))
    calls = esc(selfdesc.calls_text(knowledge, lang))
    at = esc(at)
    return t(
        lang,
        f"我在群组中回答{calls}的问题，但只回答发给我的消息，其他聊天不打扰：\n"
        f"• /ask 加问题，例如：<code>/ask {first}</code>\n"
        f"• {at} 加问题，例如：<code>{at} {second}</code>\n"
        f"• 回复我的回答可以追问，例如“{follow}”\n"
        f"• 回复某人的消息并 @ 我（或用 /ask），我会按那条消息提到的合作方或方向回答，"
        f"例如：<code>{at} 这个多少钱？</code>\n"
        "图片或文件的说明文字里这样提问也可以。\n"
        "回答语言：/lang（仅群管理员可以更改）。",
        f"In a group I answer questions about {calls}, but only messages meant for me; other "
        "chatter is left alone:\n"
        f"• /ask and a question, e.g. <code>/ask {first}</code>\n"
        f"• {at} and a question, e.g. <code>{at} {second}</code>\n"
        f'• Reply to one of my answers to follow up, e.g. "{follow}"\n'
        f"• Reply to someone's message and mention me (or use /ask): I take the partner or "
        f"direction that message names, e.g. <code>{at} how much is this?</code>\n"
        "A caption on a photo or file works the same way.\n"
        "Reply language: /lang (group admins only).",
    )


def partners_title(lang: str) -> str:
    return t(lang, "点按合作方查看详情：", "Tap a partner for details:")


def label_compare(lang: str) -> str:
    return t(lang, "对比", "Compare")


def label_partners(lang: str) -> str:
    return t(lang, "其他合作方", "Other partners")


def label_auto(lang: str) -> str:
    return t(lang, "自动", "Auto")


def label_open(lang: str) -> str:
    return t(lang, "在机器人中继续提问", "Ask more in the bot")


COMMANDS = ("start", "help", "ask", "partners", "lang")


def admin_menu(lang: str) -> list[tuple[str, str]]:
    """Extra commands shown only in the admins' own private chats."""
    return [
        ("reload", t(lang, "重新加载知识文件（管理员）", "Reload the knowledge file (admin)")),
        (
            "unanswered",
            t(
                lang,
                "最常见的未回答问题（管理员）",
                "Most frequent unanswered questions (admin)",
            ),
        ),
    ]


def command_menu(lang: str) -> list[tuple[str, str]]:
    """(command, description) pairs for everyone's menu; admin commands are never listed."""
    return [
        ("start", t(lang, "开始，查看可以问什么", "Start and see what you can ask")),
        ("help", t(lang, "用法和示例问题", "How to ask, with examples")),
        (
            "ask",
            t(
                lang,
                "提问（群组中使用，例如 /ask 有哪些合作国家）",
                "Ask a question (in groups: /ask which partners)",
            ),
        ),
        ("partners", t(lang, "全部合作方", "All partners")),
        (
            "lang",
            t(
                lang,
                "设置回答语言：zh、zh-hant、en、auto",
                "Reply language: zh, zh-hant, en, auto",
            ),
        ),
    ]


def description(lang: str, knowledge: Knowledge) -> str:
    """The bot's description (at most 512 characters), shown in an empty chat: the calls of the
    loaded knowledge, never those of one year's notice."""
    return selfdesc.description(knowledge, lang)


def short_description(lang: str, knowledge: Knowledge) -> str:
    """The short description (at most 120 characters), shown on the profile and in shares."""
    return selfdesc.short_description(knowledge, lang)
