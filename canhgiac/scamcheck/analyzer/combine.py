"""How the analyzer weighs its evidence: a small linear combination learned by cross-validation.

Five numbers describe a message:

- `model`: the n-gram model's log-odds that the message is a scam (clipped to ±8);
- `flags`: the sum of the weights of the knowledge base's red flags found (at most 2.5);
- `links`: the strength of the link signals (look-alike domain 3–4, .apk 2.5, user@host 2.5, IP 1.5, risky ending
  1.2, shortener 1; at most 5);
- `short`: how far the message is below 12 words (0 to 1): a few words are little evidence;
- `warning`: how many phrases of warnings and advice it contains ("cảnh báo", "thủ đoạn", "kẻ gian", "đừng
  chuyển"…, at most 3): official warnings and friends' advice quote the very signs of a scam.

`z = intercept + Σ weight × value`. The weights and the two thresholds (`suspicious_at`, `scam_at`) are learned
when the model is trained (`training.train`): a logistic regression on out-of-fold predictions of the training
part, then the thresholds chosen on the same out-of-fold scores — "suspicious" for a target false-positive rate,
"scam" for a target precision. They ship in the model artifact. The score shown to people maps `z` monotonically
onto [0, 1] so that "suspicious" starts at exactly 0.5 and "scam" at exactly 0.9.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

FEATURES = ("model", "flags", "links", "short", "warning")
FLAG_CAP = 2.5
LINK_CAP = 5.0
MODEL_CLIP = 8.0
FULL_EVIDENCE_WORDS = 12
WARNING_CAP = 3
# Phrases of warnings and advice, on folded text. Shipped inside the model artifact: the weights were learned
# with this exact list (a test checks the artifact and the code agree).
WARNING_CUES = (
    r"\b(?:canh bao|khuyen cao|thu doan|ke gian|doi tuong|gia danh|mao danh|gia mao|nguoi dan|canh giac|lua dao"
    r"|tuyet doi khong|khong bao gio|dung (?:tin|chuyen|bam|lam theo|cung cap|dat)|bi lua|trinh bao)\b"
)
_WARNING = re.compile(WARNING_CUES)

# Without a model (artifact missing) the red flags and links decide alone, as a fixed rule.
RULES_ONLY = {
    "features": list(FEATURES),
    "weights": [0.0, 2.0, 1.0, 0.0, 0.0],
    "intercept": -2.0,
    "suspicious_at": 0.0,
    "scam_at": math.log(9.0),
}


@dataclass(frozen=True)
class Signals:
    model: float
    flags: float
    links: float
    short: float
    warning: float

    def values(self) -> tuple[float, ...]:
        return (self.model, self.flags, self.links, self.short, self.warning)


def warning_cues(folded: str) -> int:
    return min(WARNING_CAP, sum(1 for _match in _WARNING.finditer(folded)))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def signals(
    *, probability: float | None, flag_weights, link_strength: float, words: int, folded: str
) -> Signals:
    return Signals(
        model=0.0 if probability is None else max(-MODEL_CLIP, min(MODEL_CLIP, logit(probability))),
        flags=min(FLAG_CAP, sum(max(0.0, w) for w in flag_weights)),
        links=min(LINK_CAP, link_strength),
        short=max(0.0, 1.0 - words / FULL_EVIDENCE_WORDS),
        warning=float(warning_cues(folded)),
    )


def contributions(combiner: dict, values: Signals) -> dict[str, float]:
    return {
        name: weight * value
        for name, weight, value in zip(
            combiner["features"], combiner["weights"], values.values(), strict=True
        )
    }


def linear(combiner: dict, values: Signals) -> float:
    return combiner["intercept"] + sum(contributions(combiner, values).values())


def score(z: float, combiner: dict) -> float:
    """Monotone map of z onto [0, 1]: 0.5 at `suspicious_at`, 0.9 at `scam_at`."""
    low, high = combiner["suspicious_at"], combiner["scam_at"]
    span = max(high - low, 1e-6)
    if z < low:
        return 1.0 / (1.0 + math.exp(-max(-30.0, (z - low))))
    if z < high:
        return 0.5 + 0.4 * (z - low) / span
    return 1.0 - 0.1 * math.exp(-min(30.0, 2.0 * (z - high) / span))


# --- training ---------------------------------------------------------------------------------------------


def _threshold_for_fpr(scores, labels, target: float) -> float:
    """Lowest threshold whose false-positive rate on the legitimate messages stays ≤ target."""
    legit = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    allowed = int(target * len(legit))
    return legit[allowed] + 1e-6 if allowed < len(legit) else min(scores)


def _threshold_for_precision(scores, labels, target: float) -> float:
    """Lowest threshold such that every threshold above it keeps precision ≥ target (highest scores first)."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    tp = fp = 0
    best = math.inf
    for value, label in ranked:
        tp += bool(label)
        fp += not label
        if tp / (tp + fp) < target:
            break
        best = value
    return best


def fit(rows: list[Signals], labels: list[int], *, target_fpr: float, target_precision: float) -> dict:
    """Learn the weights and thresholds from out-of-fold signals of the training messages."""
    from sklearn.linear_model import LogisticRegression

    matrix = [row.values() for row in rows]
    regression = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000)
    regression.fit(matrix, labels)
    combiner = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in regression.coef_[0]],
        "intercept": round(float(regression.intercept_[0]), 6),
        "warning_cues": WARNING_CUES,
    }
    zs = [linear(combiner, row) for row in rows]
    suspicious_at = _threshold_for_fpr(zs, labels, target_fpr)
    scam_at = _threshold_for_precision(zs, labels, target_precision)
    if not math.isfinite(scam_at):  # no threshold reaches the precision: "scam" only above every message seen
        scam_at = max(zs) + 1.0
    scam_at = max(scam_at, suspicious_at + 0.5)
    combiner["suspicious_at"] = round(suspicious_at, 6)
    combiner["scam_at"] = round(scam_at, 6)
    combiner["target_fpr"] = target_fpr
    combiner["target_precision"] = target_precision
    return combiner
