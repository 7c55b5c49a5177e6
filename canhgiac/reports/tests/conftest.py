"""The reports tests reuse the campaigns fixtures (a running campaign over the test province, its people)."""

from canhgiac.campaigns.tests.conftest import (  # noqa: F401 - fixtures
    campaign,
    conference,
    issue,
    login,
    methods,
    people,
    phone_of,
    speaker_profile,
)
