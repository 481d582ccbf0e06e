"""Small thread-safe caches for rendered pages and JSON bodies, bounded by entry count and bytes.

Keys always include the data version (`knowledge.checksum`), so a re-import never serves stale bodies.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Body:
    """A finished response body with its strong ETag."""

    content: bytes
    etag: str

    @classmethod
    def of(cls, content: bytes) -> Body:
        return cls(content, '"' + hashlib.blake2b(content, digest_size=12).hexdigest() + '"')

    @cached_property
    def gzipped(self) -> bytes:
        """The gzip form, made once per cached body (so compression costs nothing per request)."""
        return gzip.compress(self.content, compresslevel=6, mtime=0)

    @property
    def gzip_etag(self) -> str:
        """Another representation, another strong ETag."""
        return self.etag[:-1] + '-gz"'


class LRU(Generic[T]):
    def __init__(
        self, max_entries: int = 1024, max_bytes: int | None = None, size: Callable[[T], int] | None = None
    ):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._size = size or (lambda _: 0)
        self._items: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> T | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            self._items.move_to_end(key)
            return hit[0]

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit[0]
        value = build()  # built outside the lock; two racing builders produce equal values
        size = self._size(value)
        with self._lock:
            if key not in self._items:
                self._items[key] = (value, size)
                self._bytes += size
                while self._items and (
                    len(self._items) > self.max_entries
                    or (self.max_bytes is not None and self._bytes > self.max_bytes)
                ):
                    _, (_, old_size) = self._items.popitem(last=False)
                    self._bytes -= old_size
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
