"""Links and domains as people paste them, reduced to the identity a listing is about.

Nothing here ever fetches anything: tldextract runs on its bundled Public Suffix List snapshot
(`suffix_list_urls=()`, `cache_dir=None`) and IDNs are converted locally with `idna`.

The identity (`Link.key`) of a link is:
- its registered domain ("hotro.vietcombank-xacminh.com/dang-nhap" → "vietcombank-xacminh.com"), because that is
  what a criminal registers and what a listing should cover;
- the whole host on shared hosting where each customer gets a subdomain ("abc.weebly.com", "abc.github.io");
- host + path on link shorteners and document platforms ("bit.ly/3AbCd", "sites.google.com/view/abc"), where the
  domain belongs to everybody and only the path is the criminal's;
- the address itself for raw IP addresses.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

import idna
import tldextract

MAX_URL_LENGTH = 2048

SHORTENERS = frozenset(
    {
        "bit.ly",
        "bitly.com",
        "tinyurl.com",
        "goo.gl",
        "cutt.ly",
        "rb.gy",
        "is.gd",
        "v.gd",
        "t.ly",
        "tiny.cc",
        "ow.ly",
        "shorturl.at",
        "s.id",
        "rebrand.ly",
        "shorturl.asia",
        "shorten.asia",
        "t.co",
        "lnkd.in",
        "buff.ly",
        "qrco.de",
        "urlz.fr",
        "surl.li",
    }
)
# Platforms where a path, not the domain, belongs to the person who made the page.
PATH_PLATFORMS = frozenset(
    {
        "sites.google.com",
        "docs.google.com",
        "drive.google.com",
        "forms.gle",
        "script.google.com",
        "linktr.ee",
        "heyzine.com",
        "form.jotform.com",
    }
)
# Website builders whose customers get a subdomain but which are not in the Public Suffix List's private part.
HOSTING_DOMAINS = frozenset(
    {
        "weebly.com",
        "wixsite.com",
        "wordpress.com",
        "000webhostapp.com",
        "godaddysites.com",
        "mystrikingly.com",
        "canva.site",
        "webflow.io",
        "square.site",
        "site123.me",
    }
)
# Endings that cost almost nothing to register and that legitimate Vietnamese banks and agencies do not use.
# A signal to weigh, never a verdict on its own.
RISKY_SUFFIXES = frozenset(
    {
        "top",
        "xyz",
        "club",
        "online",
        "site",
        "icu",
        "cyou",
        "buzz",
        "shop",
        "vip",
        "live",
        "life",
        "fun",
        "cc",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "work",
        "click",
        "link",
        "rest",
        "sbs",
        "monster",
        "bond",
        "win",
        "loan",
        "bid",
        "cam",
        "quest",
        "pw",
        "today",
        "support",
    }
)

_extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)

# Dots as people disarm them: [.], (.), {.}, [dot]
_FANGED_DOT = re.compile(r"\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s?", re.IGNORECASE)
_FANGED_SCHEME = re.compile(r"^h(?:xx|\*\*|tt)p(s?)(?:\[:\]|:)//", re.IGNORECASE)
_ASCII_HOST = re.compile(
    r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+$"
)
_TRAILING = ".,;:!?)]}>'\"…»”’"


@dataclass(frozen=True)
class Link:
    url: str  # as typed, refanged, without trailing punctuation
    host: str  # ASCII (punycode), lower-case, no "www."
    unicode_host: str  # for display and look-alike checks
    registered: str  # registered domain, ASCII ("" for IP addresses)
    suffix: str  # public suffix ("com", "com.vn", "github.io")
    label: str  # the registrable label ("vietcombank-xacminh")
    subdomain: str
    path: str
    key: str  # the identity a listing covers (see the module docstring)
    is_ip: bool = False
    is_idn: bool = False
    has_userinfo: bool = False
    is_shortener: bool = False

    @property
    def is_risky_suffix(self) -> bool:
        return self.suffix.rsplit(".", 1)[-1] in RISKY_SUFFIXES

    @property
    def is_apk(self) -> bool:
        return self.path.lower().endswith((".apk", ".xapk", ".apks"))

    @property
    def display(self) -> str:
        """The identity with a Unicode host, followed by its punycode form when they differ."""
        if self.is_idn:
            return f"{to_unicode_host(self.key)} ({self.key})"
        return self.key


def refang(text: str) -> str:
    text = _FANGED_DOT.sub(".", text.strip())
    return _FANGED_SCHEME.sub(lambda m: f"http{m.group(1)}://", text)


def to_ascii_host(host: str) -> str | None:
    """A host name in lower-case ASCII (punycode for IDNs); None when it cannot be a host name."""
    host = host.strip().rstrip(".").replace("\u3002", ".").replace("\uff0e", ".").replace("\uff61", ".")
    if not host or len(host) > 253:
        return None
    if host.isascii():
        host = host.lower()
        return host if _ASCII_HOST.match(host) else None
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        labels = []
        for label in host.lower().split("."):
            if label.isascii():
                labels.append(label)
                continue
            try:
                labels.append("xn--" + label.encode("punycode").decode("ascii"))
            except UnicodeError:
                return None
        ascii_host = ".".join(labels)
    ascii_host = ascii_host.lower()
    return ascii_host if _ASCII_HOST.match(ascii_host) else None


def to_unicode_host(ascii_host: str) -> str:
    if "xn--" not in ascii_host:
        return ascii_host
    labels = []
    for label in ascii_host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
                continue
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


@cache
def _ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def parse_link(text: str | None, *, require_known_suffix: bool = True) -> Link | None:
    """Parse a link or bare domain as typed; None when it is not one."""
    if not text:
        return None
    raw = refang(str(text))[:MAX_URL_LENGTH].strip().rstrip(_TRAILING)
    if not raw or any(ch.isspace() for ch in raw):
        return None
    candidate = raw if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw) else f"http://{raw}"
    try:
        parts = urlsplit(candidate)
        hostname = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https", "ftp"} or not hostname:
        return None
    hostname = unquote(hostname)
    if _ip(hostname):
        host = hostname.strip("[]")
        path = parts.path.rstrip("/")
        return Link(
            url=raw,
            host=host,
            unicode_host=host,
            registered="",
            suffix="",
            label=host,
            subdomain="",
            path=path,
            key=host,
            is_ip=True,
            has_userinfo="@" in parts.netloc,
        )
    host = to_ascii_host(hostname)
    if host is None:
        return None
    parsed = _extractor(host)
    if host.startswith("www.") and parsed.subdomain:
        host = host[4:]
        parsed = _extractor(host)
    if (not parsed.suffix or not parsed.domain) and require_known_suffix:
        return None
    registered = f"{parsed.domain}.{parsed.suffix}" if parsed.suffix and parsed.domain else host
    path = parts.path.rstrip("/")
    is_shortener = host in SHORTENERS
    if is_shortener or host in PATH_PLATFORMS:
        key = f"{host}{path}" if path else host
    elif registered in HOSTING_DOMAINS and parsed.subdomain:
        key = host
    else:
        key = registered
    unicode_host = to_unicode_host(host)
    return Link(
        url=raw,
        host=host,
        unicode_host=unicode_host,
        registered=registered,
        suffix=parsed.suffix,
        label=parsed.domain,
        subdomain=parsed.subdomain,
        path=path,
        key=key,
        is_idn=unicode_host != host,
        has_userinfo="@" in parts.netloc,
        is_shortener=is_shortener,
    )


def host_matches(host: str, domain: str) -> bool:
    """Whether `host` is `domain` or one of its subdomains."""
    return host == domain or host.endswith("." + domain)
