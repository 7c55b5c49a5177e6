"""What an uploaded file really is, read from its content: magic bytes, zip structure, the SVG tree.

The extension and the browser's content type are never trusted. A file is accepted only when its content is
one of FORMATS and fits the limits of the material kind chosen; everything else gets a Vietnamese message
that says what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET  # noqa: S405 - DOCTYPE/ENTITY are refused before parsing

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024


@dataclass(frozen=True)
class FormatSpec:
    code: str
    label: str
    ext: str
    content_type: str
    kinds: frozenset[str]


def _spec(code, label, ext, content_type, *kinds):
    return code, FormatSpec(code, label, ext, content_type, frozenset(kinds))


FORMATS: dict[str, FormatSpec] = dict(
    [
        _spec("pdf", "PDF", "pdf", "application/pdf", "document", "slides"),
        _spec(
            "docx",
            "Word (.docx)",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "word",
        ),
        _spec("odt", "OpenDocument (.odt)", "odt", "application/vnd.oasis.opendocument.text", "word"),
        _spec(
            "pptx",
            "PowerPoint (.pptx)",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "slides",
        ),
        _spec(
            "odp", "OpenDocument (.odp)", "odp", "application/vnd.oasis.opendocument.presentation", "slides"
        ),
        _spec("mp4", "Video MP4", "mp4", "video/mp4", "video"),
        _spec("mov", "Video MOV", "mov", "video/quicktime", "video"),
        _spec("webm", "Video WebM", "webm", "video/webm", "video"),
        _spec("png", "Ảnh PNG", "png", "image/png", "image"),
        _spec("jpeg", "Ảnh JPEG", "jpg", "image/jpeg", "image"),
        _spec("gif", "Ảnh GIF", "gif", "image/gif", "image"),
        _spec("webp", "Ảnh WebP", "webp", "image/webp", "image"),
        _spec("svg", "Ảnh SVG", "svg", "image/svg+xml", "image"),
    ]
)

# The largest file accepted for each kind of material.
SIZE_LIMITS: dict[str, int] = {
    "slides": 100 * MB,
    "document": 50 * MB,
    "word": 20 * MB,
    "video": 500 * MB,
    "image": 10 * MB,
}
MAX_UPLOAD = max(SIZE_LIMITS.values())

# Zip-based documents: refuse archives that would expand absurdly (zip bombs).
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_EXPANDED = 1024 * MB

ACCEPTED_HELP = _(
    "PDF; Word (.docx, .odt); PowerPoint (.pptx, .odp); video MP4, MOV, WebM; ảnh PNG, JPEG, GIF, WebP, SVG."
)

_EXECUTABLES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "chương trình Windows (.exe, .dll)"),
    (b"\x7fELF", "chương trình Linux/Android (ELF)"),
    (b"\xfe\xed\xfa\xce", "chương trình macOS"),
    (b"\xfe\xed\xfa\xcf", "chương trình macOS"),
    (b"\xce\xfa\xed\xfe", "chương trình macOS"),
    (b"\xcf\xfa\xed\xfe", "chương trình macOS"),
    (b"\xca\xfe\xba\xbe", "chương trình macOS/Java"),
    (b"#!", "tập lệnh (script)"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "lối tắt Windows (.lnk)"),
    (b"dex\n", "mã chương trình Android (.dex)"),
)


def human_size(size: int) -> str:
    """12582912 → "12 MB"; 1536 → "1,5 KB" (Vietnamese decimal comma)."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text.replace('.', ',')} {unit}"
    return f"{size} byte"


def _read_head(upload, n: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def _zip_format(upload, name: str) -> str:
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_ZIP_EXPANDED:
                raise ValidationError(
                    _("Tệp “%(name)s” bung ra quá lớn so với dung lượng thật (nghi tệp nén độc hại).")
                    % {"name": name}
                )
            names = {i.filename for i in infos}
            lowered = {n.lower() for n in names}
            if any(n.endswith("vbaproject.bin") for n in lowered):
                raise ValidationError(
                    _(
                        "Tệp “%(name)s” có chứa macro (mã lệnh tự chạy). Hãy lưu lại dưới dạng .docx/.pptx "
                        "không macro hoặc PDF rồi tải lên."
                    )
                    % {"name": name}
                )
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].strip()
                if mimetype == b"application/vnd.oasis.opendocument.text":
                    return "odt"
                if mimetype == b"application/vnd.oasis.opendocument.presentation":
                    return "odp"
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "ppt/presentation.xml" in names:
                    return "pptx"
                if "xl/workbook.xml" in names:
                    raise ValidationError(
                        _("Tệp “%(name)s” là bảng tính Excel; thư viện tài liệu không nhận bảng tính.")
                        % {"name": name}
                    )
            if "androidmanifest.xml" in lowered or any(n.endswith(".dex") for n in lowered):
                raise ValidationError(
                    _(
                        "Tệp “%(name)s” thực chất là tệp cài đặt ứng dụng Android (APK), không phải tài liệu. "
                        "Hệ thống không nhận tệp chương trình."
                    )
                    % {"name": name}
                )
            if any(
                n.endswith((".exe", ".dll", ".bat", ".cmd", ".scr", ".js", ".vbs", ".ps1")) for n in lowered
            ):
                raise ValidationError(
                    _("Tệp “%(name)s” là tệp nén có chứa chương trình chạy được; hệ thống không nhận.")
                    % {"name": name}
                )
    except zipfile.BadZipFile:
        raise ValidationError(
            _("Tệp “%(name)s” bị hỏng hoặc chưa tải lên trọn vẹn; hãy kiểm tra lại tệp gốc.") % {"name": name}
        ) from None
    finally:
        upload.seek(0)
    raise ValidationError(
        _("Tệp “%(name)s” là tệp nén (zip), không phải tài liệu. Thư viện nhận: %(accepted)s")
        % {"name": name, "accepted": ACCEPTED_HELP}
    )


