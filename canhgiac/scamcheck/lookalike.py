"""Look-alike domains of banks, agencies and large brands.

Criminals register names that read like the real thing: Cyrillic or Greek letters that look Latin
("vietcombаnk.com", shown in the browser as punycode xn--…), Vietnamese letters ("vietcombạnk"), digits for
letters ("vietc0mbank", "agr1bank"), "rn" for "m", one letter off ("vietconbank"), the brand plus words
("vietcombank-hotro.com", "xacminh-vcb.top"), the right name on the wrong ending ("vietcombank.com",
"dichvucong.vn") or the real domain hidden in a subdomain ("vietcombank.com.vn.dang-nhap.top").

A host is compared with the protected brands through a *skeleton*: fold diacritics, map confusable letters and
digits to one representative, drop hyphens. Typos are found with the symmetric-delete trick (every string
with one character removed), so checking a host costs a few dictionary look-ups, not an edit-distance loop
over every brand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from canhgiac.core.text import fold

from .banks import all_banks
from .links import Link, host_matches

# Letters from other scripts that render like Latin ones (a working subset of Unicode confusables).
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "һ": "h",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ӏ": "l",
        "ь": "b",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        # Latin look-alikes
        "ı": "i",
        "ł": "l",
        "ɡ": "g",
        "ɑ": "a",
        "ſ": "s",
        "ß": "ss",
    }
)
# Digits and letters that are read as one another; every member of a class maps to its representative.
_SWAPS = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "|": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
)
_MULTI = (("rn", "m"), ("vv", "w"), ("cl", "d"))


def skeleton(text: str) -> str:
    """The visual skeleton of a host label: "Vietc0mbаnk" (Cyrillic а) → "vletcombank"."""
    text = fold(text.translate(_CONFUSABLES)).translate(_CONFUSABLES)
    text = text.translate(_SWAPS).replace("-", "").replace("_", "")
    for pair, single in _MULTI:
        text = text.replace(pair, single)
    return text


@dataclass(frozen=True)
class Brand:
    name: str
    domains: tuple[str, ...]
    tokens: tuple[
        str, ...
    ]  # distinctive names: found as a part of a host ("vcb-hotro") or, if long, inside a label
    kind: str = "bank"  # bank | agency | company

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"


# Agencies and companies whose names criminals borrow. Banks come from banks.json.
AGENCIES = (
    Brand("Cổng Dịch vụ công quốc gia", ("dichvucong.gov.vn",), ("dichvucong",), "agency"),
    Brand("Chính phủ", ("chinhphu.vn",), ("chinhphu",), "agency"),
    Brand("Bộ Công an", ("bocongan.gov.vn",), ("bocongan",), "agency"),
    Brand("VNeID", ("vneid.gov.vn",), ("vneid",), "agency"),
    Brand("Bảo hiểm xã hội Việt Nam", ("baohiemxahoi.gov.vn",), ("baohiemxahoi", "bhxh", "vssid"), "agency"),
    Brand("Cơ quan Thuế", ("gdt.gov.vn",), ("thuedientu", "tongcucthue"), "agency"),
    Brand("Ngân hàng Nhà nước", ("sbv.gov.vn",), ("nganhangnhanuoc",), "agency"),
    Brand("Điện lực Việt Nam", ("evn.com.vn",), ("evn", "dienluc"), "company"),
    Brand(
        "Viettel",
        ("viettel.vn", "viettel.com.vn", "viettelpost.com.vn", "viettelmoney.vn"),
        ("viettel",),
        "company",
    ),
    Brand("VinaPhone", ("vinaphone.com.vn",), ("vinaphone",), "company"),
    Brand("MobiFone", ("mobifone.vn",), ("mobifone",), "company"),
    Brand("Bưu điện Việt Nam", ("vnpost.vn",), ("vnpost",), "company"),
    Brand("Shopee", ("shopee.vn", "shopeefood.vn"), ("shopee",), "company"),
    Brand("Lazada", ("lazada.vn",), ("lazada",), "company"),
    Brand("Tín nhiệm mạng", ("tinnhiemmang.vn",), ("tinnhiemmang",), "agency"),
    Brand("Facebook", ("facebook.com", "fb.com", "fb.me", "messenger.com"), ("facebook",), "company"),
    Brand("Zalo", ("zalo.me", "zalo.vn", "zaloapp.com"), ("zalo",), "company"),
    Brand("Telegram", ("telegram.org", "t.me", "telegram.me"), ("telegram",), "company"),
    Brand("TikTok", ("tiktok.com",), ("tiktok",), "company"),
    Brand("Google", ("google.com", "google.com.vn", "forms.gle", "goo.gl"), ("google",), "company"),
)

MIN_SUBSTRING = 6  # tokens at least this long are found inside a label ("hotrovietcombank")
MIN_PART = 3  # shorter tokens only as a whole part between hyphens or dots ("vcb-hotro")
MIN_TYPO = 5  # typos are looked for on tokens at least this long

# strength: how much the finding adds to a message's score (see analyzer.scoring)
STRENGTH = {
    "homograph": 4.0,
    "official_in_subdomain": 4.0,
    "wrong_suffix": 3.5,
    "digit_swap": 3.5,
    "typo": 3.0,
    "brand_with_words": 3.0,
    "government": 3.0,
}
REASONS = {
    "homograph": _("dùng chữ cái của bảng chữ khác (Kirin, Hy Lạp…) hoặc chữ có dấu để giả tên %(brand)s"),
    "official_in_subdomain": _("giấu tên miền thật của %(brand)s ở phần đầu một tên miền khác"),
    "wrong_suffix": _("đúng tên %(brand)s nhưng sai đuôi tên miền (tên miền chính thức: %(official)s)"),
    "digit_swap": _("thay chữ bằng số hoặc ký tự na ná để giả tên %(brand)s"),
    "typo": _("sai khác một, hai ký tự so với tên %(brand)s"),
    "brand_with_words": _("ghép tên %(brand)s với từ khác, không phải tên miền chính thức (%(official)s)"),
    "government": _("mạo danh cơ quan nhà nước nhưng không dùng đuôi .gov.vn"),
}


@dataclass(frozen=True)
class Finding:
    brand: str
    official: str
    reason: str  # a key of REASONS

    @property
    def strength(self) -> float:
        return STRENGTH[self.reason]

    @property
    def text(self) -> str:
        return str(REASONS[self.reason]) % {"brand": self.brand, "official": self.official}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


class Detector:
    """Compares hosts with a fixed set of brands and official domains (build once, use many times)."""

    def __init__(self, brands: tuple[Brand, ...], official_domains: frozenset[str] = frozenset()):
        self.brands = brands
        self.official = frozenset(official_domains) | {d for b in brands for d in b.domains}
        self.exact: dict[str, Brand] = {}  # token -> brand
        self.skeletons: dict[str, tuple[Brand, str]] = {}  # skeleton -> (brand, token)
        self.deletes: dict[str, list[tuple[Brand, str]]] = {}
        self.long_tokens: list[tuple[str, Brand]] = []
        for brand in brands:
            for token in brand.tokens:
                self.exact.setdefault(token, brand)
                sk = skeleton(token)
                self.skeletons.setdefault(sk, (brand, token))
                if len(token) >= MIN_TYPO:
                    for variant in _deletes(sk) | {sk}:
                        self.deletes.setdefault(variant, []).append((brand, token))
                if len(token) >= MIN_SUBSTRING:
                    self.long_tokens.append((token, brand))
        self.long_tokens.sort(key=lambda item: -len(item[0]))
        self._check = lru_cache(maxsize=4096)(self._check_host)

    def is_official(self, host: str) -> bool:
        return any(host_matches(host, domain) for domain in self.official)

    def check(self, link: Link) -> Finding | None:
        if link.is_ip:
            return None
        return self._check(link.host, link.unicode_host, link.suffix, link.label, link.subdomain)

    def _official_of(self, brand: Brand) -> str:
        return brand.domains[0] if brand.domains else ""

    def _check_host(
        self, host: str, unicode_host: str, suffix: str, label: str, subdomain: str
    ) -> Finding | None:
        if self.is_official(host):
            return None
        is_gov = suffix == "gov.vn" or suffix.endswith(".gov.vn")
        unicode_label = (
            unicode_host[: -len(suffix) - 1] if suffix and unicode_host.endswith(suffix) else label
        )
        unicode_label = unicode_label.rsplit(".", 1)[-1]
        # 1. A real official domain inside the subdomain: vietcombank.com.vn.dang-nhap.top
        if subdomain:
            for domain in self.official:
                if f".{domain}." in f".{subdomain}." or subdomain.endswith(domain):
                    brand = self._brand_of_domain(domain)
                    return Finding(brand.name if brand else domain, domain, "official_in_subdomain")
        if is_gov:
            return None  # only government bodies can register under gov.vn
        # 2. The whole label, compared as written, by skeleton and with one edit.
        parts = [
            p for p in re.split(r"[-.]", f"{subdomain}.{unicode_label}" if subdomain else unicode_label) if p
        ]
        label_plain = unicode_label.replace("-", "")
        candidates = [label_plain] + [p for p in parts if p != label_plain]
        for candidate in candidates:
            whole = candidate == label_plain and "-" not in unicode_label
            finding = self._compare(candidate, host_is_idn=unicode_host != host, whole=whole)
            if finding:
                return finding
        # 3. A distinctive brand name inside the label with other words: hotrovietcombank, vietcombank-online.
        folded_label = fold(unicode_label).replace("-", "")
        for token, brand in self.long_tokens:
            if token in folded_label or (subdomain and token in fold(subdomain).replace("-", "")):
                return Finding(brand.name, self._official_of(brand), "brand_with_words")
        # 4. Government words on a domain that is not under gov.vn.
        if any(p in {"gov", "govvn", "chinhphu"} for p in (fold(x) for x in parts)) or "gov-vn" in host:
            return Finding(str(_("cơ quan nhà nước")), "gov.vn", "government")
        return None

    def _brand_of_domain(self, domain: str) -> Brand | None:
        for brand in self.brands:
            if domain in brand.domains:
                return brand
        return None

    def _compare(self, candidate: str, *, host_is_idn: bool, whole: bool) -> Finding | None:
        folded = fold(candidate)
        brand = self.exact.get(folded)
        if brand is not None:
            if len(folded) < MIN_PART:
                return None
            if folded != candidate.lower() or host_is_idn:
                return Finding(brand.name, self._official_of(brand), "homograph")
            if whole:
                return Finding(brand.name, self._official_of(brand), "wrong_suffix")
            return Finding(brand.name, self._official_of(brand), "brand_with_words")
        sk = skeleton(candidate)
        if len(sk) < MIN_TYPO - 1:
            return None
        hit = self.skeletons.get(sk)
        if hit is not None:
            reason = "homograph" if (host_is_idn or not candidate.isascii()) else "digit_swap"
            return Finding(hit[0].name, self._official_of(hit[0]), reason)
        if len(sk) < MIN_TYPO:
            return None
        for variant in _deletes(sk) | {sk}:
            for brand, token in self.deletes.get(variant, ()):
                token_sk = skeleton(token)
                limit = 1 if len(token_sk) < 9 else 2
                if sk != token_sk and _distance(sk, token_sk) <= limit:
                    reason = "homograph" if (host_is_idn or not candidate.isascii()) else "typo"
                    return Finding(brand.name, self._official_of(brand), reason)
        return None


# Short bank codes that people and criminals use as names ("vcb-hotro"); other three-letter codes are too
# common in unrelated names to mean a bank.
SHORT_BANK_TOKENS = frozenset(
    {"vcb", "bidv", "acb", "tcb", "vib", "shb", "msb", "ocb", "scb", "ncb", "vpb", "tpb"}
)
# Aliases that are ordinary words on their own.
_GENERIC = frozenset({"agri", "cake", "timo", "sacom", "mb"})


def bank_brands() -> tuple[Brand, ...]:
    out = []
    for bank in all_banks():
        names = {a for a in bank.aliases if " " not in a} | {
            bank.code.lower(),
            bank.short.lower().replace(" ", ""),
        }
        names |= {domain.split(".")[0] for domain in bank.domains}
        tokens = {
            name
            for name in names
            if name not in _GENERIC and (len(name) >= 5 or name in SHORT_BANK_TOKENS or name == "momo")
        }
        out.append(Brand(bank.short, bank.domains, tuple(sorted(tokens)), "bank"))
    return tuple(out)


@lru_cache(maxsize=8)
def detector_for(official_domains: frozenset[str] = frozenset()) -> Detector:
    return Detector(bank_brands() + AGENCIES, official_domains)
