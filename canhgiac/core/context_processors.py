from django.conf import settings

from .nav import items_for


def site(request):
    user = getattr(request, "user", None)
    return {
        "nav_items": items_for(user, request.path),
        "province_name": settings.PROVINCE_NAME,
        "police_agency_name": settings.POLICE_AGENCY_NAME,
    }
