"""The one urge detector: 'i want to text him right now' opens the urge helper, not topics."""

import pytest

from bot.checkins.urge import is_urge


@pytest.mark.parametrize(
    "text",
    [
        "i want to text him",
        "I really want to call her right now",
        "should i text him",
        "I miss him so much i want to go back",
        "i'm thinking of going back",
        "want him back so bad",
        "the pull is so strong tonight",
        "im gonna message my ex",
        "I almost texted him",
        "so tempted to text",
        "I just need to see him",
        "i wanna unblock her",
        "I’m about to reply to them",
        "i want to text him right now",
        "should i answer her",
        "i miss him so much i'm going to call",
        "trying not to text him",
    ],
)
def test_urges(text: str) -> None:
    assert is_urge(text)


@pytest.mark.parametrize(
    "text",
    [
        "he wants to text me",
        "how do i block him",
        "what is hoovering",
        "he keeps calling me",
        "i texted my mum about dinner",
        "why do i miss him",
        "i want to die",
        "can he see my messages",
        "how do i stop wanting to text him",
        "what is no contact",
        "she wants me to call her back",
        "",
        "i want to text him " * 100,
    ],
)
def test_not_urges(text: str) -> None:
    assert not is_urge(text)
