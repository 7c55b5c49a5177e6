"""A small allowlist HTML sanitiser for lesson text (no dependency: the standard library's HTML parser).

Only the tags and attributes below survive; everything else is dropped (its text kept, except inside
script/style/iframe-like elements, which go entirely). Links keep http(s)/mailto addresses only and always
open safely. Text and attribute values are re-escaped, so the output is safe to mark as safe.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "mark", "small", "sub", "sup",
    "ul", "ol", "li", "blockquote", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td",
    "figure", "figcaption", "dl", "dt", "dd", "abbr",
}  # fmt: skip
VOID_TAGS = {"br", "hr"}
DROP_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "svg",
    "math",
    "textarea",
    "select",
}
ALLOWED_ATTRS = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_href(value: str) -> str | None:
    value = "".join(ch for ch in value.strip() if ch >= " ")
    lowered = value.lower()
    if lowered.startswith(SAFE_SCHEMES) or value.startswith(("/", "#")) and not value.startswith("//"):
        return value
    return None


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_CONTENT:
            self.dropping += 1
            return
        if self.dropping or tag not in ALLOWED_TAGS:
            return
        kept = []
        for name, value in attrs:
            if name not in ALLOWED_ATTRS.get(tag, ()) or value is None:
                continue
            if name == "href":
                value = _safe_href(value)
                if value is None:
                    continue
            if name in {"colspan", "rowspan", "start"} and not value.isdigit():
                continue
            kept.append(f' {name}="{escape(value, quote=True)}"')
        if tag == "a":
            kept.append(' rel="noopener noreferrer nofollow"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in DROP_CONTENT:
            return
        self.handle_starttag(tag, attrs)
        if (
            tag in ALLOWED_TAGS
            and tag not in VOID_TAGS
            and self.open
            and self.open[-1] == tag
            and not self.dropping
        ):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in DROP_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:  # close whatever was left open inside it
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def close(self):
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def clean_html(html: str | None) -> str:
    """Keep only allowlisted markup; the result is safe to render with |safe."""
    if not html:
        return ""
    cleaner = _Cleaner()
    cleaner.feed(str(html))
    cleaner.close()
    return "".join(cleaner.out).strip()
