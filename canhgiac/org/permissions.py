"""Who may change what in the organisation, on top of the one scoping rule (core.scoping).

- Rosters (people, exemptions, imports): coordinators and unit managers, in their subtrees.
- The unit tree: coordinators anywhere in their scope; a unit manager may add, rename and close the units
  below their own unit (their own unit's name and place are the province's decision). Moving a unit between
  parents is for coordinators only.
"""

from __future__ import annotations

from canhgiac.core.roles import MANAGE_ROLES, Role
from canhgiac.core.scoping import scope_paths, unit_in_scope


def can_manage_roster(user, unit) -> bool:
    return unit_in_scope(user, unit, MANAGE_ROLES)


def can_manage_any_roster(user) -> bool:
    return scope_paths(user, MANAGE_ROLES) != []


def _coordinator(user, unit) -> bool:
    return unit_in_scope(user, unit, {Role.COORDINATOR})


def can_add_child(user, parent) -> bool:
    return _coordinator(user, parent) or unit_in_scope(user, parent, {Role.UNIT_MANAGER})


def can_edit_unit(user, unit) -> bool:
    if _coordinator(user, unit):
        return True
    paths = scope_paths(user, {Role.UNIT_MANAGER})
    if paths is None:
        return True
    return any(unit.path.startswith(p) and unit.path != p for p in paths)


def can_move_unit(user, unit) -> bool:
    return unit.depth > 1 and _coordinator(user, unit)


def can_edit_structure_anywhere(user) -> bool:
    return scope_paths(user, {Role.COORDINATOR, Role.UNIT_MANAGER}) != []
