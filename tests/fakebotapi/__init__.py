"""fakebotapi -- a fake Telegram Bot API server for end-to-end tests.

Stdlib only: ``http.server.ThreadingHTTPServer`` in a background thread, bound to
``127.0.0.1`` on a random port. A real python-telegram-bot ``Application`` (or ``Bot``) talks
to it over real HTTP, exactly as it would to ``api.telegram.org``; the test drives the
"users" through plain, thread-safe Python methods and inspects what the bot did.

Quick start
-----------
::

    from telegram.ext import ApplicationBuilder
    from fakebotapi import FakeBotApi        # or: from tests.fakebotapi import FakeBotApi

    server = FakeBotApi(token="123:ABC")     # bot username "callbot_test_bot"
    server.start()
    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.base_url)            # http://127.0.0.1:PORT/bot
        .base_file_url(server.base_file_url)  # http://127.0.0.1:PORT/file/bot
        .build()
    )
    # ... add handlers ...
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        server.push_message(chat_id=42, user_id=42, text="/start")
        [reply] = await server.wait_for_sent_async(chat_id=42, count=1, timeout=5)
        assert "Welcome" in reply.text          # plain text, HTML already parsed away
        assert reply.raw_text.startswith("<b>") # the text parameter as sent
        await app.updater.stop()
        await app.stop()
    server.stop()

``FakeBotApi`` is also a context manager (``with FakeBotApi() as server:``).

What the server does
--------------------
Requests arrive as ``POST /bot<TOKEN>/<method>`` (``GET`` works too). PTB 22.8's
``HTTPXRequest`` sends ``application/x-www-form-urlencoded`` bodies whose values are strings,
with non-string values JSON-encoded (``multipart/form-data`` when uploading files); JSON bodies
are accepted too. Values are typed like the Bot API does (ints, bools, JSON objects).
Method names are case-insensitive. Answers have Telegram's shape: ``{"ok": true, "result":
...}`` or ``{"ok": false, "error_code": N, "description": "..."}`` (+ ``parameters`` for 429).
Wrong token -> 401 ``Unauthorized``; unknown method -> 404 ``Not Found``.

Implemented methods -- the ones callbot calls: getMe, getUpdates (offset / limit<=100 /
timeout long polling that wakes as soon as an update is pushed; allowed_updates; a newer
getUpdates terminates a waiting one with 409 Conflict like Telegram), setWebhook /
deleteWebhook (drop_pending_updates; no delivery), setMyCommands (per scope + language_code),
setMyDescription (<=512), setMyShortDescription (<=120), sendMessage, editMessageText,
deleteMessage, answerCallbackQuery, answerInlineQuery. Any other method answers 404.

Validation (400 ``Bad Request: ...``, Telegram's wording):

* text: empty or only whitespace -> ``message text is empty``; longer than 4096 UTF-16 code
  units *after* entity parsing and whitespace trimming -> ``message is too long``.
* ``parse_mode`` HTML (what callbot sends) is parsed like tdlib does (error -> ``can't parse
  entities: ...``): b strong i em u ins s strike del code pre, without attributes, properly
  nested and closed. **Stricter than Telegram**: a bare ``>`` or an ``&`` not starting
  ``&lt; &gt; &amp; &quot; &#NN; &#xHH;`` is rejected too (real Telegram only rejects a bare
  ``<``), to catch missing ``html.escape``. Other tags (links, spoilers, custom emoji,
  blockquotes), other parse modes and explicit ``entities`` -- which callbot never sends -- are
  refused with a message saying so.
* Returned/stored messages carry the parsed plain ``text`` and ``entities`` (UTF-16 offsets),
  plus auto-detected url / mention / bot_command entities, like Telegram.
* reply_markup: inline keyboard buttons need non-empty text and exactly one action;
  callback_data 1-64 UTF-8 bytes (``BUTTON_DATA_INVALID``); url buttons must be http(s)/tg.
* chat_id must be known (a chat that pushed an update, or ``add_chat``) else ``chat not
  found``. reply_parameters / reply_to_message_id must name a stored message unless
  allow_sending_without_reply (``message to be replied not found``); recorded as ``reply_to``.
* editMessageText: unknown -> ``message to edit not found``; same text+entities+markup ->
  ``message is not modified: ...``. Like Telegram, omitting reply_markup removes the keyboard.
* answerCallbackQuery: text <= 200, each query answerable once. answerInlineQuery: <= 50
  results, ids 1-64 bytes and unique, next_offset <= 64 bytes, article texts validated.
* setMyCommands: command ``[a-z0-9_]{1,32}``, description 1-256, at most 100.

Test control API (thread-safe; call from the test)
--------------------------------------------------
Lifecycle: ``start()``, ``stop()``, ``restart(downtime=0.0)`` (same port; while stopped new
connections are refused and open ones -- including a pending long poll -- are dropped, so PTB
sees ``NetworkError``), ``with server.outage(): ...``, ``url``, ``base_url``,
``base_file_url``, ``port``, ``running``. State survives restarts.

Users: ``push_message(chat_id, user_id, text, chat_type="private", reply_to_message_id=None,
entities=None, *, first_name, last_name, username, language_code, chat_title,
message_thread_id) -> Message dict``; ``push_edited_message(chat_id, message_id, new_text)``;
``push_callback_query(chat_id, user_id, message_id, data) -> CallbackQuery dict``;
``press_button(chat_id, user_id, message_id, button_text)``; ``push_inline_query(user_id,
query, offset="") -> InlineQuery dict``; ``push_update(raw_update)``; ``add_chat(chat_id,
chat_type)``.

Inspection: ``sent(chat_id=None) -> [SentMessage]`` (``.text`` parsed/current, ``.raw_text``,
``.parse_mode``, ``.message_id``, ``.reply_to``, ``.reply_markup``, ``.buttons``,
``.entities``, ``.deleted``, ``.message`` live dict, ``.params``), ``last_sent()``,
``edits(chat_id=None)``, ``message(chat_id, message_id)``, ``deleted``,
``calls`` (``[(method, params)]``), ``calls_of(method)``, ``errors`` (``[(method, params,
error_code, description)]``), ``inline_answers``, ``callback_answers``, ``commands``
(``{(scope_key, language_code): [...]}``), ``get_commands(scope_key, lang)``,
``descriptions``, ``short_descriptions``, ``pending_updates``,
``clear_records()``.

Waiting: ``wait_for(predicate, timeout=10) -> bool`` blocks (use from sync code / other
threads -- it refuses to run inside an event loop, since it would block the bot);
``await wait_for_async(predicate, timeout=10) -> bool``; ``wait_for_sent(chat_id, count,
timeout)`` / ``await wait_for_sent_async(...)`` return the sent messages or raise
``TimeoutError`` listing the rejected calls.

Failure simulation: ``FakeBotApi(flood_limit=N, flood_window=1.0, flood_retry_after=None)``
or ``set_flood_limit(N, window, retry_after, methods)`` -> per-chat 429 ``Too Many Requests:
retry after N`` with ``parameters.retry_after`` (off by default);
``inject_error(method, code, description, times=1, chat_id=None, retry_after=None)`` e.g.
``inject_error("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=42,
times=None)``.

Chat members: ``set_chat_member(chat_id, user_id, status)`` (creator, administrator, member,
...); getChatMember answers it, "member" for a user the server has seen and was given none.

Not implemented: media/file methods (``/file/bot...`` always 404), webhook delivery, other
chat member methods; any unknown method answers 404 and is listed in ``errors``.
"""

from .server import ApiError, Call, FakeBotApi, Rejected, SentMessage
from .textparse import format_text, parse_html, utf16_len

__all__ = [
    "ApiError",
    "Call",
    "FakeBotApi",
    "Rejected",
    "SentMessage",
    "format_text",
    "parse_html",
    "utf16_len",
]
