"""Log in as each demo role through the real login form; the navigation must match the role."""

import pytest

from canhgiac.core.demo import DEMO_PASSWORD, load_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# e-mail -> (entries that must show, entries that must not)
EXPECTED = {
    "lanhdao@quangninh.gov.vn": ({"units", "audit"}, set()),
    "dieuphoi@congan.quangninh.gov.vn": ({"units", "audit"}, set()),
    "dieutra@congan.quangninh.gov.vn": (set(), {"units", "audit"}),
    "baocaovien1@congan.quangninh.gov.vn": (set(), {"units", "audit"}),
    "daumoi.honggai@quangninh.gov.vn": ({"units", "audit"}, set()),
    "daumoi.sotaichinh@quangninh.gov.vn": ({"units", "audit"}, set()),
}


def test_each_demo_role_sees_its_navigation(page, live_server, login_in_browser):
    load_all()
    from canhgiac.accounts.models import User

    page.goto(live_server.url + "/")
    anonymous = set(page.locator("[data-nav]").evaluate_all("els => els.map(e => e.dataset.nav)"))
    assert not anonymous & {"units", "audit"}
    assert page.locator("html").get_attribute("lang") == "vi"

    for email, (must, must_not) in EXPECTED.items():
        user = User.objects.get(email=email)
        login_in_browser(page, user, DEMO_PASSWORD)
        shown = set(page.locator("[data-nav]").evaluate_all("els => els.map(e => e.dataset.nav)"))
        assert must <= shown, (email, shown)
        assert not (must_not & shown), (email, shown)
        assert user.full_name in page.text_content("[data-testid=user-menu]")
        page.click("[data-testid=user-menu]")
        page.click("[data-testid=logout]")
        page.wait_for_selector("[data-testid=login-link]")
