"""Password-free staff access: personal links and short personal codes, and the staff session they open.

Reusable by later apps (campaigns uses it for QR check-in at conferences):

    from canhgiac.training.access import current_person, staff_required

    @staff_required
    def my_view(request):
        person = request.staff_person      # an org.Person

Secrets are shown once, when issued; only digests are stored. A link token has 256 bits of randomness, so a
plain SHA-256 is the right digest. A code is short (8 characters from an unambiguous alphabet, ~40 bits) and is
digested with HMAC-SHA-256 under a key derived from SECRET_KEY, so a copy of the database alone does not let
anyone brute-force the codes; typing codes is rate limited per address and per code.

The staff session lives under its own session key, apart from an official's login: the session id is rotated
on entry, and every request re-checks that the credential is still valid, so revoking it ends the session.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .models import StaffAccess

SESSION_KEY = "training_staff"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed without mistakes
CODE_LENGTH = 8
LINK_BYTES = 32


def link_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _code_key() -> bytes:
    return hashlib.sha256(f"canhgiac.training.code:{settings.SECRET_KEY}".encode()).digest()


def normalize_code(raw: str) -> str:
    """What a person typed → the canonical code: upper case, without spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:32]


def code_digest(code: str) -> str:
    return hmac.new(_code_key(), normalize_code(code).encode(), hashlib.sha256).hexdigest()


def new_link_token() -> str:
    return secrets.token_urlsafe(LINK_BYTES)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def link_url(token: str, request=None) -> str:
    path = reverse("training:enter_link", args=[token])
    return request.build_absolute_uri(path) if request is not None else f"{settings.SITE_URL}{path}"


# --- the staff session ---------------------------------------------------------------------------------


@dataclass
class Lookup:
    access: StaffAccess | None
    problem: str = ""  # "", "unknown", "revoked", "expired", "inactive"


def find_access(*, kind: str, secret: str) -> Lookup:
    digest = link_digest(secret) if kind == StaffAccess.Kind.LINK else code_digest(secret)
    access = (
        StaffAccess.objects.select_related("person", "person__unit").filter(kind=kind, digest=digest).first()
    )
    if access is None:
        return Lookup(None, "unknown")
    if access.revoked_at is not None:
        return Lookup(access, "revoked")
    if access.expires_at <= timezone.now():
        return Lookup(access, "expired")
    if access.person.status != access.person.Status.ACTIVE:
        return Lookup(access, "inactive")
    return Lookup(access)


def login_staff(request, access: StaffAccess) -> None:
    """Open a staff session for the access's person: a fresh session id, the person under our own key."""
    if request.session.session_key is not None:
        request.session.cycle_key()  # an existing session gets a new id (no fixation); a new one is created fresh
    request.session[SESSION_KEY] = {"a": access.pk, "p": access.person_id}
    StaffAccess.objects.filter(pk=access.pk).update(last_used_at=timezone.now(), use_count=F("use_count") + 1)
    request.staff_access = access
    request.staff_person = access.person


