"""Train the character n-gram model on the team's corpus and measure it on the held-out part.

Deterministic: the same corpus gives the same artifact byte for byte (fixed split, fixed folds, liblinear and
lbfgs solvers, rounded coefficients, sorted keys).
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass

from .corpus import Message, corpus_fingerprint, load_corpus, split
from .model import ARTIFACT, CharNgramModel, prepare

NGRAM_RANGE = (2, 5)
C_GRID = (1.0, 4.0, 16.0, 64.0)
# Thresholds are chosen on out-of-fold predictions of the training part, never on the held-out part.
TARGET_FPR_SUSPICIOUS = 0.05
TARGET_FPR_SCAM = 0.01
METHOD_WEIGHT_FLOOR = 0.05  # method weights smaller than this are dropped from the artifact
DIGITS = 6


@dataclass
class Metrics:
    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.tn + self.fn
        return (self.tp + self.tn) / total if total else 0.0

    def as_dict(self) -> dict:
        return {
            "messages": self.tp + self.fp + self.tn + self.fn,
            "tp": self.tp,
            "fp": self.fp,
            "tn": self.tn,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "false_positive_rate": round(self.false_positive_rate, 4),
            "accuracy": round(self.accuracy, 4),
        }


def confusion(truth: list[bool], predicted: list[bool]) -> Metrics:
    tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t and p)
    fp = sum(1 for t, p in zip(truth, predicted, strict=True) if not t and p)
    tn = sum(1 for t, p in zip(truth, predicted, strict=True) if not t and not p)
    fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t and not p)
    return Metrics(tp, fp, tn, fn)


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=NGRAM_RANGE, min_df=2, sublinear_tf=True, lowercase=False, norm="l2"
    )


def _pipeline(c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(_vectorizer(), LogisticRegression(C=c, solver="liblinear", class_weight="balanced"))


def _folds():
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=5, shuffle=True, random_state=1509)


def _choose_c(texts: list[str], labels: list[int]) -> float:
    """The regularisation with the best 5-fold ROC AUC on the training part only."""
    from sklearn.model_selection import cross_val_score

    best, best_score = C_GRID[0], -1.0
    for c in C_GRID:
        score = cross_val_score(_pipeline(c), texts, labels, cv=_folds(), scoring="roc_auc").mean()
        if score > best_score + 1e-9:
            best, best_score = c, score
    return best


def _threshold_for(probabilities: list[float], labels: list[int], target_fpr: float) -> float:
    """The lowest probability threshold whose false-positive rate on legitimate messages stays ≤ target."""
    legit = sorted((p for p, y in zip(probabilities, labels, strict=True) if not y), reverse=True)
    allowed = int(target_fpr * len(legit))
    # Flag strictly above the (allowed+1)-th highest legitimate score.
    bound = legit[allowed] if allowed < len(legit) else 0.0
    return round(min(0.99, max(0.5, bound + 1e-6)), 4)


def _thresholds(texts: list[str], labels: list[int], c: float) -> tuple[float, float]:
    from sklearn.model_selection import cross_val_predict

    oof = cross_val_predict(_pipeline(c), texts, labels, cv=_folds(), method="predict_proba")[:, 1]
    return (
        _threshold_for(list(oof), labels, TARGET_FPR_SUSPICIOUS),
        _threshold_for(list(oof), labels, TARGET_FPR_SCAM),
    )


def train(messages: list[Message]) -> tuple[dict, object, object]:
    """Fit on `messages`; returns (artifact data, fitted vectorizer, fitted classifier)."""
    from sklearn.linear_model import LogisticRegression

    texts = [prepare(m.text) for m in messages]
    labels = [1 if m.is_scam else 0 for m in messages]
    c = _choose_c(texts, labels)
    suspicious_at, scam_at = _thresholds(texts, labels, c)
    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=c, solver="liblinear", class_weight="balanced")
    classifier.fit(matrix, labels)

    scam_rows = [i for i, m in enumerate(messages) if m.is_scam]
    method_names = sorted({messages[i].group for i in scam_rows})
    method_model = LogisticRegression(C=16.0, max_iter=3000)
    method_model.fit(matrix[scam_rows], [messages[i].group for i in scam_rows])
    assert list(method_model.classes_) == method_names

    vocabulary = vectorizer.vocabulary_
    idf = vectorizer.idf_
    coef = classifier.coef_[0]
    method_coef = method_model.coef_
    features = {}
    for gram, j in sorted(vocabulary.items()):
        method_weights = [
            [m, round(float(method_coef[m, j]), 4)]
            for m in range(len(method_names))
            if abs(method_coef[m, j]) >= METHOD_WEIGHT_FLOOR
        ]
        entry = [round(float(idf[j]), DIGITS), round(float(coef[j]), DIGITS)]
        if method_weights:
            entry.append(method_weights)
        features[gram] = entry
    data = {
        "format": 1,
        "prepare": "fold+digits->0",
        "ngram_range": list(NGRAM_RANGE),
        "C": c,
        "threshold_suspicious": suspicious_at,
        "threshold_scam": scam_at,
        "intercept": round(float(classifier.intercept_[0]), DIGITS),
        "methods": method_names,
        "method_intercepts": [round(float(b), 4) for b in method_model.intercept_],
        "features": features,
    }
    return data, vectorizer, classifier


def evaluate(model: CharNgramModel, messages: list[Message], *, threshold: float | None = None) -> dict:
    """Model-only metrics, overall, without diacritics, per group of legitimate messages, method top-1/top-3."""
    from canhgiac.core.text import fold

    if threshold is None:
        threshold = model.meta.get("threshold_suspicious", 0.5)
    truth = [m.is_scam for m in messages]
    scores = [model.predict(m.text) for m in messages]
    predicted = [p >= threshold for p, _methods in scores]
    folded_predicted = [model.predict(fold(m.text))[0] >= threshold for m in messages]
    legit_groups: dict[str, list[bool]] = {}
    for m, p in zip(messages, predicted, strict=True):
        if not m.is_scam:
            legit_groups.setdefault(m.group, []).append(p)
    scam = [(m, methods) for m, (_p, methods) in zip(messages, scores, strict=True) if m.is_scam]
    top1 = sum(1 for m, methods in scam if methods and methods[0][0] == m.group)
    top3 = sum(1 for m, methods in scam if m.group in [slug for slug, _p in methods[:3]])
    return {
        "threshold": threshold,
        "overall": confusion(truth, predicted).as_dict(),
        "without_diacritics": confusion(truth, folded_predicted).as_dict(),
        "false_positives_by_group": {g: f"{sum(v)}/{len(v)}" for g, v in sorted(legit_groups.items())},
        "method_top1": round(top1 / len(scam), 4) if scam else 0.0,
        "method_top3": round(top3 / len(scam), 4) if scam else 0.0,
    }


def build(*, write: bool = True) -> dict:
    """Train on the training part, evaluate on the held-out part, write the artifact; returns the report."""
    messages = load_corpus()
    train_part, test_part = split(messages)
    data, _vectorizer_, _classifier = train(train_part)
    model = CharNgramModel(data)
    report = {
        "corpus_sha256": corpus_fingerprint(),
        "messages": len(messages),
        "scam": sum(1 for m in messages if m.is_scam),
        "legit": sum(1 for m in messages if not m.is_scam),
        "train": len(train_part),
        "held_out": len(test_part),
        "C": data["C"],
        "threshold_suspicious": data["threshold_suspicious"],
        "threshold_scam": data["threshold_scam"],
        "features": len(data["features"]),
        "held_out_metrics": evaluate(model, test_part),
    }
    data["report"] = report
    data["corpus_sha256"] = report["corpus_sha256"]
    if write:
        buffer = io.BytesIO()
        # mtime=0: the same corpus gives the same bytes.
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
            handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())
        ARTIFACT.write_bytes(buffer.getvalue())
        from .model import load_model

        load_model.cache_clear()
    return report


def evaluate_analyzer(messages: list[Message] | None = None) -> dict:
    """The whole analyzer (model + red flags from the database + link checks) on the held-out part.

    "Flagged" means a verdict of suspicious or scam. Identifiers are not looked up (the corpus is fictitious).
    """
    from . import NO_SIGNAL, SCAM, analyze
    from .redflags import current_rules

    if messages is None:
        messages = split(load_corpus())[1]
    results = [analyze(m.text, lookup=False) for m in messages]
    verdicts = [r.verdict for r in results]
    truth = [m.is_scam for m in messages]
    caught = [(m, r) for m, r in zip(messages, results, strict=True) if m.is_scam and r.verdict != NO_SIGNAL]
    top1 = sum(1 for m, r in caught if r.methods and r.methods[0]["slug"] == m.group)
    top3 = sum(1 for m, r in caught if m.group in [x["slug"] for x in r.methods])
    legit_groups: dict[str, list[bool]] = {}
    for m, v in zip(messages, verdicts, strict=True):
        if not m.is_scam:
            legit_groups.setdefault(m.group, []).append(v != NO_SIGNAL)
    return {
        "red_flags_in_database": len(current_rules()),
        "flagged": confusion(truth, [v != NO_SIGNAL for v in verdicts]).as_dict(),
        "scam_verdict": confusion(truth, [v == SCAM for v in verdicts]).as_dict(),
        "false_positives_by_group": {g: f"{sum(v)}/{len(v)}" for g, v in sorted(legit_groups.items())},
        "method_top1_of_flagged_scams": round(top1 / len(caught), 4) if caught else 0.0,
        "method_top3_of_flagged_scams": round(top3 / len(caught), 4) if caught else 0.0,
    }
