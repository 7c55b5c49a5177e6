"""Red flags of the knowledge base found in a message, with spans on the original text.

The rules come from `knowledge.selectors.red_flag_rules()` (contract in docs/knowledge.md): the red flags of the
published methods, patterns compiled once per process and rebuilt when the catalogue version moves. Each pattern
is searched in `core.text.fold(message)`; every match is mapped back onto the message as typed, so the page can
highlight it with its diacritics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..textmap import original_span

MAX_SPANS_PER_FLAG = 5
MIN_LITERAL = 3  # literals shorter than this are too common to be worth a pre-check


@dataclass(frozen=True)
class FlagHit:
    code: str
    text: str
    weight: float
    method_slug: str
    method_name: str
    spans: tuple[tuple[int, int], ...]  # in the original text, end exclusive
    excerpts: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "text": self.text,
            "weight": self.weight,
            "method": self.method_slug,
            "spans": [list(span) for span in self.spans],
            "excerpts": list(self.excerpts),
        }


# --- a literal pre-check --------------------------------------------------------------------------------
# Most patterns cannot match unless some fixed text occurs ("tam giu", "otp", one of "vietcombank|vcb|…").
# Checking that with `in` (a C substring search) is far cheaper than running the regular expression, which
# here often starts with look-behinds tried at every position. The pre-check is sound: it is derived only from
# parts of the pattern that every match must contain, so it never hides a match.


def _requirements(sequence) -> list[frozenset[str]]:
    """Sets of literals of which at least one must occur in any match of `sequence` (all sets must hold)."""
    from re import _constants as c

    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if len(run) >= MIN_LITERAL:
            found.append(frozenset({"".join(run)}))
        run.clear()

    for op, value in sequence:
        if op is c.LITERAL:
            run.append(chr(value))
            continue
        flush()
        if op is c.SUBPATTERN:
            found.extend(_requirements(value[-1]))
        elif op is c.ATOMIC_GROUP:
            found.extend(_requirements(value))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if value[0] >= 1:
                found.extend(_requirements(value[2]))
        elif op is c.BRANCH:
            alternatives = []
            for branch in value[1]:
                best = _best(_requirements(branch))
                if best is None:
                    alternatives = None
                    break
                alternatives.append(best)
            if alternatives:
                found.append(frozenset().union(*alternatives))
        # AT, ASSERT, ASSERT_NOT, ANY, IN, NOT_LITERAL, GROUPREF…: no fixed text required
    flush()
    return found


def _best(requirements: list[frozenset[str]]) -> frozenset[str] | None:
    usable = [r for r in requirements if r and min(len(x) for x in r) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda r: (min(len(x) for x in r), -len(r)))


@lru_cache(maxsize=4096)
def literal_precheck(source: str, flags: int) -> tuple[frozenset[str], ...]:
    """Sets of literals that every match of the pattern contains, one of each set (empty: no guarantee)."""
    from re import _parser

    if flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    try:
        parsed = _parser.parse(source, flags)
    except (re.error, TypeError, ValueError, RecursionError):
        return ()
    usable = [r for r in _requirements(parsed.data) if r and min(len(x) for x in r) >= MIN_LITERAL]
    # Most selective first: long literals, few alternatives.
    usable.sort(key=lambda r: (-min(len(x) for x in r), len(r)))
    return tuple(dict.fromkeys(usable))


def may_match(pattern: re.Pattern, text: str) -> bool:
    for literals in literal_precheck(pattern.pattern, pattern.flags):
        if not any(literal in text for literal in literals):
            return False
    return True


class _Plan:
    """The rules with their pre-checks, and the literals looked up once per message."""

    def __init__(self, rules):
        self.rules = rules
        self.entries = [
            (rule, [(pattern, literal_precheck(pattern.pattern, pattern.flags)) for pattern in rule.patterns])
            for rule in rules
        ]
        # The most selective requirement of each pattern is looked up once per message for all patterns; the
        # others only for the patterns that pass the first.
        self.literals = tuple(
            sorted({lit for _r, pats in self.entries for _p, reqs in pats if reqs for lit in reqs[0]})
        )
        # Literals indexed by their first three characters: a message is scanned once for its three-character
        # slices, and only the literals starting with one of them are searched.
        self.by_trigram: dict[str, list[str]] = {}
        for literal in self.literals:
            self.by_trigram.setdefault(literal[:MIN_LITERAL], []).append(literal)
        self.trigrams = frozenset(self.by_trigram)
        # Which patterns each literal of a first requirement opens, and the patterns without any requirement: a
        # message visits only the patterns it may match, in catalogue order.
        self.always: list[tuple[int, int]] = []
        self.by_literal: dict[str, list[tuple[int, int]]] = {}
        for r, (_rule, pats) in enumerate(self.entries):
            for k, (_pattern, reqs) in enumerate(pats):
                if not reqs:
                    self.always.append((r, k))
                for literal in reqs[0] if reqs else ():
                    self.by_literal.setdefault(literal, []).append((r, k))

    def candidates(self, present: set[str]) -> list[tuple[int, int]]:
        """(rule, pattern) positions whose most selective requirement is met, in catalogue order."""
        found = set(self.always)
        by_literal = self.by_literal
        for literal in present:
            found.update(by_literal[literal])
        return sorted(found)

    def present(self, text: str) -> set[str]:
        """The literals of the plan that occur in `text`."""
        slices = {text[i : i + MIN_LITERAL] for i in range(len(text) - MIN_LITERAL + 1)} & self.trigrams
        by_trigram = self.by_trigram
        return {literal for key in slices for literal in by_trigram[key] if literal in text}


_plan: _Plan | None = None


def _plan_for(rules) -> _Plan:
    global _plan
    plan = _plan
    if plan is None or plan.rules is not rules:
        plan = _plan = _Plan(rules)
    return plan


def current_rules():
    from canhgiac.knowledge.selectors import red_flag_rules

    return red_flag_rules()


_published: tuple[object, dict[str, str]] | None = None


def published_methods() -> dict[str, str]:
    """slug -> name of the methods the analyzer may name: the published ones (they all have red flags)."""
    global _published
    from canhgiac.knowledge.selectors import method_names

    rules = current_rules()
    if _published is None or _published[0] is not rules:
        names = method_names()
        _published = (
            rules,
            {rule.method_slug: names.get(rule.method_slug, rule.method_slug) for rule in rules},
        )
    return _published[1]


def match(text: str, folded: str, index: list[int], rules=None, names: dict | None = None) -> list[FlagHit]:
    """Every red flag found in the message, with its spans mapped back onto the original text.

    `names` (method slug → name) defaults to the knowledge base's; training passes {} to stay off the database.
    """
    from canhgiac.knowledge.selectors import method_names

    plan = _plan_for(current_rules() if rules is None else rules)
    hits = []
    spans_by_rule: dict[int, list[tuple[int, int]]] = {}
    for r, k in plan.candidates(plan.present(folded)):
        spans = spans_by_rule.setdefault(r, [])
        if len(spans) >= MAX_SPANS_PER_FLAG:
            continue
        pattern, requirements = plan.entries[r][1][k]
        if not all(any(lit in folded for lit in requirement) for requirement in requirements[1:]):
            continue  # a text every match needs is absent: the pattern cannot match
        for found in pattern.finditer(folded):
            if found.end() == found.start():
                continue
            span = original_span(index, text, found.start(), found.end())
            if span not in spans:
                spans.append(span)
            if len(spans) >= MAX_SPANS_PER_FLAG:
                break
    for r, spans in spans_by_rule.items():
        rule = plan.entries[r][0]
        if spans:
            names = names if names is not None else method_names()
            spans.sort()
            hits.append(
                FlagHit(
                    code=rule.code,
                    text=rule.text,
                    weight=float(rule.weight),
                    method_slug=rule.method_slug,
                    method_name=names.get(rule.method_slug, rule.method_slug),
                    spans=tuple(spans),
                    excerpts=tuple(text[s:e][:120] for s, e in spans),
                )
            )
    return hits
