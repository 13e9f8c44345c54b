"""Wiring: build the PTB Application (``build_application``) and run it (``run_telegram``).

Handler order matters within a group: the first matching handler of a group runs. Group -1
drops what the bot never answers (other bots, channel posts) before anything else sees it.
"""

from __future__ import annotations

import logging
import math
import os
import re
import secrets
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
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BasePersistence,
    CallbackQueryHandler,
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
from bot.reload import KnowledgeReloader
from bot.unanswered import UnansweredLog
from handlers import admin, callbacks, commands, errors, inline, messages, texts
from handlers.logsafe import protect_logs
from handlers.ordering import ChatOrderedProcessor
from handlers.persistence import open_persistence, restore_contexts
from handlers.services import CallbotApplication, CallbotContext, Services
from handlers.transport import BotApiRequest
from handlers.watcher import start_watcher, stop_watcher

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
MENU_LANGS = (("zh", "zh-Hans"), (None, "en"))  # (language_code, reply language); None: default
MENU_SCOPES = (BotCommandScopeAllPrivateChats, BotCommandScopeAllGroupChats)
MAX_ADMIN_MENUS = 20
DEFAULT_POLL_INTERVAL = 0.2  # seconds; see poll_interval()
LONG_POLL_TIMEOUT = 10  # seconds a getUpdates call may wait for an update (PTB's default)
MAX_CONCURRENT_UPDATES = 256  # chats answered side by side; one at a time within a chat
_PROXY_VARS = ("https_proxy", "http_proxy", "all_proxy")


def poll_interval(env: dict[str, str] | None = None) -> float:
    """CALLBOT_POLL_INTERVAL: seconds long polling pauses after each getUpdates call, so that
    under load one call brings several updates (at 30 messages a second, 0.2 s gives about six
    a call: bench_e2e measured 4.0% of a core against 7.6% with 0, 5.2% with 0.1 and no further
    gain at 0.3). A message that arrives while the bot waits on an idle long poll is answered at
    once; one that follows another within the interval waits for the rest of it (at 30 a second
    the median answer comes about 0.1 s later). 0: the next call at once. Anything that is not
    a number from 0 to 60 means the default."""
    env = os.environ if env is None else env
    raw = env.get("CALLBOT_POLL_INTERVAL", "")
    try:
        value = float(raw) if raw.strip() else DEFAULT_POLL_INTERVAL
    except ValueError:
        return DEFAULT_POLL_INTERVAL
    return value if math.isfinite(value) and 0 <= value <= 60 else DEFAULT_POLL_INTERVAL


def lean_http(env: dict[str, str] | None = None) -> bool:
    """Whether Bot API calls go through handlers.transport (the default) rather than PTB's
    HTTPXRequest: not when CALLBOT_HTTP=httpx, nor when a proxy variable is set (httpx honours
    HTTPS_PROXY / HTTP_PROXY / ALL_PROXY; the lean client does not speak to proxies)."""
    env = os.environ if env is None else env
    if env.get("CALLBOT_HTTP", "").strip().lower() == "httpx":
        return False
    return not any(value.strip() for key, value in env.items() if key.lower() in _PROXY_VARS)


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
    if message is None or message.from_user is None or message.sender_chat is not None:
        return  # anonymous group admins write as a bot user on behalf of the chat: keep them
    if message.from_user.is_bot:
        raise ApplicationHandlerStop


def add_handlers(application: Application, config: Config) -> None:
    application.add_handler(TypeHandler(Update, guard), group=-1)
    new = filters.UpdateType.MESSAGE
    admins = filters.User(user_id=set(config.admins))
    handlers = [
        CommandHandler("start", commands.start, filters=new),
        CommandHandler("help", commands.help_command, filters=new),
        CommandHandler("ask", commands.ask, filters=new),
        CommandHandler("partners", commands.partners, filters=new),
        CommandHandler("lang", commands.lang, filters=new),
        # admin commands: non-admins fall through to unknown_command, which stays silent
        CommandHandler("reload", admin.reload_knowledge, filters=new & admins),
        CommandHandler("unanswered", admin.unanswered, filters=new & admins),
        MessageHandler(new & filters.TEXT & ~filters.COMMAND, messages.on_text),
        MessageHandler(new & filters.COMMAND, commands.unknown_command),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, messages.on_edited),
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
        try:
            k = services.engine.knowledge
            await bot.set_my_description(texts.description(lang, k)[:512], language_code=code)
            await bot.set_my_short_description(
                texts.short_description(lang, k)[:120], language_code=code
            )
        except TelegramError as exc:
            logger.warning("setMyDescription (%s) failed: %s", code, exc)


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
    if rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if config.api_base_url:
        base_url, base_file_url = api_urls(config.api_base_url)
        builder = builder.base_url(base_url).base_file_url(base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    elif lean_http():
        builder = builder.request(BotApiRequest(256)).get_updates_request(BotApiRequest(1))
    if not updater:
        builder = builder.updater(None)
    if persistence is not None:
        builder = builder.persistence(persistence)
    application = builder.build()
    add_handlers(application, config)
    return application


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


def run_telegram(config: Config, knowledge_path: str | None) -> int:
    """Run the bot until interrupted: long polling, or a webhook with CALLBOT_WEBHOOK_URL."""
    from knowledge import KnowledgeError

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
    hook = UnansweredLog(config.unanswered_log) if config.unanswered_log else None
    engine = Engine(knowledge, on_unanswered=hook)
    persistence = None
    if config.persistence:
        try:
            persistence = open_persistence(config.persistence, engine)
        except OSError as exc:
            logger.error(
                "Cannot use %s (%s); settings will not survive a restart", config.persistence, exc
            )
    try:
        application = build_application(
            config, engine, knowledge_path=knowledge_path, persistence=persistence
        )
        protect_logs(config.token, secret)  # loggers created while building
        if config.webhook_url:
            logger.info("Starting (webhook on %s:%d)", config.webhook_listen, config.webhook_port)
            application.run_webhook(
                listen=config.webhook_listen,
                port=config.webhook_port,
                url_path=urlparse(config.webhook_url).path.lstrip("/"),
                webhook_url=config.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
                bootstrap_retries=-1,
            )
        else:
            interval = poll_interval()
            logger.info("Starting (long polling, %g s between calls under load)", interval)
            application.run_polling(
                poll_interval=interval,
                timeout=LONG_POLL_TIMEOUT,
                allowed_updates=Update.ALL_TYPES,
                bootstrap_retries=-1,
            )
    except InvalidToken:
        logger.error(
            "Telegram rejected the bot token (TELEGRAM_BOT_TOKEN); check it with @BotFather"
        )
        return EXIT_FAILED
    logger.info("Stopped")
    return EXIT_OK
