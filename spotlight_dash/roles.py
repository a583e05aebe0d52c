"""Who may see the dashboard and who may change the store from the app.

The main way: people sign in with their agency's identity provider (OpenID Connect, Streamlit's
``st.login``; the ``[auth]`` section of ``.streamlit/secrets.toml``), and an editor is a person
whose *verified* e-mail is on the ``[access] editors`` list. Viewers are anyone
(``viewers = "public"``) or only signed-in people (``viewers = "signed-in"``, optionally from the
e-mail domains in ``viewer_domains``).

The fallback, for a server without an identity provider: an editor is whoever knows the editor
secret, set as ``SPOTLIGHT_EDITOR_SECRET`` (or ``editor_secret`` in the secrets). It is not offered
when an identity provider is configured. With neither there is no editor at all (the app is
read-only), so a forgotten setting never opens the import.

Everything here is pure (no Streamlit): the page reads ``st.user`` and ``st.secrets`` and asks.
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

EDITOR_SECRET_ENV = "SPOTLIGHT_EDITOR_SECRET"
VIEWERS_PUBLIC, VIEWERS_SIGNED_IN = "public", "signed-in"


@dataclass(frozen=True)
class Person:
    """Someone signed in through the identity provider: their name and, only when the provider
    verified it, their e-mail (an unverified address proves nothing and is not kept)."""

    name: str | None
    email: str | None

    @property
    def label(self) -> str:
        """How the import history and every "loaded by" name them: "Name <e-mail>"."""
        if self.name and self.email and self.name.strip().lower() != self.email.lower():
            return f"{self.name.strip()} <{self.email}>"
        return self.email or (self.name or "").strip()


def _verified(claim: Any) -> bool:
    # Some providers send the claim as the string "true" (AWS Cognito); anything else is not verified.
    return claim is True or (isinstance(claim, str) and claim.strip().lower() == "true")


def person_from_user(user: Mapping[str, Any]) -> Person | None:
    """The person of ``st.user`` (the provider's ID-token claims), or None when nobody is signed in."""
    if user.get("is_logged_in") is not True:
        return None
    email, name = user.get("email"), user.get("name")
    email = email.strip() if isinstance(email, str) and "@" in email and _verified(user.get("email_verified")) else None
    name = name if isinstance(name, str) and name.strip() else None
    return Person(name=name, email=email)


def _addresses(value: Any) -> frozenset[str]:
    """A list of e-mails (or domains) from the secrets, compared in lower case; a single string is a list of one."""
    items = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else []
    return frozenset(item.strip().lower().lstrip("@") for item in items if isinstance(item, str) and item.strip())


@dataclass(frozen=True)
class Access:
    """The server's rules, read from the secrets at every run (an editor taken off the list loses
    editing at their next rerun). ``problems``: settings that were not understood, so the stricter
    reading was taken; said to the operator in the log, never to a viewer."""

    sign_in: bool = False  # an identity provider is configured ([auth])
    provider: str | None = None  # a named provider section ([auth.NAME]); None: the [auth] section itself
    editors: frozenset[str] = frozenset()
    viewers: str = VIEWERS_PUBLIC
    viewer_domains: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()


def access_from_secrets(auth: Mapping[str, Any] | None, access: Mapping[str, Any] | None) -> Access:
    """``auth``: the ``[auth]`` section (Streamlit's), ``access``: the ``[access]`` section (ours)."""
    auth, access = auth or {}, access or {}
    problems: list[str] = []
    sign_in = bool(auth.get("redirect_uri") and auth.get("cookie_secret"))
    if auth and not sign_in:
        problems.append("[auth] needs redirect_uri and cookie_secret: sign-in is off")
    provider = access.get("provider")
    if provider is not None and (not isinstance(provider, str) or not isinstance(auth.get(provider), Mapping)):
        problems.append(f"[access] provider names no [auth.{provider}] section: sign-in is off")
        sign_in, provider = False, None
    viewers = access.get("viewers", VIEWERS_PUBLIC)
    if viewers not in (VIEWERS_PUBLIC, VIEWERS_SIGNED_IN):
        problems.append(f'[access] viewers must be "{VIEWERS_PUBLIC}" or "{VIEWERS_SIGNED_IN}": read as "signed-in"')
        viewers = VIEWERS_SIGNED_IN
    if viewers == VIEWERS_SIGNED_IN and not sign_in:
        problems.append('[access] viewers = "signed-in" needs an identity provider ([auth]): nobody sees the dashboard')
    editors = _addresses(access.get("editors"))
    if editors and not sign_in:
        problems.append("[access] editors need an identity provider ([auth]) to prove who they are: nobody edits")
    return Access(sign_in=sign_in, provider=provider, editors=editors, viewers=viewers,
                  viewer_domains=_addresses(access.get("viewer_domains")), problems=tuple(problems))


def may_edit(access: Access, person: Person | None) -> bool:
    """An editor: signed in through the provider, with a verified e-mail on the list (any case)."""
    return bool(access.sign_in and person and person.email and person.email.lower() in access.editors)


def may_view(access: Access, person: Person | None) -> bool:
    if may_edit(access, person):
        return True
    if access.viewers == VIEWERS_PUBLIC:
        return True
    if not access.sign_in or person is None:  # sign-in required but impossible or not done: nothing is shown
        return False
    if not access.viewer_domains:
        return True
    return bool(person.email) and person.email.lower().rpartition("@")[2] in access.viewer_domains


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
