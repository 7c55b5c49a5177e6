"""Signals org sends for other apps' caches and denormalised counters (DESIGN: never for business rules).

`roster_changed(unit_ids=…)` — the roster of these units changed through a bulk path that sends no model
signals (the importer's raw inserts and updates, `record_moves`, a unit moved in the tree). Receivers refresh
what they derived from the rosters of those units (campaigns' coverage counters).
"""

from django.dispatch import Signal

roster_changed = Signal()


def send_roster_changed(unit_ids) -> None:
    ids = {int(u) for u in unit_ids if u is not None}
    if ids:
        roster_changed.send(sender=None, unit_ids=ids)
