"""Snapshots of a method (fields, red flags, examples, related) and the list of changes between two of them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import ScamMethod

# Fields kept in a snapshot, with the label shown in the history.
FIELDS: list[tuple[str, str]] = [
    ("name", "Tên phương thức"),
    ("group", "Nhóm"),
    ("summary", "Tóm tắt"),
    ("steps", "Diễn biến"),
    ("do_list", "Nên làm"),
    ("dont_list", "Không bao giờ làm"),
    ("channels", "Kênh tiếp cận"),
    ("targets", "Đối tượng nhắm tới"),
    ("severity", "Mức độ nguy hiểm"),
    ("legal_basis", "Căn cứ pháp lý"),
    ("keywords", "Từ khóa tìm kiếm"),
    ("is_published", "Trạng thái công bố"),
]


def snapshot(method: ScamMethod) -> dict:
    """The whole content of a method as plain JSON (red flags and examples ordered)."""
    data = {name: getattr(method, name) for name, _label in FIELDS}
    data["slug"] = method.slug
    data["red_flags"] = [
        {"code": f.code, "text": f.text, "patterns": list(f.patterns), "weight": f.weight, "order": f.order}
        for f in method.red_flags.all().order_by("order", "id")
    ]
    data["examples"] = [
        {"channel": e.channel, "sender": e.sender, "text": e.text}
        for e in method.examples.all().order_by("order", "id")
    ]
    data["related"] = sorted(method.related.values_list("slug", flat=True))
    return data


def _show(value, field: str = "") -> str:
    from .models import Channel

    if field == "group" and value:
        return str(dict(ScamMethod.Group.choices).get(value, value))
    if field == "severity" and value:
        return str(dict(ScamMethod.Severity.choices).get(value, value))
    if field == "channels" and isinstance(value, list):
        labels = dict(Channel.choices)
        return ", ".join(str(labels.get(v, v)) for v in value)
    if isinstance(value, bool):
        return _("Đã công bố") if value else _("Chưa công bố")
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def diff(before: dict | None, after: dict) -> list[dict]:
    """What changed, field by field and red flag by red flag, as {"field", "before", "after"} rows."""
    before = before or {}
    rows = []
    for name, label in FIELDS:
        if before.get(name) != after.get(name):
            rows.append(
                {
                    "field": label,
                    "before": _show(before.get(name), name),
                    "after": _show(after.get(name), name),
                }
            )
    old_flags = {f["code"]: f for f in before.get("red_flags", [])}
    new_flags = {f["code"]: f for f in after.get("red_flags", [])}
    for code, flag in new_flags.items():
        old = old_flags.get(code)
        if old is None:
            rows.append(
                {"field": _("Thêm dấu hiệu %(c)s") % {"c": code}, "before": "", "after": flag["text"]}
            )
        elif old != flag:
            rows.append(
                {
                    "field": _("Sửa dấu hiệu %(c)s") % {"c": code},
                    "before": f"{old['text']}\n{_show(old['patterns'])}\n{_('trọng số')} {old['weight']}",
                    "after": f"{flag['text']}\n{_show(flag['patterns'])}\n{_('trọng số')} {flag['weight']}",
                }
            )
    for code, flag in old_flags.items():
        if code not in new_flags:
            rows.append({"field": _("Xóa dấu hiệu %(c)s") % {"c": code}, "before": flag["text"], "after": ""})
    if before.get("examples", []) != after.get("examples", []):
        rows.append(
            {
                "field": _("Tin nhắn minh họa"),
                "before": "\n\n".join(e["text"] for e in before.get("examples", [])),
                "after": "\n\n".join(e["text"] for e in after.get("examples", [])),
            }
        )
    if before.get("related", []) != after.get("related", []):
        rows.append(
            {
                "field": _("Phương thức liên quan"),
                "before": ", ".join(before.get("related", [])),
                "after": ", ".join(after.get("related", [])),
            }
        )
    return rows
