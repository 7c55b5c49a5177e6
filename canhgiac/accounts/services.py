"""Writes for accounts: two-factor authentication of officials. Keyword-only, atomic, audited."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canhgiac.core.audit import audit

from . import totp
from .models import RecoveryCode, TwoFactorDevice, User

RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _hash_recovery(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").strip().upper().encode()).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _j in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=_hash_recovery(c)) for c in codes)
    return codes


@transaction.atomic
def two_factor_enable(*, user: User, secret: str, code: str, actor: User) -> list[str]:
    """Confirm an authenticator app with one of its codes; returns the recovery codes (shown once)."""
    if TwoFactorDevice.objects.filter(user=user).exists():
        raise ValidationError(_("Xác thực hai bước đã được bật cho tài khoản này."))
    step = totp.match(secret, code)
    if step is None:
        raise ValidationError(
            _(
                "Mã xác nhận chưa đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực (mã đổi sau mỗi 30 giây)."
            )
        )
    TwoFactorDevice.objects.create(user=user, secret=secret, confirmed_at=timezone.now(), last_used_step=step)
    codes = _new_recovery_codes(user)
    audit(actor=actor, action="account.2fa_enable", obj=user, summary="Bật xác thực hai bước")
    return codes


@transaction.atomic
def two_factor_disable(*, user: User, password: str, code: str, actor: User) -> None:
    if not user.check_password(password):
        raise ValidationError(_("Mật khẩu chưa đúng."))
    if not two_factor_verify(user=user, code=code):
        raise ValidationError(_("Mã xác thực chưa đúng hoặc đã được dùng."))
    TwoFactorDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit(actor=actor, action="account.2fa_disable", obj=user, summary="Tắt xác thực hai bước")


@transaction.atomic
def two_factor_new_recovery_codes(*, user: User, code: str, actor: User) -> list[str]:
    if not two_factor_verify(user=user, code=code):
        raise ValidationError(_("Mã xác thực chưa đúng hoặc đã được dùng."))
    codes = _new_recovery_codes(user)
    audit(actor=actor, action="account.2fa_recovery_codes", obj=user, summary="Tạo lại mã dự phòng")
    return codes


@transaction.atomic
def two_factor_verify(*, user: User, code: str) -> bool:
    """Check a code from the app (each step usable once) or a recovery code (usable once)."""
    device = TwoFactorDevice.objects.select_for_update().filter(user=user).first()
    if device is None:
        return False
    step = totp.match(device.secret, code, after_step=device.last_used_step)
    if step is not None:
        device.last_used_step = step
        device.save(update_fields=["last_used_step", "updated_at"])
        return True
    cleaned = code.replace("-", "").replace(" ", "").strip().upper()
    if len(cleaned) == 10:
        used = RecoveryCode.objects.filter(
            user=user, code_hash=_hash_recovery(cleaned), used_at__isnull=True
        ).update(used_at=timezone.now())
        if used:
            audit(
                actor=user, action="account.2fa_recovery_used", obj=user, summary="Đăng nhập bằng mã dự phòng"
            )
            return True
    return False


def has_two_factor(user: User) -> bool:
    return TwoFactorDevice.objects.filter(user=user).exists()
