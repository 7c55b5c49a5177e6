"""Guard against regular expressions that backtrack catastrophically.

Every red-flag pattern runs on every message the public pastes (up to 20,000 characters). Python's `re` engine
backtracks: a pattern such as `(a+)+b`, `(?:\\w+\\s?)*x` or `.*tien.*tai khoan` can take seconds, minutes or
forever on a long text built to defeat it, and one such pattern saved by a coordinator would stall every analysis.
Two checks run before a pattern is saved:

1. **Static** (`static_problem`): a repeated part that itself contains a repetition (nested quantifiers — the
   exponential kind), and a repetition without a small upper bound (`.*`, `\\d+`, `\\S+`, `[a-z]{2,}`, more than
   `MAX_SPAN` times) followed by more pattern (the polynomial kind: tried from every position, each attempt runs
   to the end of the text). These are refused outright, with advice: write `.{0,60}` instead of `.*`.
2. **Timed trial** (`trial`): in a separate process, with a hard time limit, the pattern is searched in long texts
   built from its own pieces (each repeated part pumped, each prefix of the pattern repeated, its words repeated).
   A pattern that takes longer than `BUDGET_MS` of CPU time on any of them is refused; one that does not finish is killed.

Results are memoised per pattern text for the life of the process (a pattern's behaviour does not change).
This module imports nothing from Django: the trial process runs it as a plain script.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading

TRIAL_LENGTH = 20_000  # the analyzer reads at most 20,000 characters of a message
# The shipped patterns need at most ~40 ms on their worst input of 20,000 characters (most well under 10 ms); a
# polynomial one takes seconds, an exponential one never ends. The margin absorbs a busy machine.
BUDGET_MS = 150.0
TIMEOUT_S = 3.0  # for each pattern (its ~40 inputs, each searched once or twice)
MAX_INPUTS = 48
_ESCAPES = re.compile(r"\\[a-zA-Z]")  # \d, \b, \S…: not words of the pattern
MAX_SPAN = 100  # a repetition followed by more pattern may repeat at most this many times

_cache: dict[str, str | None] = {}  # pattern -> None (safe) or the reason it is not
_lock = threading.Lock()


# --- static check ---------------------------------------------------------------------------------------


def _constants():
    from re import _constants as c

    return c


def _is_repeat(op) -> bool:
    c = _constants()
    return op in (c.MAX_REPEAT, c.MIN_REPEAT)


def _contains_repeat(items) -> bool:
    """True when `items` holds a repetition of more than one (outside atomic parts and look-arounds)."""
    c = _constants()
    for op, value in items:
        if _is_repeat(op):
            found = value[1] > 1 or _contains_repeat(value[2])
        elif op is c.SUBPATTERN:
            found = _contains_repeat(value[-1])
        elif op is c.BRANCH:
            found = any(_contains_repeat(branch) for branch in value[1])
        else:
            found = False
        if found:
            return True
    return False


def _consumes(item) -> bool:
    c = _constants()
    return item[0] not in (c.AT, c.ASSERT, c.ASSERT_NOT)


def _problems(items, *, followed: bool) -> str | None:
    c = _constants()
    for position, (op, value) in enumerate(items):
        rest = followed or any(_consumes(item) for item in items[position + 1 :])
        if _is_repeat(op):
            _low, high, body = value
            if high > 1 and _contains_repeat(body):
                return "nested"
            if high > MAX_SPAN and rest:
                return "unbounded"
            found = _problems(body, followed=rest)
            if found:
                return found
        elif op is c.SUBPATTERN:
            found = _problems(value[-1], followed=rest)
            if found:
                return found
        elif op is c.BRANCH:
            for branch in value[1]:
                found = _problems(branch, followed=rest)
                if found:
                    return found
        # Look-arounds, atomic groups and possessive repeats never backtrack into the rest of the pattern.
    return None


def static_problem(pattern: str) -> str | None:
    """ "nested", "unbounded" or None. Patterns that do not compile are left to the caller."""
    from re import _parser

    try:
        parsed = _parser.parse(pattern, 0)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    return _problems(list(parsed.data), followed=False)


# --- adversarial inputs -----------------------------------------------------------------------------------


def _class_char(value) -> str:
    c = _constants()
    negate = bool(value) and value[0][0] is c.NEGATE
    chosen = []
    for kind, item in value:
        if kind is c.LITERAL:
            chosen.append(chr(item))
        elif kind is c.RANGE:
            chosen.append(chr(item[0]))
        elif kind is c.CATEGORY:
            chosen.append(
                {
                    c.CATEGORY_DIGIT: "0",
                    c.CATEGORY_WORD: "a",
                    c.CATEGORY_SPACE: " ",
                    c.CATEGORY_NOT_DIGIT: "a",
                    c.CATEGORY_NOT_WORD: " ",
                    c.CATEGORY_NOT_SPACE: "a",
                }.get(item, "a")
            )
    if negate:
        excluded = set(chosen)
        return next((ch for ch in "a0 x-.é" if ch not in excluded), "z")
    return chosen[0] if chosen else "a"


def _sample(items, depth: int = 0) -> str:
    """A short text that goes through `items` (look-arounds and anchors ignored)."""
    c = _constants()
    out = []
    if depth > 20:
        return ""
    for op, value in items:
        if op is c.LITERAL:
            out.append(chr(value))
        elif op is c.NOT_LITERAL:
            out.append("a" if value != ord("a") else "b")
        elif op is c.ANY:
            out.append("a")
        elif op is c.IN:
            out.append(_class_char(value))
        elif _is_repeat(op) or op is c.POSSESSIVE_REPEAT:
            low, _high, body = value
            out.append(_sample(body, depth + 1) * max(1, min(low, 3)))
        elif op is c.SUBPATTERN:
            out.append(_sample(value[-1], depth + 1))
        elif op is c.ATOMIC_GROUP:
            out.append(_sample(value, depth + 1))
        elif op is c.BRANCH:
            out.append(_sample(value[1][0], depth + 1))
    return "".join(out)


def _pieces(items, depth: int = 0):
    """Texts to pump: a sample of every repeated part and of every branch."""
    c = _constants()
    if depth > 20:
        return
    for op, value in items:
        if _is_repeat(op) or op is c.POSSESSIVE_REPEAT:
            yield _sample(value[2], depth + 1)
            yield from _pieces(value[2], depth + 1)
        elif op is c.SUBPATTERN:
            yield from _pieces(value[-1], depth + 1)
        elif op is c.ATOMIC_GROUP:
            yield from _pieces(value, depth + 1)
        elif op is c.BRANCH:
            for branch in value[1]:
                yield _sample(branch, depth + 1)
                yield from _pieces(branch, depth + 1)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _pieces(value[1], depth + 1)


def _spread(seeds: list[str], count: int) -> list[str]:
    """At most `count` distinct non-empty seeds, taken evenly from the whole list."""
    seeds = list(dict.fromkeys(s for s in seeds if s))
    if len(seeds) <= count:
        return seeds
    step = len(seeds) / count
    return [seeds[int(i * step)] for i in range(count)]


def adversarial_inputs(pattern: str, length: int = TRIAL_LENGTH) -> list[str]:
    """Long texts that make a backtracking pattern work hardest: its prefixes, its repeated parts and its words,
    each repeated to the full length (alone and separated by spaces)."""
    from re import _parser

    try:
        items = list(_parser.parse(pattern, 0).data)
    except (re.error, RecursionError, OverflowError, ValueError):
        return []
    words = re.findall(r"[a-z]{2,}", _ESCAPES.sub(" ", pattern))
    seeds = (
        _spread([_sample(items[:k]) for k in range(1, len(items) + 1)], 10)
        + _spread(words, 4)
        + _spread(list(_pieces(items)), 8)
    )
    texts: list[str] = []
    for seed in dict.fromkeys(seeds):
        for unit in (seed, seed + " "):
            texts.append((unit * (length // len(unit) + 1))[:length])
    phrase = " ".join(words) or "a"
    texts.append(((phrase + " ") * (length // (len(phrase) + 1) + 1))[:length])
    return texts[:MAX_INPUTS]


# --- timed trial in a separate process --------------------------------------------------------------------


def _child() -> None:  # pragma: no cover - runs in the trial process
    """Read {"patterns": [...], "length": n} on stdin; print one JSON line per pattern as soon as it is tried."""
    import time

    job = json.loads(sys.stdin.read())
    for number, pattern in enumerate(job["patterns"]):
        try:
            compiled = re.compile(pattern)
        except (re.error, TypeError, OverflowError, RecursionError):
            print(
                json.dumps({"n": number, "ms": 0.0}), flush=True
            )  # not ours to judge: the caller refuses it
            continue
        worst = 0.0
        for text in adversarial_inputs(pattern, job["length"]):
            best = None
            for _attempt in range(
                2
            ):  # a slow first run may be the machine being busy: take the better of two
                # CPU time of this process, not the wall clock: on a loaded machine the wall clock also counts
                # the time other processes held the core, and a safe pattern would be refused as "slow".
                start = time.process_time()
                compiled.search(text)
                elapsed = (time.process_time() - start) * 1000
                best = elapsed if best is None else min(best, elapsed)
                if best <= job["budget"]:
                    break
            worst = max(worst, best)
        print(json.dumps({"n": number, "ms": round(worst, 2)}), flush=True)


def _run_batch(
    patterns: list[str], length: int, timeout: float, budget_ms: float = BUDGET_MS
) -> dict[str, float | None]:
    """Milliseconds of the worst input per pattern; None for the pattern that did not finish in time.

    `timeout` applies to each pattern (plus the start of the process), not to the whole batch."""
    import queue

    env = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "SYSTEMROOT")}
    process = subprocess.Popen(  # noqa: S603 - our own interpreter, our own module, no shell
        [sys.executable, "-c", "from canhgiac.knowledge.regex_safety import _child; _child()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    lines: queue.Queue = queue.Queue()

    def read():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)  # the process ended

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    results: dict[str, float | None] = {}
    try:
        process.stdin.write(json.dumps({"patterns": patterns, "length": length, "budget": budget_ms}))
        process.stdin.close()
        wait = timeout + 2.0  # the first pattern also waits for the interpreter to start
        while len(results) < len(patterns):
            try:
                line = lines.get(timeout=wait)
            except queue.Empty:
                results[patterns[len(results)]] = None  # the pattern it was working on when time ran out
                break
            if line is None:
                break  # the process ended early: what it did not report stays untested
            wait = timeout
            try:
                row = json.loads(line)
                results[patterns[row["n"]]] = float(row["ms"])
            except (ValueError, KeyError, IndexError, TypeError):
                continue
    except OSError:
        pass
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        reader.join(timeout=1)
    return results


def trial(
    patterns, *, length: int = TRIAL_LENGTH, budget_ms: float = BUDGET_MS, timeout: float = TIMEOUT_S
) -> dict[str, str | None]:
    """pattern -> None when it stays fast on every adversarial input, else "slow" or "timeout"."""
    pending = [p for p in dict.fromkeys(patterns) if p not in _cache]
    while pending:
        results = _run_batch(pending, length, timeout, budget_ms)
        for pattern, ms in results.items():
            verdict = "timeout" if ms is None else ("slow" if ms > budget_ms else None)
            with _lock:
                _cache[pattern] = verdict
        done = set(results)
        if not done:  # the trial process could not run: the static check still applies, do not loop
            break
        pending = [p for p in pending if p not in done]
    return {p: _cache.get(p) for p in patterns}
