"""Vietnamese banks and e-wallets, from the shipped data file `data/banks.json`.

People type a bank however they like: "VCB", "vietcombank", "Ngoại thương", "MB Bank". `find_bank` recognises
those aliases in folded text (lower-case, no diacritics) as whole words and returns the bank's stable code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from canhgiac.core.text import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "banks.json"


@dataclass(frozen=True)
class Bank:
    code: str
    short: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    wallet: bool = False

    def __str__(self) -> str:
        return self.short


@cache
def all_banks() -> tuple[Bank, ...]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(
        Bank(
            code=item["code"],
            short=item["short"],
            name=item["name"],
            aliases=tuple(fold(alias) for alias in item["aliases"]),
            domains=tuple(item.get("domains", ())),
            wallet=bool(item.get("wallet", False)),
        )
        for item in raw["banks"]
    )


@cache
def banks_by_code() -> dict[str, Bank]:
    return {bank.code: bank for bank in all_banks()}


@cache
def _alias_regex() -> tuple[re.Pattern, dict[str, Bank]]:
    by_alias: dict[str, Bank] = {}
    for bank in all_banks():
        for alias in (*bank.aliases, fold(bank.code), fold(bank.short)):
            by_alias.setdefault(alias, bank)
    # Longest first so that "mb bank" wins over "mb", "viet a bank" over "viet".
    alternatives = sorted(by_alias, key=len, reverse=True)
    pattern = (
        r"(?<![a-z0-9])("
        + "|".join(re.escape(a).replace(r"\ ", r"[\s._-]?") for a in alternatives)
        + r")(?![a-z0-9])"
    )
    return re.compile(pattern), {re.sub(r"[\s._-]", "", a): b for a, b in by_alias.items()}


def find_bank(folded_text: str) -> tuple[Bank, int, int] | None:
    """The first bank named in already folded text, with the span of its name; None if there is none."""
    regex, index = _alias_regex()
    match = regex.search(folded_text)
    if not match:
        return None
    return index[re.sub(r"[\s._-]", "", match.group(1))], match.start(1), match.end(1)


def find_banks(folded_text: str) -> list[tuple[Bank, int, int]]:
    regex, index = _alias_regex()
    return [
        (index[re.sub(r"[\s._-]", "", m.group(1))], m.start(1), m.end(1)) for m in regex.finditer(folded_text)
    ]


def bank_for(value: str | None) -> Bank | None:
    """A bank from a code, a short name or an alias as typed ("vcb", "Vietcombank", "VCB")."""
    if not value:
        return None
    by_code = banks_by_code()
    if value.upper() in by_code:
        return by_code[value.upper()]
    found = find_bank(fold(value))
    return found[0] if found else None
