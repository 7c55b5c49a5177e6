"""The official roles of DESIGN.md. Kept in core so that every app can name them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEADER = "leader", _("Lãnh đạo UBND")
    COORDINATOR = "coordinator", _("Điều phối (Công an tỉnh)")
    INVESTIGATOR = "investigator", _("Điều tra viên")
    UNIT_MANAGER = "unit_manager", _("Đầu mối đơn vị")
    SPEAKER = "speaker", _("Báo cáo viên")


# Roles whose membership lets a user read the data of a unit subtree (rosters, conferences, reports...).
READ_ROLES = frozenset({Role.LEADER, Role.COORDINATOR, Role.UNIT_MANAGER})
# Roles that may change a unit subtree's own records (rosters, conferences, the unit report).
MANAGE_ROLES = frozenset({Role.COORDINATOR, Role.UNIT_MANAGER})