_SVG_BAD_TAGS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.I)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _check_svg(data: bytes, name: str) -> None:
    script_error = ValidationError(
        _(
            "Ảnh SVG “%(name)s” có chứa mã lệnh (thẻ script, thuộc tính sự kiện on…, hoặc liên kết javascript:). "
            "Hãy xuất lại ảnh dưới dạng PNG, hoặc SVG không có mã lệnh, rồi tải lên."
        )
        % {"name": name}
    )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Ảnh SVG “%(name)s” không phải văn bản UTF-8 hợp lệ.") % {"name": name}
        ) from None
    if re.search(r"<!(doctype|entity)", text, re.I):
        raise ValidationError(
            _("Ảnh SVG “%(name)s” có khai báo DOCTYPE/ENTITY; hãy xuất lại ảnh ở dạng SVG thuần.")
            % {"name": name}
        )
    try:
        root = ET.fromstring(text)  # noqa: S314 - no DOCTYPE, hence no entity expansion
    except ET.ParseError:
        raise ValidationError(
            _("Ảnh SVG “%(name)s” bị lỗi cấu trúc, không đọc được.") % {"name": name}
        ) from None
    if _local(root.tag) != "svg":
        raise ValidationError(
            _("Không nhận ra định dạng của tệp “%(name)s”. Thư viện nhận: %(accepted)s")
            % {"name": name, "accepted": ACCEPTED_HELP}
        )
    for element in root.iter():
        if _local(element.tag) in _SVG_BAD_TAGS:
            raise script_error
        if _local(element.tag) == "style" and re.search(
            r"javascript:|expression\(|@import|behavior:", element.text or "", re.I
        ):
            raise script_error
        for attr, value in element.attrib.items():
            local = _local(attr)
            if local.startswith("on"):
                raise script_error
            folded = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if ("javascript:" in folded or "vbscript:" in folded) or (
                local in {"href", "src"} and folded.startswith("data:") and not _SAFE_DATA_IMAGE.match(folded)
            ):
                raise script_error


def detect_format(upload, name: str) -> str:
    """The format code of an uploaded file, read from its bytes; ValidationError when not acceptable."""
    head = _read_head(upload)
    if not head:
        raise ValidationError(_("Tệp “%(name)s” rỗng (0 byte); hãy chọn lại tệp.") % {"name": name})
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for magic, what in _EXECUTABLES:
        if head.startswith(magic):
            shown = f".{ext}" if ext else _("không có đuôi")
            raise ValidationError(
                _(
                    "Tệp “%(name)s” thực chất là %(what)s, dù tên tệp ghi là %(ext)s. Thư viện chỉ nhận bài giảng, "
                    "tài liệu, video và hình ảnh; hệ thống không lưu tệp chương trình."
                )
                % {"name": name, "what": what, "ext": shown}
            )
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(upload, name)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ValidationError(
            _(
                "Tệp “%(name)s” dùng định dạng Office cũ (.doc, .ppt) hoặc là gói cài đặt (.msi). Hãy lưu lại "
                "thành .docx, .pptx hoặc PDF rồi tải lên."
            )
            % {"name": name}
        )
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "mov" if brand == b"qt  " else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "webm"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        upload.seek(0)
        _check_svg(upload.read(), name)
        upload.seek(0)
        return "svg"
    if stripped[:15].lower().startswith((b"<!doctype html", b"<html")):
        raise ValidationError(
            _("Tệp “%(name)s” là một trang web (HTML), không phải tài liệu; hệ thống không nhận.")
            % {"name": name}
        )
    raise ValidationError(
        _("Không nhận ra định dạng của tệp “%(name)s”. Thư viện nhận: %(accepted)s")
        % {"name": name, "accepted": ACCEPTED_HELP}
    )


def validate_upload(upload, *, kind: str, kind_label: str) -> FormatSpec:
    """Check an uploaded file for a material of `kind`; returns its real format or raises ValidationError."""
    name = (getattr(upload, "name", "") or "tệp").rsplit("/", 1)[-1][:120]
    limit = SIZE_LIMITS[kind]
    if upload.size > limit:
        raise ValidationError(
            _(
                "Tệp “%(name)s” nặng %(size)s, vượt giới hạn %(limit)s cho loại “%(kind)s”. Hãy nén, giảm độ "
                "phân giải hoặc chia nhỏ tệp rồi tải lên lại."
            )
            % {"name": name, "size": human_size(upload.size), "limit": human_size(limit), "kind": kind_label}
        )
    spec = FORMATS[detect_format(upload, name)]
    if kind not in spec.kinds:
        raise ValidationError(
            _("Bạn chọn loại “%(kind)s” nhưng tệp “%(name)s” là %(format)s. Hãy chọn đúng loại tài liệu.")
            % {"kind": kind_label, "name": name, "format": spec.label}
        )
    return spec


def stored_path(folder: str, file_format: str, filename: str) -> str:
    """Where a checked upload is stored: a server-chosen name with the extension of its detected format."""
    from pathlib import Path

    from canhgiac.core.uploads import server_path

    spec = FORMATS.get(file_format)
    return server_path(folder, spec.ext if spec else Path(filename).suffix.lstrip(".")[:5])


def serve_checked(field, file_format: str, *, stem: str, inline: bool = False):
    """A checked upload served back under `stem` + its format's extension, with its format's content type."""
    from canhgiac.core.uploads import serve_stored

    spec = FORMATS.get(file_format)
    return serve_stored(
        field,
        filename=f"{stem}.{spec.ext if spec else 'bin'}",
        content_type=spec.content_type if spec else "application/octet-stream",
        inline=inline,
    )
