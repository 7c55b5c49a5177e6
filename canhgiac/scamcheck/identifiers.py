"""Identifiers (phone numbers, bank accounts, links, social profiles) normalised from however people type them.

Canonical forms (the `value` of an Identifier; `kind:value` is also what the k-anonymity API hashes):

| kind           | value                                   | examples typed                                   |
|----------------|-----------------------------------------|--------------------------------------------------|
| `phone`        | E.164, or the short code itself         | 0912 345 678, +84-912.345.678, 0162 345 6789, 113 |
| `bank_account` | digits only (the bank is the qualifier) | VCB 0011 0041 23456, STK: 19034567890123 TCB      |
| `url`          | see `links.Link.key`                    | hxxps://hotro.vietcombank-xacminh[.]com/otp      |
| `social`       | platform:handle                         | facebook.com/ten.nguoi, t.me/abc, zalo.me/09…    |
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from phonenumbers import carrier

from canhgiac.core.text import fold

from .banks import Bank, banks_by_code, find_bank, find_banks
from .links import Link, parse_link, refang

PHONE = "phone"
BANK_ACCOUNT = "bank_account"
URL = "url"
SOCIAL = "social"
BRANDNAME = "brandname"
TEXT = "text"
KINDS = (PHONE, BANK_ACCOUNT, URL, SOCIAL)

# Emergency and service short codes people look up on their own.
SHORT_CODES = frozenset({"111", "112", "113", "114", "115", "156", "5656"})
# The 2018 move of 11-digit mobile numbers to 10 digits: old prefix -> new prefix.
OLD_MOBILE_PREFIXES = {
    "0162": "032",
    "0163": "033",
    "0164": "034",
    "0165": "035",
    "0166": "036",
    "0167": "037",
    "0168": "038",
    "0169": "039",
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}
SOCIAL_PLATFORMS = {
    "facebook": "Facebook",
    "zalo": "Zalo",
    "telegram": "Telegram",
    "tiktok": "TikTok",
}
_FACEBOOK_HOSTS = {
    "facebook.com",
    "m.facebook.com",
    "web.facebook.com",
    "mbasic.facebook.com",
    "touch.facebook.com",
    "business.facebook.com",
    "fb.com",
    "fb.me",
    "m.me",
}
_FACEBOOK_NOT_PROFILES = {
    "watch",
    "reel",
    "reels",
    "photo",
    "photo.php",
    "photos",
    "story.php",
    "permalink.php",
    "events",
    "marketplace",
    "gaming",
    "help",
    "login",
    "login.php",
    "home.php",
    "hashtag",
    "search",
    "ads",
    "privacy",
    "policies",
    "settings",
    "notifications",
    "messages",
    "friends",
    "dialog",
    "sharer",
    "sharer.php",
    "l.php",
    "plugins",
}
_HANDLE = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
_TELEGRAM_HANDLE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")

# Words people put around what they paste: "SĐT:", "số tài khoản", "STK", "Zalo", "hotline" ...
_PHONE_LABELS = re.compile(
    r"^(?:sdt|so dien thoai|dien thoai|dt|tel|phone|hotline|di dong|so|goi)\s*[:.]?\s*"
)
_ACCOUNT_LABELS = re.compile(
    r"\b(?:so tai khoan|so tk|stk|tai khoan|tk|chu tai khoan|chu tk|ctk|ngan hang|nh|account|acc|no)\b[:.]?"
)
_SOCIAL_WORDS = re.compile(
    r"^(?P<platform>facebook|fb|zalo|telegram|tele|tg|tiktok|tik tok)\s*[:.]?\s*(?P<handle>\S.*)$",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"(?<![\d])\d(?:[ .\-]?\d){5,18}(?![\d])")
_MOBILE_STARTS = frozenset({"03", "05", "07", "08", "09"})
_MONEY = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


@dataclass(frozen=True)
class Parsed:
    """One identifier in canonical form."""

    kind: str
    value: str
    qualifier: str = ""  # the bank code of a bank account
    display: str = ""
    detail: str = ""  # "Di động Viettel", "Vietcombank", "Telegram" ...
    link: Link | None = field(default=None, compare=False)

    @property
    def canonical(self) -> str:
        """What the k-anonymity API hashes: "kind:value" (bank accounts without the bank)."""
        return f"{self.kind}:{self.value}"

    @property
    def bank(self) -> Bank | None:
        return banks_by_code().get(self.qualifier) if self.kind == BANK_ACCOUNT else None


# --- phones ----------------------------------------------------------------------------------------------


def _phone_digits(text: str) -> str | None:
    s = fold(text)
    s = _PHONE_LABELS.sub("", s)
    s = re.sub(r"[\s().\-/]", "", s)
    if s.startswith("00"):
        s = "+" + s[2:]
    if not re.fullmatch(r"\+?\d{3,15}", s):
        return None
    return s


def parse_phone(text: str | None) -> Parsed | None:
    """A phone number as typed → Parsed (E.164), or None when it is not a valid number."""
    if not text or len(text) > 40:
        return None
    digits = _phone_digits(text)
    if digits is None:
        return None
    if digits in SHORT_CODES:
        return Parsed(PHONE, digits, display=digits, detail=_("Số dịch vụ ngắn"))
    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        digits = OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:]
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.country_code == 84:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        kind = phonenumbers.number_type(number)
        if kind == phonenumbers.PhoneNumberType.MOBILE:
            name = carrier.name_for_number(number, "vi")
            detail = _("Di động %(carrier)s (theo đầu số)") % {"carrier": name} if name else _("Di động")
        elif kind == phonenumbers.PhoneNumberType.FIXED_LINE:
            detail = _("Cố định")
        elif kind in (phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST):
            detail = _("Tổng đài 1800/1900")
        else:
            detail = ""
    else:
        display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        region = phonenumbers.region_code_for_number(number) or ""
        detail = _("Số nước ngoài (%(region)s)") % {"region": region} if region else _("Số nước ngoài")
    return Parsed(PHONE, e164, display=display, detail=detail)


# --- bank accounts -------------------------------------------------------------------------------------


def _account_display(digits: str, bank: Bank | None) -> str:
    return f"{digits} — {bank.short}" if bank else digits


def make_bank_account(digits: str, bank: Bank | None) -> Parsed:
    return Parsed(
        BANK_ACCOUNT,
        digits,
        qualifier=bank.code if bank else "",
        display=_account_display(digits, bank),
        detail=bank.name if bank else _("Chưa rõ ngân hàng"),
    )


def parse_bank_account(text: str | None, *, bank: str | Bank | None = None) -> Parsed | None:
    """An account number with or without its bank ("VCB 0011 0041 23456") → Parsed; None if not one."""
    if not text or len(text) > 200:
        return None
    folded = fold(text)
    found = find_bank(folded)
    chosen = bank if isinstance(bank, Bank) else None
    if isinstance(bank, str) and bank:
        chosen = banks_by_code().get(bank.upper())
        if chosen is None:
            found_given = find_bank(fold(bank))
            chosen = found_given[0] if found_given else None
    rest = folded
    if found:
        chosen = chosen or found[0]
        rest = folded[: found[1]] + " " + folded[found[2] :]
    runs = [m.group(0) for m in _DIGIT_RUN.finditer(rest)]
    if len(runs) != 1 or _MONEY.match(runs[0]):
        return None
    digits = re.sub(r"\D", "", runs[0])
    if not 6 <= len(digits) <= 19:
        return None
    return make_bank_account(digits, chosen)


# --- social profiles -----------------------------------------------------------------------------------


def _social(platform: str, handle: str, display: str | None = None) -> Parsed:
    return Parsed(
        SOCIAL,
        f"{platform}:{handle}",
        display=display or f"{SOCIAL_PLATFORMS[platform]}: {handle}",
        detail=SOCIAL_PLATFORMS[platform],
    )


def _social_from_url(text: str) -> Parsed | None:
    raw = refang(text)
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if host.startswith("www."):
        host = host[4:]
    segments = [s for s in parts.path.split("/") if s]
    if host in _FACEBOOK_HOSTS:
        if not segments:
            return None
        first = segments[0]
        if first.lower() == "profile.php":
            ids = parse_qs(parts.query).get("id", [])
            if ids and ids[0].isdigit():
                return _social("facebook", f"id:{ids[0]}", f"Facebook: profile.php?id={ids[0]}")
            return None
        if first.lower() == "people" and len(segments) >= 3 and segments[2].isdigit():
            return _social("facebook", f"id:{segments[2]}")
        if first.lower() == "groups" and len(segments) >= 2:
            return _social("facebook", f"group:{segments[1].lower()}", f"Facebook (nhóm): {segments[1]}")
        if first.lower() == "share" and len(segments) >= 2:
            return None  # a share link: treated as a link (host + path), not as a profile
        if first.lower() in _FACEBOOK_NOT_PROFILES or not _HANDLE.match(first):
            return None
        return _social("facebook", first.lower())
    if host == "zalo.me" or host == "chat.zalo.me":
        if not segments:
            return None
        if segments[0] == "g" and len(segments) >= 2:
            return _social("zalo", f"g/{segments[1]}", f"Zalo (nhóm): {segments[1]}")
        phone = parse_phone(segments[0])
        if phone is not None and phone.value.startswith("+"):
            return _social("zalo", phone.value, f"Zalo: {phone.display}")
        if _HANDLE.match(segments[0]):
            return _social("zalo", segments[0].lower())
        return None
    if host in {"t.me", "telegram.me", "telegram.dog"}:
        if not segments:
            return None
        first = segments[0]
        if first == "joinchat" and len(segments) >= 2:
            return _social("telegram", f"+{segments[1]}", f"Telegram (nhóm mời): {segments[1]}")
        if first.startswith("+") and len(first) > 3:
            return _social("telegram", first, f"Telegram (nhóm mời): {first[1:]}")
        if first.lower() == "s" and len(segments) >= 2:
            first = segments[1]
        if _TELEGRAM_HANDLE.match(first):
            return _social("telegram", first.lower(), f"Telegram: @{first}")
        return None
    if host in {"tiktok.com", "m.tiktok.com"}:
        if segments and segments[0].startswith("@") and _HANDLE.match(segments[0][1:]):
            return _social("tiktok", segments[0][1:].lower(), f"TikTok: {segments[0]}")
        return None
    return None


def parse_social(text: str | None) -> list[Parsed]:
    """A social profile as typed: a profile link, or "telegram @abc", "zalo 0912…", "fb: ten.nguoi".

    A bare "@abc" could be Telegram or TikTok: both are returned.
    """
    if not text or len(text) > 300:
        return []
    text = text.strip()
    if (
        any(ch.isspace() for ch in text) is False
        and ("/" in text or "." in text)
        and not text.startswith("@")
    ):
        found = _social_from_url(text)
        return [found] if found else []
    match = _SOCIAL_WORDS.match(text)
    if match:
        platform = match.group("platform").lower().replace(" ", "")
        platform = {"fb": "facebook", "tele": "telegram", "tg": "telegram"}.get(platform, platform)
        # The handle as typed (Telegram invite codes are case-sensitive).
        handle = match.group("handle").strip()
        if platform == "zalo":
            phone = parse_phone(handle)
            if phone is not None and phone.value.startswith("+"):
                return [_social("zalo", phone.value, f"Zalo: {phone.display}")]
        if "/" in handle or ("." in handle and platform != "facebook"):
            found = _social_from_url(handle)
            return [found] if found else []
        handle = handle.lstrip("@")
        if " " in handle:
            return []
        if platform == "telegram" and _TELEGRAM_HANDLE.match(handle):
            return [_social("telegram", handle.lower(), f"Telegram: @{handle}")]
        if platform in {"facebook", "tiktok", "zalo"} and _HANDLE.match(handle):
            return [_social(platform, handle.lower())]
        return []
    if text.startswith("@") and " " not in text:
        handle = text[1:]
        out = []
        if _TELEGRAM_HANDLE.match(handle):
            out.append(_social("telegram", handle.lower(), f"Telegram: @{handle}"))
        if _HANDLE.match(handle):
            out.append(_social("tiktok", handle.lower(), f"TikTok: @{handle}"))
        return out
    return []


# --- links ----------------------------------------------------------------------------------------------


def parse_url(text: str | None) -> Parsed | None:
    link = parse_link(text)
    if link is None:
        return None
    return Parsed(URL, link.key, display=link.display, detail=link.unicode_host, link=link)


# --- one entry point ------------------------------------------------------------------------------------


def normalise(kind: str, raw: str, *, bank: str | None = None) -> Parsed:
    """Normalise `raw` as an identifier of `kind`; ValidationError (Vietnamese) when it is not one."""
    raw = (raw or "").strip()
    if kind == PHONE:
        parsed = parse_phone(raw)
        if parsed is None:
            raise ValidationError(
                _("“%(raw)s” không phải số điện thoại hợp lệ. Nhập 10 số (ví dụ 0912 345 678) hoặc dạng +84…")
                % {"raw": raw[:40]}
            )
        return parsed
    if kind == BANK_ACCOUNT:
        parsed = parse_bank_account(raw, bank=bank)
        if parsed is None:
            raise ValidationError(
                _("“%(raw)s” không phải số tài khoản: cần từ 6 đến 19 chữ số, có thể kèm tên ngân hàng.")
                % {"raw": raw[:60]}
            )
        return parsed
    if kind == URL:
        social = parse_social(raw)
        parsed = social[0] if social else parse_url(raw)
        if parsed is None:
            raise ValidationError(
                _("“%(raw)s” không phải đường link hay tên miền hợp lệ (ví dụ: tenmien.com).")
                % {"raw": raw[:80]}
            )
        return parsed
    if kind == SOCIAL:
        found = parse_social(raw)
        if not found:
            raise ValidationError(
                _(
                    "“%(raw)s” không phải tài khoản mạng xã hội nhận diện được. Dán đường link trang cá nhân "
                    "(facebook.com/…, zalo.me/…, t.me/…, tiktok.com/@…) hoặc ghi “telegram @ten”."
                )
                % {"raw": raw[:80]}
            )
        return found[0]
    raise ValidationError(_("Loại định danh không hợp lệ."))


def _account_residue(folded: str) -> int:
    """How many words remain once the bank names, account labels and the number are taken out."""
    rest = _DIGIT_RUN.sub(" ", folded)
    for _bank, start, end in sorted(find_banks(rest), key=lambda b: -b[1]):
        rest = rest[:start] + " " + rest[end:]
    rest = _ACCOUNT_LABELS.sub(" ", rest)
    words = [w for w in re.split(r"[\s:.,;/()\-–—]+", rest) if w]
    if any("." in w or "/" in w for w in folded.split() if not re.fullmatch(r"[\d.]+", w)):
        return 99  # a link inside: not a bare account
    return len(words)


def classify(query: str) -> list[Parsed]:
    """What a single search query is: one identifier (or two readings of it), or [] for free text."""
    q = (query or "").strip()
    if not q or len(q) > 300 or "\n" in q:
        return []
    social = parse_social(q)
    if social:
        return social
    phone = parse_phone(q)
    if phone is not None:
        # 10 digits may be a phone number and also an account number (many banks allow that): look up both.
        digits = re.sub(r"\D", "", q)
        out = [phone]
        if digits.startswith("84") and len(digits) == 11:
            digits = "0" + digits[2:]
        if len(digits) == 10 and digits[:2] in _MOBILE_STARTS:
            out.append(make_bank_account(digits, None))
        return out
    folded = fold(q)
    if len(folded.split()) > 12:
        return []  # a sentence, not an identifier: the analyzer reads it
    has_bank = find_bank(folded) is not None
    has_label = bool(_ACCOUNT_LABELS.search(folded))
    digits_only = re.fullmatch(r"[\d .\-]+", q) is not None
    if digits_only and not (has_bank or has_label):
        digits = re.sub(r"\D", "", q)
        if len(digits) < 8 or (digits[:2] in _MOBILE_STARTS and len(digits) in (9, 11)):
            return []  # a mistyped phone number more likely than an account: the page says what to check
    if has_bank or has_label or digits_only:
        account = parse_bank_account(q)
        if account is not None and _account_residue(folded) <= 5:
            # Whatever is left once the number and the bank are gone must be labels or a holder's name.
            return [account]
    if " " not in q:
        url = parse_url(q)
        if url is not None:
            return [url]
    return []


# --- finding identifiers inside a message --------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    parsed: Parsed
    start: int  # span in the original text
    end: int


_DOT = r"(?:\.|\[\.\]|\(\.\))"
_URL_IN_TEXT = re.compile(
    r"(?:(?:h(?:tt|xx)ps?|ftp)(?:\[:\]|:)//[^\s<>\"'`]+)"  # with a scheme
    r"|(?:(?<![\w@.-])(?:[\w-]{1,63}" + _DOT + r")+[a-z]{2,24}(?![\w-])(?:[/?#][^\s<>\"'`]*)?)",  # bare host
    re.IGNORECASE,
)
_PHONE_IN_TEXT = re.compile(
    r"(?<![\w+])(?:(?:\+|00)?84[ .\-]?|0)(?:\(?\d\)?[ .\-]?){8,10}(?!\d)"
    r"|(?<![\w])1[89]00(?:[ .\-]?\d){4,6}(?!\d)"
)
_HANDLE_IN_TEXT = re.compile(
    r"(?P<platform>telegram|tele|tiktok|zalo)\s*[:.]?\s*@(?P<handle>[A-Za-z0-9_.]{3,32})", re.IGNORECASE
)
_ACCOUNT_CONTEXT = re.compile(
    r"(?:so tai khoan|so tk|stk|tai khoan|\btk\b|chuyen khoan|\bck\b|chuyen tien|nap tien|account|vi dien tu)"
)


def extract(text: str, folded: str | None = None, index: list[int] | None = None) -> list[Found]:
    """Every identifier found in a message, in order, without overlaps."""
    from .textmap import fold_with_map, original_span

    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _URL_IN_TEXT.finditer(text):
        raw = match.group(0).rstrip(".,;:!?)]}>'\"…»”’")
        start, end = match.start(), match.start() + len(raw)
        social = _social_from_url(raw)
        parsed = social or parse_url(raw)
        if parsed is None:
            continue
        found.append(Found(parsed, start, end))
        taken.append((start, end))
    for match in _HANDLE_IN_TEXT.finditer(text):
        if not free(match.start(), match.end()):
            continue
        parsed_list = parse_social(f"{match.group('platform')} @{match.group('handle')}")
        if parsed_list:
            found.append(Found(parsed_list[0], match.start(), match.end()))
            taken.append((match.start(), match.end()))
    for match in _PHONE_IN_TEXT.finditer(text):
        if not free(match.start(), match.end()):
            continue
        raw = match.group(0).rstrip(" .-(")
        parsed = parse_phone(raw)
        if parsed is not None:
            found.append(Found(parsed, match.start(), match.start() + len(raw)))
            taken.append((match.start(), match.start() + len(raw)))
    if folded is None or index is None:
        folded, index = fold_with_map(text)
    banks = find_banks(folded)
    for match in _DIGIT_RUN.finditer(folded):
        start, end = original_span(index, text, match.start(), match.end())
        if not free(start, end) or _MONEY.match(match.group(0)):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        window_start, window_end = max(0, match.start() - 60), min(len(folded), match.end() + 40)
        near = [b for b in banks if b[2] > window_start and b[1] < window_end]
        context = _ACCOUNT_CONTEXT.search(folded, window_start, match.start())
        if not near and not context:
            continue
        if near:
            near.sort(key=lambda b: min(abs(b[1] - match.end()), abs(b[2] - match.start())))
        found.append(Found(make_bank_account(digits, near[0][0] if near else None), start, end))
        taken.append((start, end))
    found.sort(key=lambda f: f.start)
    return found


def as_typed(parsed: Parsed) -> str:
    """A way of writing the identifier that parses back to the same one (to prefill forms)."""
    if parsed.kind == PHONE:
        return parsed.display or parsed.value
    if parsed.kind == BANK_ACCOUNT:
        bank = parsed.bank
        return f"{bank.short} {parsed.value}" if bank else parsed.value
    if parsed.kind == URL:
        return parsed.link.url if parsed.link is not None else parsed.value
    if parsed.kind == SOCIAL:
        platform, _sep, handle = parsed.value.partition(":")
        if platform == "facebook":
            if handle.startswith("id:"):
                return f"facebook.com/profile.php?id={handle[3:]}"
            if handle.startswith("group:"):
                return f"facebook.com/groups/{handle[6:]}"
            return f"facebook.com/{handle}"
        if platform == "zalo":
            if handle.startswith("+84"):
                return f"zalo.me/0{handle[3:]}"
            return f"zalo.me/{handle}"
        if platform == "telegram":
            return f"t.me/{handle}" if not handle.startswith("+") else f"t.me/{handle}"
        if platform == "tiktok":
            return f"tiktok.com/@{handle}"
    return parsed.display or parsed.value
