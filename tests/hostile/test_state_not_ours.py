"""Audit of issue 7, point 6: CALLBOT_PERSISTENCE naming a file that is not a callbot state is
refused, whatever the file holds. Found in the audit: any binary file whose first byte happens
to be 0x80 was taken for a pickle, renamed `*.unloaded-…` and replaced. (An empty file, with
nothing in it to lose, is still set aside as damaged: tests/test_handlers.py.)"""

from __future__ import annotations

import pytest

from bot.engine import Engine
from handlers.persistence import StateFileError, open_persistence


@pytest.mark.parametrize(
    "content",
    [b"\x80 not a pickle, somebody's binary file \x00\x01", b"\x80\x04 no STOP at the end"],
    ids=["0x80-binary", "pickle-head-only"],
)
def test_a_file_that_is_not_ours_is_refused_and_left_alone(tmp_path, knowledge, content):
    path = tmp_path / "notes.dat"
    path.write_bytes(content)
    with pytest.raises(StateFileError) as caught:
        open_persistence(path, Engine(knowledge))
    assert "CALLBOT_PERSISTENCE" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.dat"]  # nothing renamed
    assert path.read_bytes() == content


def test_a_pickle_under_another_name_is_still_set_aside_unread(tmp_path, knowledge):
    path = tmp_path / "state"
    path.write_bytes(b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00}\x94.")  # pickle of {}
    persistence = open_persistence(path, Engine(knowledge))
    assert [p.name for p in tmp_path.glob("state.unloaded-*")]
    assert persistence.path == path
