"""Writes of the training app: keyword-only, atomic, audited (see each module)."""

from .access import IssuedAccess, staff_access_issue, staff_access_revoke
from .attempts import AnswerRejected, answer_save, attempt_start, attempt_submit, close_overdue_attempts
from .certificates import certificate_issue_for, certificate_pdf, certificate_revoke

__all__ = [
    "AnswerRejected",
    "IssuedAccess",
    "answer_save",
    "attempt_start",
    "attempt_submit",
    "certificate_issue_for",
    "certificate_pdf",
    "certificate_revoke",
    "close_overdue_attempts",
    "staff_access_issue",
    "staff_access_revoke",
]
