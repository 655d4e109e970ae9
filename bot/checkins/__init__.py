"""Check-ins and triggers: schedules, the check-in message, the urge helper, the chart."""
