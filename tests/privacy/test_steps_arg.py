"""Steps carry a short argument (an entry id, a plan part) and still read older formats."""

from datetime import time

from bot.domain import Kind
from bot.steps import Step, Waiting


def test_an_argument_round_trips_and_fits_the_column() -> None:
    step = Step(Waiting.PLAN_SECTION, arg="self.surroundings.b")
    assert Step.parse(step.format()) == step
    assert len(step.format()) <= 64  # users.pending is String(64)
    assert Step.parse(Step(Waiting.JOURNAL_FELT, arg="2147483647").format()).arg == "2147483647"


def test_steps_without_an_argument_are_stored_as_before() -> None:
    step = Step(Waiting.DAILY_ZONE, Kind.GROUNDING, time(8, 30))
    assert step.format() == "daily_zone:grounding:0830"
    assert Step.parse("daily_zone:grounding:0830") == step
