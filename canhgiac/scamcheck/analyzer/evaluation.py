"""How good is the analyzer? Repeated stratified k-fold cross-validation and the held-out split.

Cross-validation (`cross_validate`): the whole corpus is cut into k folds of the same scam/legitimate mix, r times
with fixed seeds. For each fold a model is trained from scratch on the other folds — regularisation and
thresholds chosen inside those folds only (`training.train`) — and both the model alone and the whole analyzer
(that model + the red flags + link checks, identifiers not looked up) judge the messages of the fold. Figures are
given per fold (mean, standard deviation, min, max) and pooled over all folds.

Held-out (`held_out`): the model trained on the training part (four messages in five) judges the fifth never
used for training or tuning, and the 138 messages of the first corpus's held-out part (`data/held_out_v1.txt`),
so figures stay comparable with the first measurement.

Everything is deterministic: fixed split, fixed seeds, deterministic solvers.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .corpus import Message, load_corpus, split
from .training import Metrics, confusion

HELD_OUT_V1 = Path(__file__).resolve().parent.parent / "data" / "held_out_v1.txt"
SEED = 1509


def held_out_v1_ids() -> set[str]:
    lines = HELD_OUT_V1.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def shipped_rules():
    """The red flags as the team ships them (knowledge.content), for evaluating without a seeded database."""
    from canhgiac.knowledge.content import METHODS
    from canhgiac.knowledge.patterns import compile_patterns
    from canhgiac.knowledge.selectors import RedFlagRule

    return tuple(
        RedFlagRule(
            flag["code"], method["slug"], flag["text"], flag["weight"], compile_patterns(flag["patterns"])
        )
        for method in METHODS
        for flag in method["red_flags"]
    )


@dataclass
class Judged:
    """One message judged by one model (and the analyzer around it)."""

    message: Message
    probability: float
    model_flagged: bool
    verdict: str | None = None
    verdict_folded: str | None = None
    methods: tuple[str, ...] = ()


def judge(messages: list[Message], model, *, rules=None, with_analyzer: bool = True) -> list[Judged]:
    from canhgiac.core.text import fold

    from . import analyze

    threshold = model.meta.get("threshold_suspicious", 0.5)
    out = []
    for message in messages:
        probability = model.predict(message.text, methods=False)[0]
        judged = Judged(message, probability, probability >= threshold)
        if with_analyzer:
            result = analyze(message.text, lookup=False, model=model, rules=rules)
            judged.verdict = result.verdict
            judged.methods = tuple(m["slug"] for m in result.methods)
            judged.verdict_folded = analyze(
                fold(message.text), lookup=False, model=model, rules=rules
            ).verdict
        out.append(judged)
    return out


def figures(judged: list[Judged]) -> dict[str, Metrics]:
    """Confusion counts of the model alone, the analyzer's "flagged" (suspicious or scam) and its "scam" verdict."""
    from . import NO_SIGNAL, SCAM

    truth = [j.message.is_scam for j in judged]
    out = {"model": confusion(truth, [j.model_flagged for j in judged])}
    if judged and judged[0].verdict is not None:
        out["flagged"] = confusion(truth, [j.verdict != NO_SIGNAL for j in judged])
        out["flagged_without_diacritics"] = confusion(truth, [j.verdict_folded != NO_SIGNAL for j in judged])
        out["scam_verdict"] = confusion(truth, [j.verdict == SCAM for j in judged])
    return out


def _methods(judged: list[Judged]) -> dict:
    from . import NO_SIGNAL

    caught = [j for j in judged if j.message.is_scam and j.verdict not in (None, NO_SIGNAL)]
    if not caught:
        return {}
    top1 = sum(1 for j in caught if j.methods and j.methods[0] == j.message.group)
    top3 = sum(1 for j in caught if j.message.group in j.methods)
    return {"method_top1": round(top1 / len(caught), 4), "method_top3": round(top3 / len(caught), 4)}


def _false_positives_by_group(judged: list[Judged], key: str) -> dict[str, str]:
    from . import NO_SIGNAL

    groups: dict[str, list[bool]] = {}
    for j in judged:
        if not j.message.is_scam:
            flagged = j.model_flagged if key == "model" else j.verdict != NO_SIGNAL
            groups.setdefault(j.message.group, []).append(flagged)
    return {g: f"{sum(v)}/{len(v)}" for g, v in sorted(groups.items())}


def _spread(values: list[float]) -> dict:
    return {
        "mean": round(statistics.fmean(values), 4),
        "std": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
        "min": round(min(values), 4),
        "max": round(max(values), 4),
    }


def _summary(per_fold: list[dict[str, Metrics]], pooled: dict[str, Metrics]) -> dict:
    out = {}
    for key, total in pooled.items():
        folds = [fold[key] for fold in per_fold]
        out[key] = {
            "precision": _spread([m.precision for m in folds]),
            "recall": _spread([m.recall for m in folds]),
            "false_positive_rate": _spread([m.false_positive_rate for m in folds]),
            "pooled": total.as_dict(),
        }
    return out


