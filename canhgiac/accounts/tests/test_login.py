import pytest
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def test_login_with_email_and_password(client, ward_manager):
    response = client.post(LOGIN, {"username": "HongGai@test.vn", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == ward_manager


def test_wrong_password_gives_a_vietnamese_message_and_keeps_the_email(client, ward_manager):
    response = client.post(LOGIN, {"username": ward_manager.email, "password": "sai-mat-khau"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thư điện tử hoặc mật khẩu chưa đúng" in html
    assert 'value="honggai@test.vn"' in html


def test_five_wrong_passwords_lock_the_account(client, ward_manager):
    for _ in range(5):
        client.post(LOGIN, {"username": ward_manager.email, "password": "sai-mat-khau"})
    response = client.post(LOGIN, {"username": ward_manager.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Tài khoản tạm thời bị khóa" in response.content.decode()
    # locked even with the right password, and from another address
    other = client.post(LOGIN, {"username": ward_manager.email, "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 429


def test_password_reset_sends_a_vietnamese_email(client, ward_manager):
    response = client.post(reverse("accounts:password_reset"), {"email": ward_manager.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "/tai-khoan/dat-lai/" in mail.outbox[0].body


def test_logout_requires_post(client, ward_manager):
    client.force_login(ward_manager)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_passwords_are_hashed_with_argon2_outside_tests():
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.PASSWORD_HASHERS[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "CANHGIAC_TESTING"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "canhgiac.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"
