"""When messages fall due: local times, time zones and the dispatcher."""