def _add(a: Metrics | None, b: Metrics) -> Metrics:
    if a is None:
        return Metrics(b.tp, b.fp, b.tn, b.fn)
    return Metrics(a.tp + b.tp, a.fp + b.fp, a.tn + b.tn, a.fn + b.fn)


def cross_validate(
    messages: list[Message] | None = None,
    *,
    folds: int = 5,
    repeats: int = 3,
    seed: int = SEED,
    rules=None,
    with_analyzer: bool = True,
    train_options: dict | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Repeated stratified k-fold cross-validation of the model and of the whole analyzer (see module doc)."""
    from sklearn.model_selection import StratifiedKFold

    from .model import CharNgramModel
    from .training import train

    messages = load_corpus() if messages is None else messages
    labels = [1 if m.is_scam else 0 for m in messages]
    per_fold: list[dict[str, Metrics]] = []
    pooled: dict[str, Metrics] = {}
    everything: list[Judged] = []
    thresholds = []
    for repeat in range(repeats):
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + repeat)
        for number, (train_rows, test_rows) in enumerate(splitter.split(messages, labels), start=1):
            data, _vectorizer, _classifier = train([messages[i] for i in train_rows], **(train_options or {}))
            model = CharNgramModel(data)
            thresholds.append(data["threshold_suspicious"])
            judged = judge([messages[i] for i in test_rows], model, rules=rules, with_analyzer=with_analyzer)
            counts = figures(judged)
            per_fold.append(counts)
            for key, value in counts.items():
                pooled[key] = _add(pooled.get(key), value)
            everything.extend(judged)
            if progress:
                flagged = counts.get("flagged", counts["model"])
                progress(
                    f"lần {repeat + 1}/{repeats}, phần {number}/{folds}: báo nhầm {flagged.fp}/"
                    f"{flagged.fp + flagged.tn}, bỏ sót {flagged.fn}/{flagged.tp + flagged.fn}"
                )
    report = {
        "messages": len(messages),
        "scam": sum(labels),
        "legit": len(labels) - sum(labels),
        "folds": folds,
        "repeats": repeats,
        "seed": seed,
        "threshold_suspicious": _spread(thresholds),
        **_summary(per_fold, pooled),
        "per_fold": [{key: value.as_dict() for key, value in fold.items()} for fold in per_fold],
        "false_positives_by_group": _false_positives_by_group(
            everything, "flagged" if with_analyzer else "model"
        ),
    }
    report.update(_methods(everything))
    report["misjudged"] = _misjudged(everything, repeats)
    return report


def _misjudged(judged: list[Judged], repeats: int) -> list[dict]:
    """The messages judged wrongly in at least one repeat (for whoever maintains the corpus and the rules):
    legitimate ones flagged, scams left at "no signal"."""
    from . import NO_SIGNAL

    wrong: dict[str, dict] = {}
    for j in judged:
        flagged = j.model_flagged if j.verdict is None else j.verdict != NO_SIGNAL
        if flagged == j.message.is_scam:
            continue
        row = wrong.setdefault(
            j.message.id,
            {"source": j.message.source, "label": j.message.label, "group": j.message.group, "times": 0},
        )
        row["times"] += 1
        row["of"] = repeats
        row["text"] = j.message.text[:160]
    return sorted(wrong.values(), key=lambda r: (-r["times"], r["source"]))


def held_out(*, rules=None, with_analyzer: bool = True, train_options: dict | None = None) -> dict:
    """Train on the training part, judge the held-out part and the first corpus's held-out messages."""
    from .model import CharNgramModel
    from .training import train

    messages = load_corpus()
    train_part, test_part = split(messages)
    data, _vectorizer, _classifier = train(train_part, **(train_options or {}))
    model = CharNgramModel(data)
    judged = judge(test_part, model, rules=rules, with_analyzer=with_analyzer)
    v1 = held_out_v1_ids()
    report = {}
    for name, part in (("held_out", judged), ("held_out_v1", [j for j in judged if j.message.id in v1])):
        counts = figures(part)
        report[name] = {
            "messages": len(part),
            "scam": sum(1 for j in part if j.message.is_scam),
            "legit": sum(1 for j in part if not j.message.is_scam),
            **{key: value.as_dict() for key, value in counts.items()},
            "false_positives_by_group": _false_positives_by_group(
                part, "flagged" if with_analyzer else "model"
            ),
            **_methods(part),
        }
    report["held_out_v1"]["missing"] = len(v1 - {m.id for m in test_part})
    report["C"] = data["C"]
    report["threshold_suspicious"] = data["threshold_suspicious"]
    return report


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson interval of a proportion."""
    if not total:
        return 0.0, 1.0
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * ((p * (1 - p) / total + z * z / (4 * total * total)) ** 0.5) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)
