"""The team's labelled corpus (`data/corpus/*.txt`), its stable held-out split and its fingerprint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "corpus"
SCAM = "scam"
LEGIT = "legit"


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    label: str  # scam | legit
    group: str  # method slug (scam) or category (legit)
    channel: str
    source: str  # file:line

    @property
    def is_scam(self) -> bool:
        return self.label == SCAM

    @property
    def held_out(self) -> bool:
        """One message in five, chosen by the hash of its text: adding messages never reshuffles the split."""
        return int(self.id, 16) % 5 == 0


def _parse(path: Path) -> list[Message]:
    label, group, channel = "", "", "sms"
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _sep, value = line[1:].partition(" ")
            value = value.strip()
            if key == "label":
                if value not in {SCAM, LEGIT}:
                    raise ValueError(f"{path.name}:{number}: nhãn phải là scam hoặc legit")
                label = value
            elif key in {"method", "category"}:
                group = value
            elif key == "channel":
                channel = value
            else:
                raise ValueError(f"{path.name}:{number}: không hiểu chỉ dẫn @{key}")
            continue
        if not label or not group:
            raise ValueError(f"{path.name}:{number}: tin nhắn nằm trước @label và @method/@category")
        text = line.replace("\\n", "\n")
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
        out.append(Message(digest, text, label, group, channel, f"{path.name}:{number}"))
    return out


def load_corpus(directory: Path = CORPUS_DIR) -> list[Message]:
    messages: list[Message] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.txt")):
        for message in _parse(path):
            if message.id in seen:
                raise ValueError(f"{message.source}: tin nhắn trùng lặp")
            seen.add(message.id)
            messages.append(message)
    return messages


def corpus_fingerprint(directory: Path = CORPUS_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def split(messages: list[Message]) -> tuple[list[Message], list[Message]]:
    train = [m for m in messages if not m.held_out]
    test = [m for m in messages if m.held_out]
    return train, test
