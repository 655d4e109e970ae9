"""An update the library cannot parse is skipped, counted and never logged; the rest go on."""

from __future__ import annotations

import json
import logging

import pytest

from bot.metrics import UPDATES_SKIPPED
from bot.transport import sanitize_updates

GOOD = {
    "update_id": 10,
    "message": {
        "message_id": 1,
        "date": 0,
        "chat": {"id": 5, "type": "private"},
        "text": "what is hoovering",
    },
}
# A poll whose option lacks the field PTB requires ("voter_count"), with personal data in it.
BAD = {
    "update_id": 11,
    "poll": {
        "id": "p",
        "question": "secret-question +44 7700 900123",
        "options": [{"text": "a"}],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
    },
}


def test_the_bad_update_becomes_a_bare_one_and_the_good_one_stays(
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = UPDATES_SKIPPED.labels("unparseable")._value.get()
    payload = json.dumps({"ok": True, "result": [GOOD, BAD]}).encode()
    with caplog.at_level(logging.DEBUG):
        cleaned = json.loads(sanitize_updates(payload))
    assert cleaned["result"] == [GOOD, {"update_id": 11}]  # the offset moves past 11
    assert UPDATES_SKIPPED.labels("unparseable")._value.get() == before + 1
    assert "secret-question" not in caplog.text and "7700" not in caplog.text


def test_a_clean_batch_is_untouched() -> None:
    payload = json.dumps({"ok": True, "result": [GOOD]}).encode()
    assert sanitize_updates(payload) is payload


@pytest.mark.parametrize("payload", [b"<html>", b'{"ok": false}', b'{"ok": true, "result": 5}'])
def test_odd_answers_pass_to_ptb_unchanged(payload: bytes) -> None:
    assert sanitize_updates(payload) == payload
