"""Campaign models, split by topic; import them from here."""

from .campaigns import (
    DEFAULT_REMINDER_DAYS,
    DEFAULT_RESPONSIBLE_KINDS,
    Campaign,
    CampaignUnit,
    Obligation,
    ReminderSent,
)
from .conferences import (
    CHECK_IN_OPENS_BEFORE,
    Attendance,
    AttendanceImport,
    Conference,
    ConferenceFile,
    ConferenceSpeaker,
)
from .counters import CoverageCounter, CoverageDaily, CoverageRollup
from .needs import Format, NeedsAssessment
from .reach import Reach
from .speakers import WEEKDAYS, Speaker, SpeakerBusy

__all__ = [
    "CHECK_IN_OPENS_BEFORE",
    "DEFAULT_REMINDER_DAYS",
    "DEFAULT_RESPONSIBLE_KINDS",
    "WEEKDAYS",
    "Attendance",
    "AttendanceImport",
    "Campaign",
    "CampaignUnit",
    "Conference",
    "ConferenceFile",
    "ConferenceSpeaker",
    "CoverageCounter",
    "CoverageDaily",
    "CoverageRollup",
    "Format",
    "NeedsAssessment",
    "Obligation",
    "Reach",
    "ReminderSent",
    "Speaker",
    "SpeakerBusy",
]
