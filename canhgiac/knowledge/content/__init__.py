"""The content the team writes and ships for every method: loaded by knowledge.seed, never overwriting edits."""

from . import combined_a, combined_b, extra, impersonation, takeover

METHODS: list[dict] = [
    *impersonation.METHODS,
    *takeover.METHODS,
    *combined_a.METHODS,
    *combined_b.METHODS,
    *extra.METHODS,
]
