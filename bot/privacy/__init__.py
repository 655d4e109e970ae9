"""Privacy and safety plumbing: message ids for /hide, flood control, keys, log scrubbing.

Screens live in bot/handlers/ (privacy, hide, journal, safetyplan, notify, stats); SQL in
bot/db/ (privacy, journal, sealed). `wiring` is the one place they are attached to the app.
"""
