"""Derived structures cached on disk, keyed by the data checksum (rebuilt when the data changes)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cached_pickle(cache_dir: Path | None, name: str, checksum: str, build: Callable[[], T]) -> T:
    """Load `name` for this checksum from cache_dir, or build it and store it (atomically)."""
    if cache_dir is None:
        return build()
    path = cache_dir / f"{name}-{checksum[:16]}.pickle"
    if path.is_file():
        try:
            with open(path, "rb") as handle:
                value: T = pickle.load(handle)
                return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # stale or broken: rebuilt below
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only data directory still works, just slower to start
    return value
