"""Wiring: build the PTB Application (``build_application``) and run it (``run_telegram``).

Handler order matters within a group: the first matching handler of a group runs. Group -1
drops what the bot never answers (other bots, channel posts) before anything else sees it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import signal
from pathlib import Path
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BasePersistence,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Config
from bot.engine import Engine
from bot.privatefiles import private_dir
from bot.reload import KnowledgeReloader
from bot.unanswered import UnansweredLog
from handlers import admin, apiclient, callbacks, chats, commands, errors, inline, messages, texts
from handlers.delivery import ChatAwareRequest
from handlers.descriptions import set_descriptions
from handlers.logsafe import protect_logs
from handlers.ordering import ChatOrderedProcessor
from handlers.pacing import ChatPacer
from handlers.persistence import StateFileError, open_persistence, restore_contexts
from handlers.polling import UpdatesRequest
from handlers.services import CallbotApplication, CallbotContext, Services
from handlers.startup import StartupError, connect
from handlers.watcher import start_watcher, stop_watcher
from handlers.webhook import run_webhook

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MENU_LANGS = (("zh", "zh-Hans"), (None, "en"))  # (language_code, reply language); None: default
MENU_SCOPES = (BotCommandScopeAllPrivateChats, BotCommandScopeAllGroupChats)
MAX_ADMIN_MENUS = 20
LONG_POLL_TIMEOUT = 10  # seconds a getUpdates call may wait for an update (PTB's default)
BOOTSTRAP_RETRIES = 3  # PTB's own, after connect() has succeeded
MAX_CONCURRENT_UPDATES = 256  # chats answered side by side; one at a time within a chat
# The update types add_handlers handles, asked for in getUpdates and setWebhook: Telegram sends
# nothing else (chat_member, message_reaction... would only cost traffic and CPU).
ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.MY_CHAT_MEMBER,
)


def api_urls(base: str) -> tuple[str, str]:
    """(base_url, base_file_url) for a self-hosted Bot API server given as its root
    (http://127.0.0.1:8081) or as the API prefix (http://127.0.0.1:8081/bot)."""
    root = base.rstrip("/")
    if "{token}" in root:
        return root, root.replace("/bot{token}", "/file/bot{token}")
    root = root.removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


async def guard(update: Update, context: CallbotContext) -> None:
    """Group -1: stop updates the bot never answers, so no handler can start a bot loop."""
    if update.channel_post or update.edited_channel_post:
        raise ApplicationHandlerStop
    message = update.message or update.edited_message
    via = message.via_bot if message is not None else None
    if via is not None and via.id == context.bot.id:
        # one of our own inline cards, sent by a user (in our private chat it would otherwise
        # be taken for a question and answered with the same card again)
        raise ApplicationHandlerStop
    if message is not None and message.is_automatic_forward:
        # a linked channel's post copied into its discussion group: an announcement, not
        # somebody's question (answering it would put the bot under every channel post)
        raise ApplicationHandlerStop
    if message is None or message.from_user is None or message.sender_chat is not None:
        return  # anonymous group admins write as a bot user on behalf of the chat: keep them
    if message.from_user.is_bot:
        raise ApplicationHandlerStop


def add_handlers(application: Application, config: Config) -> None:
    application.add_handler(TypeHandler(Update, chats.gate), group=-2)
    application.add_handler(TypeHandler(Update, guard), group=-1)
    new = filters.UpdateType.MESSAGE
    # admin commands only in an admin's private chat: /unanswered in a group would show other
    # people's questions to every member
    admins = filters.User(user_id=set(config.admins)) & filters.ChatType.PRIVATE
    handlers = [
        CommandHandler("start", commands.start, filters=new),
        CommandHandler("help", commands.help_command, filters=new),
        CommandHandler("ask", commands.ask, filters=new),
        CommandHandler("partners", commands.partners, filters=new),
        CommandHandler("lang", commands.lang, filters=new),
        # admin commands: non-admins and groups fall through to unknown_command (silent)
        CommandHandler("reload", admin.reload_knowledge, filters=new & admins),
        CommandHandler("unanswered", admin.unanswered, filters=new & admins),
        MessageHandler(new & filters.TEXT & ~filters.COMMAND, messages.on_text),
        MessageHandler(new & filters.COMMAND, commands.unknown_command),
        MessageHandler(filters.StatusUpdate.MIGRATE, chats.on_migrate),
        ChatMemberHandler(chats.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER),
        MessageHandler(new & filters.CAPTION, messages.on_caption),  # photos, documents
        MessageHandler(
            filters.UpdateType.EDITED_MESSAGE & (filters.TEXT | filters.CAPTION),
            messages.on_edited,
        ),
        MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL, messages.on_other),
        CallbackQueryHandler(callbacks.on_callback),
        InlineQueryHandler(inline.on_inline_query),
    ]
    application.add_handlers(handlers, group=0)
    application.add_error_handler(errors.on_error)


