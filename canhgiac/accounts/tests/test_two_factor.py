import time

import pytest
from django.test import override_settings
from django.urls import reverse

from canhgiac.accounts import services, totp
from canhgiac.accounts.models import TwoFactorDevice
from canhgiac.core.models import AuditEvent
from conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def test_rfc6238_vector():
    # RFC 6238 appendix B, SHA-1 seed "12345678901234567890" at T=59 s -> 94287082 (8 digits)
    import base64

    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp.code_at(secret, 59 // 30, digits=8) == "94287082"
    assert totp.match(secret, "287082", now=59) == 1
    assert totp.match(secret, "287082", now=59, after_step=1) is None  # replay refused
    assert totp.match(secret, "12345", now=59) is None


def enable(user):
    secret = totp.new_secret()
    codes = services.two_factor_enable(
        user=user, secret=secret, code=totp.code_at(secret, totp.current_step()), actor=user
    )
    # the step used to confirm cannot be reused: move the device's memory back so the next code counts
    TwoFactorDevice.objects.filter(user=user).update(last_used_step=totp.current_step() - 2)
    return secret, codes


def test_login_asks_for_the_second_factor(client, investigator):
    secret, _codes = enable(investigator)
    response = client.post(LOGIN, {"username": investigator.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    assert not client.get("/").context["user"].is_authenticated
    wrong = client.post(reverse("accounts:two_factor"), {"code": "000000"})
    assert "Mã xác thực chưa đúng" in wrong.content.decode()
    ok = client.post(reverse("accounts:two_factor"), {"code": totp.code_at(secret, totp.current_step())})
    assert ok.status_code == 302
    assert client.get("/").context["user"] == investigator


def test_a_code_works_once(investigator):
    secret, _codes = enable(investigator)
    code = totp.code_at(secret, totp.current_step())
    assert services.two_factor_verify(user=investigator, code=code)
    assert not services.two_factor_verify(user=investigator, code=code)


def test_recovery_code_works_once(client, investigator):
    _secret, codes = enable(investigator)
    assert len(codes) == 10
    assert services.two_factor_verify(user=investigator, code=codes[0].lower())
    assert not services.two_factor_verify(user=investigator, code=codes[0])
    assert AuditEvent.objects.filter(action="account.2fa_recovery_used").count() == 1


def test_second_factor_attempts_are_limited(client, investigator):
    secret, _codes = enable(investigator)
    client.post(LOGIN, {"username": investigator.email, "password": PASSWORD})
    for _ in range(5):
        client.post(reverse("accounts:two_factor"), {"code": "111111"})
    response = client.post(
        reverse("accounts:two_factor"), {"code": totp.code_at(secret, totp.current_step())}
    )
    assert "quá nhiều lần" in response.content.decode()
    assert not client.get("/").context["user"].is_authenticated


def test_pending_login_expires(client, investigator):
    enable(investigator)
    client.post(LOGIN, {"username": investigator.email, "password": PASSWORD})
    session = client.session
    session["canhgiac_2fa_pending"]["at"] = time.time() - 600
    session.save()
    response = client.get(reverse("accounts:two_factor"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")


def test_setup_through_the_security_page(client, investigator):
    client.force_login(investigator)
    page = client.get(reverse("accounts:security"))
    assert page.context["qr"].startswith("data:image/svg+xml")
    secret = client.session["canhgiac_2fa_setup_secret"]
    bad = client.post(reverse("accounts:security"), {"action": "enable", "code": "123"})
    assert "Mã xác nhận chưa đúng" in bad.content.decode()
    good = client.post(
        reverse("accounts:security"), {"action": "enable", "code": totp.code_at(secret, totp.current_step())}
    )
    assert len(good.context["recovery_codes"]) == 10
    assert services.has_two_factor(investigator)
    assert AuditEvent.objects.filter(action="account.2fa_enable", actor=investigator).exists()


def test_disable_needs_password_and_code(client, investigator):
    secret, _codes = enable(investigator)
    client.force_login(investigator)
    code = totp.code_at(secret, totp.current_step())
    bad = client.post(reverse("accounts:security"), {"action": "disable", "password": "sai", "code": code})
    assert "Mật khẩu chưa đúng" in bad.content.decode()
    assert services.has_two_factor(investigator)
    client.post(reverse("accounts:security"), {"action": "disable", "password": PASSWORD, "code": code})
    assert not services.has_two_factor(investigator)


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["investigator"])
def test_required_roles_must_set_it_up_first(client, investigator, ward_manager):
    from django.test import Client

    client.force_login(investigator)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:security"))
    assert client.get(reverse("accounts:security")).status_code == 200
    other = Client()
    other.force_login(ward_manager)
    assert other.get("/").status_code == 200
