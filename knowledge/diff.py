"""What changed between two versions of the knowledge, in lines a person can read."""

from __future__ import annotations

from knowledge.model import Direction, Knowledge


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
