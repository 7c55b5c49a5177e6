"""The message analyzer: why a message looks like a scam, explained.

`analyze(text)` combines
1. the red flags of the knowledge base found in the text (with or without diacritics), with their spans;
2. the identifiers in the text (phones, accounts, links, profiles) and what the checker knows about them;
3. link signals: look-alike domains of banks and agencies, shorteners, risky endings, raw IP addresses, app
   files (.apk), "user@host" tricks;
4. the linear model over character and word n-grams trained on the team's corpus;
into a verdict (scam / suspicious / no_signal), a score in [0, 1] and the likely methods.

Scoring (see docs/scamcheck.md and `combine.py`): five signals — the model's log-odds, the red flags, the link
signals, the message's shortness and its warning phrases — are weighed by a linear combination learned by
cross-validation and shipped with the model; a reported identifier adds +1.5, an allowlisted one −0.7, and a
police-verified identifier makes the verdict "scam" whatever the rest says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..identifiers import URL, Found, extract
from ..lookalike import Finding
from ..textmap import fold_with_map
from . import combine
from .model import load_model
from .redflags import FlagHit, match, published_methods

MAX_CHARS = 20_000
SCAM = "scam"
SUSPICIOUS = "suspicious"
NO_SIGNAL = "no_signal"
VERDICTS = (SCAM, SUSPICIOUS, NO_SIGNAL)

REPORTED_BONUS = 1.5
OFFICIAL_BONUS = -0.7
SCAM_AT = 0.9
SUSPICIOUS_AT = 0.5
LINK_SIGNALS = {
    "shortener": (1.0, "đường link rút gọn che giấu địa chỉ thật"),
    "risky_suffix": (1.2, "tên miền có đuôi rẻ tiền, thường bị dùng cho trang lừa đảo"),
    "ip_host": (1.5, "đường link trỏ thẳng tới địa chỉ IP, không có tên miền"),
    "apk": (2.5, "đường link tải tệp cài đặt ứng dụng (.apk) ngoài kho chính thức"),
    "userinfo": (2.5, "đường link dùng ký tự @ để đánh lừa về tên miền thật"),
}


@dataclass
class FoundIdentifier:
    found: Found
    status: str = "no_information"  # verified_scam | reported | no_information | official
    report_count: int = 0
    lookalike: Finding | None = None
    signals: list[str] = field(default_factory=list)  # keys of LINK_SIGNALS
    result: object = None  # selectors.ItemResult when looked up

    @property
    def parsed(self):
        return self.found.parsed

    def as_dict(self) -> dict:
        parsed = self.found.parsed
        out = {
            "kind": parsed.kind,
            "value": parsed.value,
            "display": parsed.display,
            "status": self.status,
            "span": [self.found.start, self.found.end],
        }
        if parsed.qualifier:
            out["bank"] = parsed.qualifier
        if self.report_count:
            out["reports"] = self.report_count
        if self.lookalike:
            out["lookalike"] = {
                "brand": self.lookalike.brand,
                "official": self.lookalike.official,
                "reason": self.lookalike.reason,
                "text": self.lookalike.text,
            }
        if self.signals:
            out["signals"] = list(self.signals)
        return out


@dataclass
class Analysis:
    text: str
    truncated: bool
    verdict: str
    score: float
    model_probability: float | None
    red_flags: list[FlagHit]
    identifiers: list[FoundIdentifier]
    methods: list[dict]  # {"slug", "name", "score"}
    reasons: list[str]

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "methods": [m["slug"] for m in self.methods],
            "red_flags": [hit.as_dict() for hit in self.red_flags],
            "identifiers": [item.as_dict() for item in self.identifiers],
            "reasons": self.reasons,
            "model_probability": self.model_probability,
            "truncated": self.truncated,
        }

    def segments(self) -> list[dict]:
        """The text cut into pieces for display: each piece is plain text, a red-flag match or an identifier.

        Identifiers (links above all) are kept whole so that templates can defang each piece safely.
        """
        marks: list[tuple[int, int, str, str]] = []  # start, end, kind, label
        for item in self.identifiers:
            marks.append((item.found.start, item.found.end, "identifier", item.status))
        for hit in self.red_flags:
            for start, end in hit.spans:
                marks.append((start, end, "flag", hit.text))
        # Whitespace-free tokens with a dot (anything that may read as a host) are atomic too.
        boundaries = sorted(marks, key=lambda m: (m[0], -(m[1] - m[0])))
        pieces: list[dict] = []
        position = 0
        for start, end, kind, label in boundaries:
            if start < position:
                continue  # overlaps a piece already placed
            start, end = _widen_to_token(self.text, start, end)
            if start < position:
                start = position
            if start > position:
                pieces.append({"text": self.text[position:start], "kind": "plain", "label": ""})
            pieces.append({"text": self.text[start:end], "kind": kind, "label": label})
            position = end
        if position < len(self.text):
            pieces.append({"text": self.text[position:], "kind": "plain", "label": ""})
        return pieces


def _widen_to_token(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span to the whole white-space-delimited token when that token contains a dot (a host)."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    token = text[left:right]
    if "." in token.strip(".,;:!?") and any(ch.isalpha() for ch in token):
        return left, right
    return start, end


_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def sanitize(text: str) -> tuple[str, bool]:
    """Cut to MAX_CHARS and replace what cannot be shown (control characters, lone surrogates) one for one."""
    text = str(text or "")
    truncated = len(text) > MAX_CHARS
    text = text[:MAX_CHARS]
    return _UNSHOWABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else " ", text), truncated


def _link_signals(item: FoundIdentifier, detector) -> None:
    link = item.found.parsed.link
    if link is None:
        return
    if link.is_ip:
        item.signals.append("ip_host")
    if link.is_shortener:
        item.signals.append("shortener")
    if link.is_risky_suffix:
        item.signals.append("risky_suffix")
    if link.is_apk:
        item.signals.append("apk")
    if link.has_userinfo:
        item.signals.append("userinfo")
    if detector is not None:
        item.lookalike = detector.check(link)


def evidence(text: str, folded: str, index: list[int], *, rules=None, detector=None, names=None):
    """(red-flag hits, identifiers with their link signals, link strength): what the analyzer finds in a
    message before any database look-up. Training computes the same for the corpus."""
    hits = match(text, folded, index, rules, names)
    items = [FoundIdentifier(f) for f in extract(text, folded, index)]
    strength = 0.0
    for item in items:
        if item.parsed.kind == URL:
            _link_signals(item, detector)
            if item.lookalike is not None:
                strength += item.lookalike.strength
            strength += sum(LINK_SIGNALS[key][0] for key in item.signals)
    return hits, items, strength


def analyze(text: str, *, lookup: bool = True, model=None, rules=None) -> Analysis:
    """Analyse one message. `model` and `rules` replace the shipped model and the knowledge base's red flags
    (cross-validation trains a model per fold); by default the shipped ones are used."""
    from .. import selectors

    text, truncated = sanitize(text)
    folded, index = fold_with_map(text)
    hits, items, link_strength = evidence(
        text, folded, index, rules=rules, detector=selectors.lookalike_detector()
    )
    if lookup and items:
        results = selectors.lookup_many([item.parsed for item in items])
        for item in items:
            result = results.get(selectors.parsed_key(item.parsed))
            if result is not None:
                item.result = result
                item.status = result.status
                item.report_count = result.report_count
    else:
        for item in items:
            if selectors.official_entry(item.parsed) is not None:
                item.status = "official"

    if model is None:
        model = load_model()
    if model is not None and folded:
        probability, vector = model.score(folded)
        combiner = model.combiner or combine.RULES_ONLY
    else:
        probability, vector, combiner = None, None, combine.RULES_ONLY
    found = combine.signals(
        probability=probability,
        flag_weights=[hit.weight for hit in hits],
        link_strength=link_strength,
        words=len(folded.split()),
        folded=folded,
    )
    parts = combine.contributions(combiner, found)
    z = combiner["intercept"] + sum(parts.values())

    reasons: list[str] = []
    if probability is not None and parts["model"] > 0 and z >= combiner["suspicious_at"]:
        reasons.append("Cách hành văn giống các tin nhắn lừa đảo mà hệ thống đã học.")
    if hits:
        reasons.append(f"Có {len(hits)} dấu hiệu lừa đảo trong nội dung.")
        if parts["warning"] < 0:
            reasons.append(
                "Tin có lời lẽ của một cảnh báo, khuyến cáo về lừa đảo (nhắc đến thủ đoạn để người đọc tránh), "
                "nên các dấu hiệu trên được tính nhẹ hơn."
            )
    for item in items:
        if item.lookalike is not None:
            reasons.append(f"Tên miền {item.parsed.display} {item.lookalike.text}.")
        for key in item.signals:
            reasons.append(f"{item.parsed.display}: {LINK_SIGNALS[key][1]}.")

    statuses = {item.status for item in items}
    if "reported" in statuses:
        z += REPORTED_BONUS
        reasons.append("Tin nhắn có số điện thoại, tài khoản hoặc đường link đã bị người dân phản ánh.")
    if "official" in statuses and link_strength == 0 and not statuses & {"reported", "verified_scam"}:
        z += OFFICIAL_BONUS
    score = combine.score(z, combiner)
    if "verified_scam" in statuses:
        score = max(score, 0.98)
        reasons.insert(
            0, "Tin nhắn chứa số điện thoại, tài khoản hoặc đường link đã được Công an xác minh là lừa đảo."
        )
    verdict = SCAM if score >= SCAM_AT else SUSPICIOUS if score >= SUSPICIOUS_AT else NO_SIGNAL

    methods = []
    if verdict != NO_SIGNAL:  # ranking the 24 methods costs a third of the model's time: only when shown
        methods = _likely_methods(hits, model.rank(vector) if vector is not None else [], items)
    return Analysis(
        text=text,
        truncated=truncated,
        verdict=verdict,
        score=round(score, 3),
        model_probability=round(probability, 4) if probability is not None else None,
        red_flags=hits,
        identifiers=items,
        methods=methods,
        reasons=reasons,
    )


def _likely_methods(hits: list[FlagHit], model_methods: list[tuple[str, float]], items) -> list[dict]:
    published = published_methods()
    scores: dict[str, float] = {}
    for hit in hits:
        scores[hit.method_slug] = scores.get(hit.method_slug, 0.0) + 2.0 * max(0.0, hit.weight)
    if model_methods:
        # The model's own ranking, scaled so that its first choice counts 1 (a flag of weight 0.5).
        top = model_methods[0][1] or 1.0
        for slug, probability in model_methods[:3]:
            scores[slug] = scores.get(slug, 0.0) + probability / top
    for item in items:
        result = item.result
        method = getattr(result, "method", None) if result is not None else None
        if method is not None:
            scores[method.slug] = scores.get(method.slug, 0.0) + 2.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    out = []
    for slug, value in ranked:
        if slug not in published or value < 0.5:
            continue
        out.append({"slug": slug, "name": published[slug], "score": round(value, 2)})
        if len(out) == 3:
            break
    return out
