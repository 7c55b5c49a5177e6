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
from .model import ARTIFACT, WORD_PATTERN, CharNgramModel, prepare

CHAR_NGRAMS = (1, 5)  # character n-grams inside words
WORD_NGRAMS = (1, 2)  # word unigrams and bigrams
C_GRID = (2.0, 4.0, 8.0, 16.0, 32.0)
# Chosen by cross-validation on the training part only (never on the held-out part): see docs/scamcheck.md.
TARGET_FPR_SUSPICIOUS = 0.035  # false-positive rate of "suspicious or scam" on out-of-fold training scores
TARGET_PRECISION_SCAM = 0.985  # precision of "scam" on out-of-fold training scores
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
    from sklearn.pipeline import FeatureUnion

    common = {"min_df": 2, "sublinear_tf": True, "lowercase": False, "norm": "l2"}
    return FeatureUnion(
        [
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, **common)),
            (
                "word",
                TfidfVectorizer(
                    analyzer="word", ngram_range=WORD_NGRAMS, token_pattern=WORD_PATTERN, **common
                ),
            ),
        ]
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


def _evidence(messages: list[Message], rules) -> list[tuple[list[float], float, int, str]]:
    """(red-flag weights, link strength, words, folded text) of each message, as the analyzer finds them — with
    the red flags the team ships and the shipped look-alike brands, so that training never depends on a database."""
    from ..lookalike import detector_for
    from ..textmap import fold_with_map
    from . import evidence

    detector = detector_for(frozenset())
    out = []
    for message in messages:
        folded, index = fold_with_map(message.text)
        hits, _items, strength = evidence(
            message.text, folded, index, rules=rules, detector=detector, names={}
        )
        out.append(([hit.weight for hit in hits], strength, len(folded.split()), folded))
    return out


def train(messages: list[Message], *, rules=None, c: float | None = None) -> tuple[dict, object, object]:
    """Fit on `messages`; returns (artifact data, fitted vectorizer, fitted classifier).

    Everything is chosen on `messages` alone: C by 5-fold ROC AUC, then the out-of-fold probabilities of the
    same folds feed the combination of evidence (`combine.fit`) and its two thresholds. `rules` default to the
    red flags the team ships (`evaluation.shipped_rules`); `c` skips the search (quicker experiments).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    from . import combine
    from .evaluation import shipped_rules

    texts = [prepare(m.text) for m in messages]
    labels = [1 if m.is_scam else 0 for m in messages]
    if c is None:
        c = _choose_c(texts, labels)
    oof = cross_val_predict(_pipeline(c), texts, labels, cv=_folds(), method="predict_proba")[:, 1]
    found = _evidence(messages, shipped_rules() if rules is None else rules)
    rows = [
        combine.signals(probability=float(p), flag_weights=w, link_strength=s, words=n, folded=f)
        for p, (w, s, n, f) in zip(oof, found, strict=True)
    ]
    combiner = combine.fit(
        rows, labels, target_fpr=TARGET_FPR_SUSPICIOUS, target_precision=TARGET_PRECISION_SCAM
    )

    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=c, solver="liblinear", class_weight="balanced")
    classifier.fit(matrix, labels)

    scam_rows = [i for i, m in enumerate(messages) if m.is_scam]
    method_names = sorted({messages[i].group for i in scam_rows})
    method_model = LogisticRegression(C=16.0, max_iter=3000)
    method_model.fit(matrix[scam_rows], [messages[i].group for i in scam_rows])
    assert list(method_model.classes_) == method_names

    coef = classifier.coef_[0]
    method_coef = method_model.coef_
    blocks = []
    offset = 0
    for (name, part), (analyzer, ngrams) in zip(
        vectorizer.transformer_list, (("char_wb", CHAR_NGRAMS), ("word", WORD_NGRAMS)), strict=True
    ):
        features = {}
        for gram, j in sorted(part.vocabulary_.items()):
            k = offset + j
            method_weights = [
                [m, round(float(method_coef[m, k]), 4)]
                for m in range(len(method_names))
                if abs(method_coef[m, k]) >= METHOD_WEIGHT_FLOOR
            ]
            entry = [round(float(part.idf_[j]), DIGITS), round(float(coef[k]), DIGITS)]
            if method_weights:
                entry.append(method_weights)
            features[gram] = entry
        blocks.append({"name": name, "analyzer": analyzer, "ngram_range": list(ngrams), "features": features})
        offset += len(part.vocabulary_)
    data = {
        "format": 2,
        "prepare": "fold+digits->0",
        "C": c,
        "threshold_suspicious": _model_threshold(list(oof), labels),
        "intercept": round(float(classifier.intercept_[0]), DIGITS),
        "methods": method_names,
        "method_intercepts": [round(float(b), 4) for b in method_model.intercept_],
        "combiner": combiner,
        "blocks": blocks,
    }
    return data, vectorizer, classifier


def _model_threshold(probabilities: list[float], labels: list[int]) -> float:
    """The model alone (reported for comparison): the lowest probability whose out-of-fold false-positive rate
    on the training part stays ≤ the analyzer's target."""
    legit = sorted((p for p, y in zip(probabilities, labels, strict=True) if not y), reverse=True)
    allowed = int(TARGET_FPR_SUSPICIOUS * len(legit))
    bound = legit[allowed] if allowed < len(legit) else 0.0
    return round(min(0.99, max(0.5, bound + 1e-6)), 4)


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


def build(*, write: bool = True) -> tuple[dict, CharNgramModel]:
    """Train on the training part, evaluate the model on the held-out part, write the artifact.

    Returns the report and the model (also when `write` is False, so the caller can evaluate what it trained).
    """
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
        "combiner": {k: v for k, v in data["combiner"].items() if k != "warning_cues"},
        "features": sum(len(block["features"]) for block in data["blocks"]),
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
    return report, model


def evaluate_analyzer(model: CharNgramModel | None = None, messages: list[Message] | None = None) -> dict:
    """The whole analyzer (model + red flags from the database + link checks) on the held-out part.

    "Flagged" means a verdict of suspicious or scam. Identifiers are not looked up (the corpus is fictitious).
    """
    from .evaluation import figures, judge
    from .model import load_model
    from .redflags import current_rules

    if messages is None:
        messages = split(load_corpus())[1]
    judged = judge(messages, model or load_model(), rules=None)
    counts = figures(judged)
    legit_groups: dict[str, list[bool]] = {}
    for j in judged:
        if not j.message.is_scam:
            legit_groups.setdefault(j.message.group, []).append(j.verdict != "no_signal")
    return {
        "red_flags_in_database": len(current_rules()),
        "flagged": counts["flagged"].as_dict(),
        "scam_verdict": counts["scam_verdict"].as_dict(),
        "false_positives_by_group": {g: f"{sum(v)}/{len(v)}" for g, v in sorted(legit_groups.items())},
    }
