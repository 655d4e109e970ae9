"""Getting messages out: the priority rate limiter and the outbox of scheduled sends."""
