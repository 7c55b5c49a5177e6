"""Who may do what in campaigns, on top of the one scoping rule (core.scoping).

- Campaigns, the list of responsible units, obligations confirmed by hand, speakers and their assignments,
  confirming conferences: coordinators.
- Conferences, attendance, the needs assessment of a unit: coordinators and the unit's managers (their subtree).
- Reading: leaders, coordinators and unit managers in their subtrees; speakers their own assignments.
"""

from __future__ import annotations

from canhgiac.core.roles import MANAGE_ROLES, READ_ROLES, Role
from canhgiac.core.scoping import has_role, scope_paths, unit_in_scope


def is_coordinator(user) -> bool:
    return bool(user.is_authenticated) and (user.is_superuser or has_role(user, Role.COORDINATOR))


def can_read_any(user) -> bool:
    return bool(user.is_authenticated) and scope_paths(user, READ_ROLES) != []


def can_manage_any(user) -> bool:
    return bool(user.is_authenticated) and scope_paths(user, MANAGE_ROLES) != []


def can_manage_unit(user, unit) -> bool:
    return unit_in_scope(user, unit, MANAGE_ROLES)