async def post_init(application: Application) -> None:
    """Restore follow-up context; menu and descriptions (failures are logged, not fatal); start
    watching the knowledge file."""
    services: Services = application.services  # type: ignore[attr-defined]
    restored = restore_contexts(application, services.engine)
    if restored:
        logger.info("Restored follow-up context for %d conversation(s)", restored)
    await set_menu(application)
    start_watcher(application)


async def post_shutdown(application: Application) -> None:
    await stop_watcher(application)


async def set_menu(application: Application) -> None:
    """Commands per scope and language, descriptions; admins also see the admin commands in
    their own chat with the bot (only possible once they have started it)."""
    bot = application.bot
    services: Services = application.services  # type: ignore[attr-defined]
    admins = sorted(services.config.admins)[:MAX_ADMIN_MENUS]
    for code, lang in MENU_LANGS:
        menu = [BotCommand(c, d) for c, d in texts.command_menu(lang)]
        for scope in MENU_SCOPES:
            try:
                await bot.set_my_commands(menu, scope=scope(), language_code=code)
            except TelegramError as exc:
                logger.warning("setMyCommands (%s, %s) failed: %s", scope.__name__, code, exc)
        admin_menu = menu + [BotCommand(c, d) for c, d in texts.admin_menu(lang)]
        for user_id in admins:
            try:
                await bot.set_my_commands(
                    admin_menu, scope=BotCommandScopeChat(user_id), language_code=code
                )
            except TelegramError as exc:  # the admin has not started the bot yet
                logger.info("Admin menu for %s not set: %s", user_id, exc)
    await set_descriptions(application)


def build_application(
    config: Config,
    engine: Engine,
    *,
    knowledge_path: str | None = None,
    request: BaseRequest | None = None,
    persistence: BasePersistence | None = None,
    updater: bool = True,
    rate_limiter: bool = True,
) -> Application:
    """The configured Application with every handler. Tests pass a recording ``request`` and
    ``updater=False`` and feed updates with ``process_update``."""
    if not config.token:
        raise InvalidToken("TELEGRAM_BOT_TOKEN is not set")
    protect_logs(config.token, config.webhook_secret)
    services = Services(
        engine=engine,
        config=config,
        reloader=KnowledgeReloader(engine, knowledge_path),
        knowledge_path=knowledge_path,
    )
    builder = (
        ApplicationBuilder()
        .application_class(CallbotApplication, kwargs={"services": services})
        .token(config.token)
        .context_types(ContextTypes(context=CallbotContext))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .concurrent_updates(ChatOrderedProcessor(MAX_CONCURRENT_UPDATES))
    )
    pacer = ChatPacer.for_group_rate(config.group_rate) if rate_limiter else None
    if pacer is not None:
        builder = builder.rate_limiter(pacer)
    if config.api_base_url:
        base_url, base_file_url = api_urls(config.api_base_url)
        builder = builder.base_url(base_url).base_file_url(base_file_url)
    calls = request if request is not None else apiclient.api_request()
    updates = request if request is not None else apiclient.get_updates_request()
    builder = builder.request(ChatAwareRequest(calls, services.chats)).get_updates_request(
        UpdatesRequest(updates)
    )
    if not updater:
        builder = builder.updater(None)
    if persistence is not None:
        builder = builder.persistence(persistence)
    application = builder.build()
    if pacer is not None:
        pacer.attach(application)  # counts each chat's waiting updates, reads its /lang
    add_handlers(application, config)
    return application


def updates_request(application: Application) -> UpdatesRequest:
    """The getUpdates client build_application installed."""
    request = application.bot._request[0]  # PTB keeps (getUpdates client, the other) here
    assert isinstance(request, UpdatesRequest)
    return request


def _webhook_secret(config: Config) -> str:
    if config.webhook_secret and _SECRET.match(config.webhook_secret):
        return config.webhook_secret
    if config.webhook_secret:
        logger.warning(
            "CALLBOT_WEBHOOK_SECRET may only hold A-Z a-z 0-9 _ - (1-256 characters);"
            " using a generated secret instead"
        )
    return secrets.token_urlsafe(32)


