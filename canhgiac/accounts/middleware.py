"""Officials whose role requires two-factor authentication must set it up before using the product."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from canhgiac.core.scoping import user_roles

from .models import TwoFactorDevice


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.required = frozenset(getattr(settings, "TWO_FACTOR_REQUIRED_ROLES", ()))

    def __call__(self, request):
        if self._must_set_up(request):
            return redirect(reverse("accounts:security") + "?bat-buoc=1")
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        user = getattr(request, "user", None)
        if not self.required or user is None or not user.is_authenticated or self._allowed_path(request.path):
            return False
        return (
            bool(user_roles(user) & self.required) and not TwoFactorDevice.objects.filter(user=user).exists()
        )

    @staticmethod
    def _allowed_path(path: str) -> bool:
        allowed = (reverse("accounts:security"), reverse("accounts:logout"), settings.STATIC_URL, "/healthz")
        return path.startswith(allowed)
