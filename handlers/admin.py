"""Admin commands (CALLBOT_ADMINS). Only admins reach them: the handler is filtered by user id,
so everyone else gets no reply, and they are not in the command menu.

/reload reads the knowledge file again. A file with problems is refused (the old knowledge stays
and the admin gets every problem with its file, line and field); a good one is swapped in and
the admin is told what changed.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Update

from handlers.send import send_html
from handlers.services import CallbotContext, reply_lang
from handlers.texts import t
from knowledge import KnowledgeError, load_bundled, load_knowledge
from knowledge.model import Direction, Knowledge

logger = logging.getLogger(__name__)

MAX_PROBLEMS = 15
MAX_CHANGES = 40


def _figures(d: Direction) -> dict[str, object]:
    figures: dict[str, object] = {
        "total": d.total,
        "projects": (d.projects.count, d.projects.qualifier),
        "average": d.average,
    }
    for i, f in enumerate(d.funding):
        if len(d.funding) > 1:
            figures[f"funding[{i}].total"] = f.total
            figures[f"funding[{i}].projects"] = (f.projects.count, f.projects.qualifier)
            figures[f"funding[{i}].average"] = f.average
    return figures


def _shown(value: object) -> str:
    if isinstance(value, tuple) and len(value) == 2:
        count, qualifier = value
        return f"{count}" if qualifier == "exact" else f"{count} ({qualifier})"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_changes(old: Knowledge, new: Knowledge) -> list[str]:
    """Plain-text lines: directions added and removed, figures changed, partners and calls."""
    lines: list[str] = []
    old_d, new_d = old.direction_by_id, new.direction_by_id
    for did in new_d.keys() - old_d.keys():
        lines.append(f"+ direction {did} ({new_d[did].short.en})")
    for did in old_d.keys() - new_d.keys():
        lines.append(f"- direction {did} ({old_d[did].short.en})")
    for did in sorted(old_d.keys() & new_d.keys()):
        before, after = _figures(old_d[did]), _figures(new_d[did])
        for name in sorted(before.keys() | after.keys()):
            if before.get(name) != after.get(name):
                lines.append(
                    f"~ {did} {name}: {_shown(before.get(name))} → {_shown(after.get(name))}"
                )
        if old_d[did].fields != new_d[did].fields or old_d[did].topics != new_d[did].topics:
            lines.append(f"~ {did} fields/topics changed")
        if old_d[did].partner != new_d[did].partner:
            lines.append(f"~ {did} partner: {old_d[did].partner} → {new_d[did].partner}")
    old_c, new_c = old.call_by_id, new.call_by_id
    for cid in sorted(old_c.keys() & new_c.keys()):
        for name in ("total", "directions", "year"):
            a, b = getattr(old_c[cid], name), getattr(new_c[cid], name)
            if a != b:
                lines.append(f"~ call {cid} {name}: {_shown(a)} → {_shown(b)}")
        a, b = old_c[cid].projects, new_c[cid].projects
        if a != b:
            lines.append(
                f"~ call {cid} projects: {_shown((a.count, a.qualifier))} → "
                f"{_shown((b.count, b.qualifier))}"
            )
    lines.extend(f"+ call {c}" for c in sorted(new_c.keys() - old_c.keys()))
    lines.extend(f"- call {c}" for c in sorted(old_c.keys() - new_c.keys()))
    old_p, new_p = old.partner_by_id, new.partner_by_id
    lines.extend(f"+ partner {p}" for p in sorted(new_p.keys() - old_p.keys()))
    lines.extend(f"- partner {p}" for p in sorted(old_p.keys() - new_p.keys()))
    return lines


def _load(path: str | None) -> Knowledge:
    return load_knowledge(path) if path else load_bundled()


async def reload_knowledge(update: Update, context: CallbotContext) -> None:
    services = context.services
    lang = reply_lang(context, update)
    path = services.knowledge_path
    where = html.escape(path or "bundled knowledge", quote=False)
    try:
        knowledge = await asyncio.to_thread(_load, path)
    except KnowledgeError as exc:
        logger.warning(
            "Reload refused, the knowledge file has %d problem(s): %s", len(exc.problems), exc
        )
        shown = [f"• {html.escape(str(p), quote=False)}" for p in exc.problems[:MAX_PROBLEMS]]
        if len(exc.problems) > MAX_PROBLEMS:
            shown.append(f"… +{len(exc.problems) - MAX_PROBLEMS}")
        head = t(
            lang,
            f"<b>未重新加载</b>：{where} 有 {len(exc.problems)} 个问题，继续使用原来的知识。",
            f"<b>Not reloaded</b>: {where} has {len(exc.problems)} problem(s); the old "
            "knowledge stays in use.",
        )
        await send_html(update.effective_message, "\n".join([head, *shown]), quote=False)
        return
    except OSError as exc:
        logger.warning("Reload refused: %s", exc)
        text = t(
            lang,
            f"<b>未重新加载</b>：无法读取 {where}：",
            f"<b>Not reloaded</b>: cannot read {where}: ",
        ) + html.escape(str(exc), quote=False)
        await send_html(update.effective_message, text, quote=False)
        return
    old = context.engine.knowledge
    changes = describe_changes(old, knowledge)
    context.engine.swap(knowledge)
    logger.info(
        "Knowledge reloaded from %s: %d change(s)", path or "the bundled file", len(changes)
    )
    head = t(
        lang,
        f"<b>已重新加载</b> {where}：{len(knowledge.directions)} 个方向。",
        f"<b>Reloaded</b> {where}: {len(knowledge.directions)} directions.",
    )
    if not changes:
        body = [t(lang, "方向和数字没有变化。", "No direction or figure changed.")]
    else:
        body = [html.escape(line, quote=False) for line in changes[:MAX_CHANGES]]
        if len(changes) > MAX_CHANGES:
            body.append(f"… +{len(changes) - MAX_CHANGES}")
    await send_html(update.effective_message, "\n".join([head, *body]), quote=False)
