"""Small helpers shared by the editorial services: time in UTC and the cleaning of user text."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from symptomdb.editorial.errors import InvalidInput

# C0/C1 control characters except tab and newline, and the Unicode bidi overrides used to disguise text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; everything we store is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def clean_text(
    value: str | None,
    field: str,
    *,
    max_length: int,
    required: bool = False,
    multiline: bool = False,
    min_length: int = 0,
) -> str:
    """User text as we store it: NFC, `\\n` line ends, no control characters, trimmed, length-checked.

    Stored text is never trusted: templates escape it and Markdown goes through the sanitiser.
    """
    text = unicodedata.normalize("NFC", value or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if multiline:
        text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    else:
        text = " ".join(text.split())
    if required and not text.strip():
        raise InvalidInput(f"{field} is required.")
    if len(text) > max_length:
        raise InvalidInput(f"{field} is too long ({len(text):,} characters; at most {max_length:,}).")
    if text and len(text) < min_length:
        raise InvalidInput(f"{field} is too short (at least {min_length} characters).")
    return text
