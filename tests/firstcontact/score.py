"""Score a question folder through the core engine: accuracy and the wrong-as-if-right rate.

Usage: python tests/firstcontact/score.py FOLDER [-v]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.engine import Engine
from knowledge import load_bundled
from tests.question_set import load_items, run


def main(folder: Path, verbose: bool) -> None:
    items = load_items(folder)
    passed, failures, by_tag = run(Engine(load_bundled()), items)
    # a wrong reply with a confident intent is one the user would trust
    trusted = sum(1 for _, r, _ in failures if r.get("intent") not in ("unknown", "help"))
    n = len(items)
    print(
        f"{folder.name}: {passed}/{n} = {100 * passed / n:.1f}%  "
        f"wrong as if right {trusted} = {100 * trusted / n:.1f}%"
    )
    for tag, (ok, k) in sorted(by_tag.items()):
        print(f"  {tag:<14} {ok:>4}/{k:<4} {100 * ok / k:5.1f}%")
    if verbose:
        for item, reply, why in failures:
            print(
                f"FAIL {item['id']} {item['turns']} -> {reply.get('intent')} "
                f"{reply.get('programs')}: {'; '.join(why)} | {reply.get('text', '')[:160]!r}"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]), "-v" in sys.argv)
