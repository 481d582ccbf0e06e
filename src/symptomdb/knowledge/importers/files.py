"""Reading source files whether plain or gzip-compressed (the bundled extracts are .gz)."""

from __future__ import annotations

import gzip
from pathlib import Path


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error})") from None


def read_lines(path: Path) -> list[str]:
    return read_text(path).splitlines()
