"""Seed the real organisation tree of the configured province, idempotently (by unit code).

Communes, wards and special zones come from `vietnam-provinces` (the 2025 two-level structure, official codes);
the blocks and provincial agencies from data/province_<code>.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Unit

DATA_DIR = Path(__file__).resolve().parent / "data"

_DIVISION_KIND = {"phường": Unit.Kind.WARD, "xã": Unit.Kind.COMMUNE, "đặc khu": Unit.Kind.SPECIAL_ZONE}


def province_wards(province_code: int) -> list[dict]:
    from vietnam_provinces import ProvinceCode, Ward

    wards = []
    for ward in Ward.iter_by_province(ProvinceCode(province_code)):
        code = f"{int(ward.code):05d}"
        wards.append(
            {
                "code": code,
                "official_code": code,
                "name": ward.name,
                "kind": _DIVISION_KIND.get(str(ward.division_type.value), Unit.Kind.OTHER),
            }
        )
    return wards


def _ensure(parent: Unit | None, spec: dict) -> tuple[Unit, bool]:
    unit = Unit.objects.filter(code=spec["code"]).first()
    if unit is not None:
        return unit, False
    fields = {
        "code": spec["code"],
        "name": spec["name"],
        "short_name": spec.get("short_name", ""),
        "kind": spec.get("kind", Unit.Kind.OTHER),
        "official_code": spec.get("official_code", ""),
    }
    if parent is None:
        return Unit.objects.add_root(fields), True
    return Unit.objects.add_child(parent, fields), True


@transaction.atomic
def seed_province(province_code: int | None = None) -> dict:
    """Create the province's tree; returns how many units were created and how many exist."""
    province_code = province_code or settings.PROVINCE_CODE
    path = DATA_DIR / f"province_{province_code}.json"
    if not path.exists():
        raise FileNotFoundError(f"Chưa có dữ liệu khối, cơ quan cho tỉnh mã {province_code}: {path}")
    data = json.loads(path.read_text(encoding="utf-8"))
    created = 0
    root, new = _ensure(
        None, {**data["root"], "kind": Unit.Kind.PROVINCE, "official_code": f"{province_code:02d}"}
    )
    created += new

    def walk(parent: Unit, specs):
        nonlocal created
        for spec in specs:
            unit, new = _ensure(parent, spec)
            created += new
            children = spec.get("units")
            if children == "wards":
                walk(unit, province_wards(province_code))
            elif children:
                walk(unit, children)

    for block in data["blocks"]:
        block_unit, new = _ensure(root, {**block, "kind": Unit.Kind.BLOCK})
        created += new
        children = block.get("units")
        walk(block_unit, province_wards(province_code) if children == "wards" else children or [])
    return {"created": created, "total": Unit.objects.count(), "root": root}
