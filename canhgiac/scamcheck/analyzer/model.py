"""The linear model over character and word n-grams: fast inference without scikit-learn at request time.

Training (`training.py`) fits scikit-learn's `FeatureUnion` of two `TfidfVectorizer`s — character n-grams inside
words (`analyzer="char_wb"`) and word unigrams and bigrams — and a `LogisticRegression` on the team's corpus, then
exports, for every n-gram of each vocabulary, its idf and its coefficients. `CharNgramModel` applies exactly the
same arithmetic in plain Python and numpy (tested equal to scikit-learn's decision function), which is several
times faster for one message than calling scikit-learn and keeps the shipped artifact a small gzip'd JSON file.

The model reads `prepare(text)`: folded text (no diacritics, lower-case) with every digit replaced by 0. It is
therefore blind to diacritics by construction: a message scores the same with and without them.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from functools import cache
from pathlib import Path

from canhgiac.core.text import fold

ARTIFACT = Path(__file__).resolve().parent.parent / "data" / "model.json.gz"
_DIGITS = re.compile(r"\d")
_MULTISPACE = re.compile(r"\s\s+")
WORD_PATTERN = r"(?u)\b\w+\b"  # scikit-learn's token_pattern for the word block
_WORDS = re.compile(WORD_PATTERN)


def prepare(text: str) -> str:
    return _DIGITS.sub("0", fold(text))


def char_wb_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """scikit-learn's `char_wb` analyzer: n-grams inside words padded with one space on each side."""
    text = _MULTISPACE.sub(" ", text)
    out: list[str] = []
    append = out.append
    for word in text.split():
        word = f" {word} "
        length = len(word)
        for n in range(min_n, max_n + 1):
            offset = 0
            append(word[offset : offset + n])
            while offset + n < length:
                offset += 1
                append(word[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return out


def word_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """scikit-learn's `word` analyzer with `token_pattern=WORD_PATTERN`: tokens, then n-grams joined by a space."""
    tokens = _WORDS.findall(text)
    if min_n == 1 and max_n == 1:
        return tokens
    out: list[str] = list(tokens) if min_n == 1 else []
    for n in range(max(2, min_n), max_n + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


class _Block:
    """One TF-IDF vocabulary of the union. Its n-grams map to columns of the model's arrays (from `offset`)."""

    def __init__(self, data: dict, offset: int):
        self.analyzer: str = data["analyzer"]
        self.min_n, self.max_n = data["ngram_range"]
        self.grams = sorted(data["features"])
        self.offset = offset
        self.index: dict[str, int] = {gram: offset + i for i, gram in enumerate(self.grams)}
        self._words: dict[str, tuple[int, ...]] = {}

    def _word_columns(self, word: str) -> tuple[int, ...]:
        """The columns of one word's character n-grams (char_wb pads each word on its own, so a message's
        n-grams are the union of its words'); memoised, since words repeat from message to message."""
        columns = self._words.get(word)
        if columns is None:
            index = self.index
            columns = tuple(index[g] for g in char_wb_ngrams(word, self.min_n, self.max_n) if g in index)
            if len(self._words) < 200_000:
                self._words[word] = columns
        return columns

    def columns(self, prepared: str) -> list[int]:
        """The columns of every n-gram of the text found in the vocabulary, repeated as often as it occurs."""
        if self.analyzer == "char_wb":
            found: list[int] = []
            for word in prepared.split():
                found.extend(self._word_columns(word))
            return found
        index = self.index
        return [index[g] for g in word_ngrams(prepared, self.min_n, self.max_n) if g in index]


class CharNgramModel:
    def __init__(self, data: dict):
        import numpy as np

        self.intercept: float = data["intercept"]
        self.methods: list[str] = data.get("methods", [])
        self.meta = {k: v for k, v in data.items() if k not in {"features", "blocks"}}
        blocks = data.get("blocks") or [
            {
                "analyzer": "char_wb",
                "ngram_range": data["ngram_range"],
                "features": data["features"],
            }  # format 1
        ]
        self.blocks: list[_Block] = []
        offset = 0
        for block in blocks:
            self.blocks.append(_Block(block, offset))
            offset += len(block["features"])
        # One set of arrays for all blocks: a message costs the same few numpy calls whatever the block count.
        entries = [
            block["features"][gram]
            for block, built in zip(blocks, self.blocks, strict=True)
            for gram in built.grams
        ]
        self.idf = np.array([e[0] for e in entries], dtype=np.float64)
        self.coef = np.array([e[1] for e in entries], dtype=np.float64)
        self.method_weights = np.zeros((len(entries), len(self.methods)), dtype=np.float64)
        for i, entry in enumerate(entries):
            for method, weight in entry[2] if len(entry) > 2 else ():
                self.method_weights[i, method] = weight
        self.bounds = np.array([b.offset for b in self.blocks[1:]], dtype=np.int64)
        self.method_intercepts = np.array(
            data.get("method_intercepts", [0.0] * len(self.methods)), dtype=np.float64
        )
        self.combiner: dict | None = data.get("combiner")

    def _vector(self, prepared: str):
        """(columns, tf-idf weights each divided by its block's l2 norm), as scikit-learn's FeatureUnion of
        TfidfVectorizers computes them; (None, None) when no n-gram of the text is known."""
        import numpy as np

        found: list[int] = []
        for block in self.blocks:
            found.extend(block.columns(prepared))
        if not found:
            return None, None
        columns, tf = np.unique(np.array(found, dtype=np.int64), return_counts=True)
        weights = (1.0 + np.log(tf)) * self.idf[columns]
        block_of = np.searchsorted(self.bounds, columns, side="right")
        norms = np.sqrt(np.bincount(block_of, weights=weights * weights, minlength=len(self.blocks)))
        return columns, weights / norms[block_of]

    def decision(self, prepared: str) -> float:
        columns, weights = self._vector(prepared)
        return self.intercept if columns is None else float(weights @ self.coef[columns]) + self.intercept

    def score(self, folded: str):
        """(probability that the message is a scam, the message's vector for `rank`) from folded text."""
        columns, weights = self._vector(_DIGITS.sub("0", folded))
        value = self.intercept if columns is None else float(weights @ self.coef[columns]) + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value)))), (columns, weights)

    def rank(self, vector) -> list[tuple[str, float]]:
        """[(method slug, probability)] best first, five at most (computed only when a caller needs them)."""
        import numpy as np

        columns, weights = vector
        if not self.methods or columns is None:
            return []
        totals = weights @ self.method_weights[columns] + self.method_intercepts
        exps = np.exp(totals - totals.max())
        shares = exps / exps.sum()
        order = np.argsort(-shares)[:5]
        return [(self.methods[i], float(shares[i])) for i in order]

    def predict(self, text: str, *, folded: str | None = None, methods: bool = True):
        """(probability that the message is a scam, [(method slug, probability)] best first).

        `folded` saves folding again when the caller already has `core.text.fold(text)`.
        """
        probability, vector = self.score(folded if folded is not None else fold(text))
        return probability, self.rank(vector) if methods else []


@cache
def load_model(path: str | None = None) -> CharNgramModel | None:
    """The shipped model (None if the artifact is missing: the analyzer then relies on its rules)."""
    artifact = Path(path) if path else ARTIFACT
    if not artifact.exists():
        return None
    with gzip.open(artifact, "rt", encoding="utf-8") as handle:
        return CharNgramModel(json.load(handle))
