"""JSON API of training: public certificate verification (the same minimum the verify page shows)."""

from __future__ import annotations

from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from canhgiac.core.api import json_error, json_ok
from canhgiac.core.ratelimit import ratelimit

from .models import Certificate


@require_GET
@ratelimit("training-verify-api", limit=60, window=60, methods=("GET",))
def certificate_verify(request, code: str):
    certificate = (
        Certificate.objects.only("code", "person_name", "course_title", "issued_at", "revoked_at")
        .filter(code=code.strip().upper()[:20])
        .first()
    )
    if certificate is None:
        return json_error("Không có giấy chứng nhận nào mang mã này.", status=404, code="not_found")
    return json_ok(
        {
            "code": certificate.code,
            "status": "valid" if certificate.is_valid else "revoked",
            "person_name": certificate.person_name,
            "course_title": certificate.course_title,
            "issued_on": timezone.localtime(certificate.issued_at).date().isoformat(),
        }
    )


urlpatterns = [path("chung-nhan/<str:code>", certificate_verify, name="certificate_verify")]

OPENAPI = {
    "paths": {
        "/api/v1/chung-nhan/{code}": {
            "get": {
                "summary": "Xác minh giấy chứng nhận hoàn thành khóa học",
                "description": "Trả về tình trạng (hợp lệ / đã thu hồi) và tối thiểu thông tin: họ tên, khóa học, ngày cấp.",
                "parameters": [
                    {
                        "name": "code",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": "CN-ABCD-EFGH",
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Giấy chứng nhận",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/CertificateStatus"}}
                        },
                    },
                    "404": {
                        "description": "Không có mã này",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                    "429": {"description": "Tra cứu quá nhanh"},
                },
            }
        }
    },
    "components": {
        "schemas": {
            "CertificateStatus": {
                "type": "object",
                "required": ["code", "status", "person_name", "course_title", "issued_on"],
                "properties": {
                    "code": {"type": "string"},
                    "status": {"type": "string", "enum": ["valid", "revoked"]},
                    "person_name": {"type": "string"},
                    "course_title": {"type": "string"},
                    "issued_on": {"type": "string", "format": "date"},
                },
            }
        }
    },
}
