"""Signals other apps listen to. Training cannot import campaigns (it comes later in the import order), so it
announces passes and campaigns records its Reach.

course_passed(sender=Course, person, course, attempt, passed_at)
    Sent once per (person, course): when the grading of a post-test attempt first passes the course and its
    certificate is issued. Receivers run inside the grading transaction: if a receiver raises, the submission
    is rolled back as a whole and the person sees an error, so receivers must only record (idempotently).
"""

from django.dispatch import Signal

course_passed = Signal()
