import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from canhgiac.core.ratelimit import hit, ratelimit

from . import services, totp
from .forms import (
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    ResetForm,
    TwoFactorCodeForm,
    TwoFactorDisableForm,
)
from .models import User

PENDING_KEY = "canhgiac_2fa_pending"
SETUP_KEY = "canhgiac_2fa_setup_secret"
PENDING_SECONDS = 300


@method_decorator(ratelimit("login", limit=30, window=60), name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if services.has_two_factor(user):
            # The password was right; the session is opened only after the second factor.
            self.request.session[PENDING_KEY] = {
                "uid": user.pk,
                "at": time.time(),
                "next": self.get_success_url(),
                "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
            }
            return redirect("accounts:two_factor")
        return super().form_valid(form)


@never_cache
def two_factor(request):
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        messages.warning(request, "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại thư điện tử và mật khẩu.")
        return redirect("accounts:login")
    user = User.objects.filter(pk=pending["uid"], is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not hit("2fa", str(user.pk), limit=5, window=300):
            form.add_error("code", "Nhập sai quá nhiều lần. Vui lòng chờ 5 phút rồi thử lại.")
        elif services.two_factor_verify(user=user, code=form.cleaned_data["code"]):
            del request.session[PENDING_KEY]
            login(request, user, backend=pending["backend"])
            return redirect(pending["next"])
        else:
            form.add_error(
                "code", "Mã xác thực chưa đúng hoặc đã được dùng. Hãy nhập mã đang hiện trong ứng dụng."
            )
    return render(request, "accounts/two_factor.html", {"form": form})


@login_required
def security(request):
    """Two-factor authentication: set it up with an authenticator app, renew recovery codes, or turn it off."""
    user = request.user
    enabled = services.has_two_factor(user)
    context = {"enabled": enabled, "required": request.GET.get("bat-buoc") == "1"}
    action = request.POST.get("action")
    if enabled:
        disable_form = TwoFactorDisableForm(request.POST if action == "disable" else None)
        codes_form = TwoFactorCodeForm(request.POST if action == "codes" else None)
        try:
            if action == "disable" and disable_form.is_valid():
                services.two_factor_disable(
                    user=user,
                    password=disable_form.cleaned_data["password"],
                    code=disable_form.cleaned_data["code"],
                    actor=user,
                )
                messages.success(request, "Đã tắt xác thực hai bước.")
                return redirect("accounts:security")
            if action == "codes" and codes_form.is_valid():
                context["recovery_codes"] = services.two_factor_new_recovery_codes(
                    user=user, code=codes_form.cleaned_data["code"], actor=user
                )
        except ValidationError as exc:
            (disable_form if action == "disable" else codes_form).add_error("code", exc.messages[0])
        context.update(disable_form=disable_form, codes_form=codes_form)
        return render(request, "accounts/security.html", context)

    secret = request.session.get(SETUP_KEY) or totp.new_secret()
    request.session[SETUP_KEY] = secret
    form = TwoFactorCodeForm(request.POST if action == "enable" else None)
    if action == "enable" and form.is_valid():
        try:
            context["recovery_codes"] = services.two_factor_enable(
                user=user, secret=secret, code=form.cleaned_data["code"], actor=user
            )
            del request.session[SETUP_KEY]
            context["enabled"] = True
            messages.success(request, "Đã bật xác thực hai bước. Hãy cất giữ các mã dự phòng bên dưới.")
            return render(request, "accounts/security.html", context)
        except ValidationError as exc:
            form.add_error("code", exc.messages[0])
    uri = totp.provisioning_uri(secret, account=user.email, issuer=f"Cảnh giác {settings.PROVINCE_NAME}")
    context.update(
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        qr=segno.make(uri, error="m").svg_data_uri(scale=5, border=2),
    )
    return render(request, "accounts/security.html", context)


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = ResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        from django.contrib import messages

        messages.success(self.request, "Đã đổi mật khẩu.")
        return super().form_valid(form)


@login_required
def profile(request):
    memberships = (
        request.user.memberships.filter(is_active=True).select_related("unit").order_by("unit__path")
    )
    return render(request, "accounts/profile.html", {"memberships": memberships})