def logout_staff(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
    request.staff_person = None


def current_person(request):
    """The org.Person of this browser's staff session, or None (one query, cached on the request)."""
    if hasattr(request, "staff_person"):
        return request.staff_person
    person = None
    data = request.session.get(SESSION_KEY)
    if isinstance(data, dict) and data.get("a"):
        access = (
            StaffAccess.objects.usable()
            .select_related("person", "person__unit")
            .filter(pk=data["a"], person_id=data.get("p"), person__status="active")
            .first()
        )
        if access is None:
            request.session.pop(SESSION_KEY, None)
        else:
            request.staff_access = access
            person = access.person
    request.staff_person = person
    return person


def staff_required(view):
    """The view needs a staff session; without one, the visitor is sent to the code page and comes back."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if current_person(request) is None:
            if request.headers.get("HX-Request"):
                from django.http import HttpResponse

                response = HttpResponse(
                    "Phiên học tập đã hết. Hãy mở lại đường dẫn cá nhân hoặc nhập mã cá nhân.", status=401
                )
                response["HX-Redirect"] = reverse("training:enter_code")
                return response
            return redirect(f"{reverse('training:enter_code')}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapped


# --- entry views (mounted by training/urls.py; campaigns may link to them with ?next=) -------------------

ENTRY_FAILURES = {"limit": 30, "window": 600}  # failed tries per address per 10 minutes

PROBLEM_MESSAGES = {
    "unknown": "Đường dẫn hoặc mã này không đúng. Hãy kiểm tra lại phiếu đơn vị phát cho bạn.",
    "revoked": "Đường dẫn hoặc mã này đã bị thu hồi (có thể đơn vị vừa cấp mã mới). Hãy dùng phiếu mới nhất hoặc "
    "liên hệ đầu mối đơn vị.",
    "expired": "Đường dẫn hoặc mã này đã hết hạn. Hãy đề nghị đầu mối đơn vị cấp mã mới.",
    "inactive": "Bạn không còn trong danh sách đang công tác của đơn vị. Hãy liên hệ đầu mối đơn vị.",
}


def _safe_next(request, default: str) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=False
    ):
        return target
    return default


def _failed(request) -> bool:
    """Count a failed try; True when this address has failed too often."""
    from canhgiac.core.middleware import client_ip
    from canhgiac.core.ratelimit import hit

    return not hit("training-entry", client_ip(request), **ENTRY_FAILURES)


def _too_many(request) -> bool:
    from canhgiac.core.middleware import client_ip
    from canhgiac.core.ratelimit import is_limited

    # Refuse the try after the limit-th failure: "30 failed tries per 10 minutes", not 31.
    return is_limited(
        "training-entry",
        client_ip(request),
        limit=ENTRY_FAILURES["limit"] - 1,
        window=ENTRY_FAILURES["window"],
    )


def _limited_response(request):
    from django.shortcuts import render

    response = render(request, "429.html", {"retry_after": ENTRY_FAILURES["window"]}, status=429)
    response["Retry-After"] = str(ENTRY_FAILURES["window"])
    return response


def enter_link(request, token: str):
    """A personal link: open the staff session and go on to the learning page (the token leaves the URL bar)."""
    from django.shortcuts import render

    if _too_many(request):
        return _limited_response(request)
    found = find_access(kind=StaffAccess.Kind.LINK, secret=token[:100])
    if found.problem:
        _failed(request)
        return render(
            request,
            "training/enter_problem.html",
            {"message": PROBLEM_MESSAGES[found.problem], "problem": found.problem},
            status=403 if found.problem != "unknown" else 404,
        )
    login_staff(request, found.access)
    return redirect(_safe_next(request, reverse("training:staff_home")))


def enter_code(request):
    """The page where a staff member types the short personal code printed on the unit's sheet."""
    from django.shortcuts import render

    from .forms import CodeEntryForm

    form = CodeEntryForm(request.POST or None)
    if request.method == "POST":
        if _too_many(request):
            return _limited_response(request)
        if form.is_valid():
            found = find_access(kind=StaffAccess.Kind.CODE, secret=form.cleaned_data["code"])
            if not found.problem:
                login_staff(request, found.access)
                return redirect(_safe_next(request, reverse("training:staff_home")))
            if _failed(request):
                return _limited_response(request)
            form.add_error("code", PROBLEM_MESSAGES[found.problem])
    return render(
        request,
        "training/enter_code.html",
        {"form": form, "next": _safe_next(request, ""), "person": current_person(request)},
        status=400 if request.method == "POST" else 200,
    )


def staff_logout(request):
    if request.method == "POST":
        logout_staff(request)
        from django.contrib import messages

        messages.info(request, "Bạn đã thoát khỏi phiên học tập trên thiết bị này.")
    return redirect("training:index")