def _load_knowledge(path: str | None):
    from knowledge import load_bundled, load_knowledge

    return load_knowledge(path) if path else load_bundled()


def _private_data_dir(config: Config) -> None:
    """The data folder holds what users asked: 0700, also when an older version made it 0755
    (only when the state or the log lives in it, so that no other folder is touched)."""
    folder = Path(config.data_dir)
    ours = [p for p in (config.persistence, config.unanswered_log) if p]
    if any(Path(p).parent == folder for p in ours):
        try:
            private_dir(folder, tighten=True)
        except OSError as exc:
            logger.warning("Cannot make the data folder %s private: %s", folder, exc)


def _connect(
    loop: asyncio.AbstractEventLoop, application: Application, config: Config, secret: str | None
) -> bool:
    """Run handlers.startup.connect on ``loop``; False when SIGINT/SIGTERM stopped it first."""
    task = loop.create_task(
        connect(
            application.bot,
            webhook_url=config.webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    )
    stops = (signal.SIGINT, signal.SIGTERM)
    for sig in stops:
        loop.add_signal_handler(sig, task.cancel)
    try:
        loop.run_until_complete(task)
        return True
    except asyncio.CancelledError:
        logger.info("Stopped before connecting")
        loop.run_until_complete(application.bot.shutdown())
        return False
    finally:
        for sig in stops:  # PTB's run_* install their own
            loop.remove_signal_handler(sig)


def run_telegram(config: Config, knowledge_path: str | None) -> int:
    """Run the bot until interrupted: long polling, or a webhook with CALLBOT_WEBHOOK_URL."""
    from knowledge import KnowledgeError

    if not config.token:
        logger.error("TELEGRAM_BOT_TOKEN is not set")
        return EXIT_FAILED
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        level=getattr(logging, config.log_level, logging.INFO),
    )
    secret = _webhook_secret(config) if config.webhook_url else None
    protect_logs(config.token, secret)
    try:
        knowledge = _load_knowledge(knowledge_path)
    except KnowledgeError as exc:
        logger.error("Invalid knowledge file: %s", exc)
        return EXIT_FAILED
    _private_data_dir(config)
    hook = UnansweredLog(config.unanswered_log) if config.unanswered_log else None
    engine = Engine(knowledge, on_unanswered=hook)
    engine.prepare()
    persistence = None
    if config.persistence:
        try:
            persistence = open_persistence(config.persistence, engine)
        except StateFileError as exc:  # somebody else's file: refuse rather than overwrite it
            logger.error("CALLBOT_PERSISTENCE: %s", exc)
            return EXIT_FAILED
        except OSError as exc:
            logger.error(
                "Cannot use %s (%s); settings will not survive a restart", config.persistence, exc
            )
    application = build_application(
        config, engine, knowledge_path=knowledge_path, persistence=persistence
    )
    protect_logs(config.token, secret)  # loggers created while building
    where = (
        f"webhook on {config.webhook_listen}:{config.webhook_port}"
        if config.webhook_url
        else f"long polling, {config.poll_interval:g} s between calls under load"
    )
    logger.info("Connecting to the Bot API (%s)", where)
    # PTB's run_* reuse this loop: the connection made here is the one they go on with
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        if not _connect(loop, application, config, secret):
            loop.close()
            return EXIT_OK
    except StartupError as exc:
        logger.error("%s", exc)
        loop.run_until_complete(application.bot.shutdown())
        loop.close()
        return EXIT_FAILED
    logger.info("Starting (%s)", where)
    polling = updates_request(application)
    polling.on_fatal = application.stop_running  # a rejected token: stop, exit 1
    try:
        # retries only cover a blip right after connect() succeeded; a failure after them
        # is logged by PTB and reported below
        if config.webhook_url:
            run_webhook(
                application,
                listen=config.webhook_listen,
                port=config.webhook_port,
                url_path=urlparse(config.webhook_url).path.lstrip("/"),
                webhook_url=config.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
                set_webhook=False,  # connect() above set it, with its clear refusal message
            )
        else:
            application.run_polling(
                poll_interval=config.poll_interval,
                timeout=LONG_POLL_TIMEOUT,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
            )
    except (TelegramError, OSError) as exc:  # e.g. the webhook port is taken
        logger.error("Could not start: %s", exc)
        return EXIT_FAILED
    if polling.fatal:
        return EXIT_FAILED
    logger.info("Stopped")
    return EXIT_OK
