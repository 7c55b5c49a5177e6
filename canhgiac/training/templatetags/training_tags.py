from django import template

from canhgiac.core.roles import MANAGE_ROLES, Role
from canhgiac.core.scoping import has_role

register = template.Library()


@register.simple_tag(takes_context=True)
def training_can(context, what: str) -> bool:
    """What the signed-in official may open in training: "content" (coordinator) or "access" (managers)."""
    user = context["request"].user
    if what == "content":
        return has_role(user, Role.COORDINATOR)
    if what == "access":
        return has_role(user, *MANAGE_ROLES)
    return False
