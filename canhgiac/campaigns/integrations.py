"""Where campaigns reads other apps that may not be installed yet.

Incidents (issue 9) provides `canhgiac.incidents.selectors.rising_methods(...)`: methods whose cases grew in
the last months. The needs assessment flags those methods. Until incidents ships that selector this returns
an empty list, and the pages say no incident figures are available.
"""

from __future__ import annotations


def rising_incident_methods(*, months: int = 3) -> list[dict]:
    """[{"slug", "name", "number", "recent", "previous", "growth", ...}] strongest first, or [] without incidents."""
    try:
        from canhgiac.incidents.selectors import rising_methods
    except ImportError:
        return []
    return list(rising_methods(months=months))
