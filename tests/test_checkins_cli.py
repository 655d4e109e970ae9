"""The issue's 'done when': a scripted terminal chat sets a trigger with a plan and a one-off
check-in, receives it, answers 8, and sees its own plan shown back."""

from pathlib import Path

from tests.helpers.cli import run

SCRIPT = "\n".join(
    [
        "/triggers",
        "1",  # Add a situation
        "1",  # Evenings and loneliness
        "I will call Sam and go for a walk",  # what instead
        "Sam or my sister",  # whom to reach
        "2",  # A check-in for this
        "3",  # Once
        "1",  # In 1 hour
        ":wait 61m",  # the chat's clock moves on an hour
        "8",  # the pull, typed
        "/progress",
        "3",  # As a picture
    ]
)


def test_scripted_chat_trigger_plan_one_off_check_in_and_plan_shown_back(tmp_path: Path) -> None:
    result = run(["chat"], tmp_path, stdin=SCRIPT + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    position = 0
    for needle in (
        "> /triggers",
        "Hard moments",
        "> I will call Sam and go for a walk",
        "whom can you reach",
        "> 1",
        "I'll check in on",
        "> :wait 61m",
        "(protected: can't be forwarded or saved)",
        "How strong is the pull",
        "> 8",
        "Evenings and loneliness",
        "Instead, I will: I will call Sam and go for a walk",
        "I can reach: Sam or my sister",
        "Something to do right now",
        "> /progress",
        "Check-ins answered: 1",
        "(picture: chart)",
    ):
        position = out.index(needle, position)  # each after the one before
    assert (tmp_path / "data" / "secret.key").exists()  # the plan was encrypted at rest
