"""Who may change the store from the app: an editor is whoever knows the editor secret.

The secret is set on the server as ``SPOTLIGHT_EDITOR_SECRET`` (or ``editor_secret`` in
``.streamlit/secrets.toml``). With no secret configured there
is no editor at all (the app is read-only), so a forgotten setting never opens the import.
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence

EDITOR_SECRET_ENV = "SPOTLIGHT_EDITOR_SECRET"


def editor_secret_configured(configured: str | None = None) -> bool:
    return bool(configured or os.environ.get(EDITOR_SECRET_ENV))


def is_editor(supplied: str | None, configured: str | None = None) -> bool:
    """True when ``supplied`` equals the configured secret (compared in constant time).

    ``configured`` is a secret from elsewhere (Streamlit secrets); the environment wins.
    """
    expected = os.environ.get(EDITOR_SECRET_ENV) or configured or ""
    if not expected or not supplied:
        return False
    # compare_digest takes the same time wherever the strings differ: no guessing by timing.
    return hmac.compare_digest(supplied.encode("utf-8"), expected.encode("utf-8"))


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    next_try: float = 0.0  # monotonic time from which the next try is taken


class SignInLimiter:
    """Failed sign-ins per key (a browser session, a client address), with a delay that doubles.

    Without it the secret could be tried about twice a second for ever. The first ``free`` failures
    cost nothing (a typo); after that each failure closes the door for 1, 2, 4 ... seconds, up to
    ``longest``. A key is forgotten ``forget_after`` seconds after its last failure, and at most
    ``max_keys`` keys are kept (the oldest go first), so changing session or address often only
    costs the one who does it memory in this process up to that bound. One object serves every
    session of the process, so it takes a lock.
    """

    def __init__(self, free: int = 2, longest: float = 300.0, forget_after: float = 3600.0, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic):
        self.free, self.longest, self.forget_after, self.max_keys = free, longest, forget_after, max_keys
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, _Failures] = {}

    def delay_after(self, failures: int) -> float:
        """How long the door stays closed after this many failures in a row."""
        return 0.0 if failures <= self.free else min(2.0 ** (failures - self.free - 1), self.longest)

    def wait(self, keys: Sequence[str]) -> float:
        """Seconds before any of ``keys`` may try again (0: now)."""
        now = self._clock()
        with self._lock:
            self._forget_old(now)
            return max([0.0, *(f.next_try - now for k in keys if (f := self._failures.get(k)))])

    def failed(self, keys: Sequence[str]) -> int:
        """Count a failure for each key; returns the longest run of failures among them."""
        now = self._clock()
        with self._lock:
            worst = 0
            for key in keys:
                entry = self._failures.pop(key, None) or _Failures()  # re-inserted: the dict stays oldest first
                entry.count += 1
                entry.last, entry.next_try = now, now + self.delay_after(entry.count)
                self._failures[key] = entry
                worst = max(worst, entry.count)
            while len(self._failures) > self.max_keys:
                self._failures.pop(next(iter(self._failures)))
            return worst

    def succeeded(self, key: str) -> None:
        """A session that signed in starts afresh; its address keeps its count (it may be shared)."""
        with self._lock:
            self._failures.pop(key, None)

    def _forget_old(self, now: float) -> None:
        while self._failures:
            oldest_key = next(iter(self._failures))
            if now - self._failures[oldest_key].last < self.forget_after:
                break
            del self._failures[oldest_key]
