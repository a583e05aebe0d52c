"""The editor secret cannot be guessed at speed (issue 23, item 8): after a few wrong tries each
one closes the door for twice as long, per browser session and per client address, and every
failure is logged without the secret that was tried."""

import logging
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from spotlight_dash import roles

ROOT = Path(__file__).resolve().parents[1]
SECRET = "s3cret"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def _fresh_caches():
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()  # the limiter lives there: no test inherits another's failures
    yield
    st.cache_resource.clear()


def test_the_wait_doubles_after_the_first_typos_and_has_a_ceiling():
    clock = Clock()
    limiter = roles.SignInLimiter(clock=clock)
    waits = []
    for _ in range(12):
        limiter.failed(["session:a"])
        waits.append(limiter.wait(["session:a"]))
        clock.now += waits[-1]  # the next try comes as soon as it is allowed
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert limiter.wait(["session:a"]) == 0  # the door opens again once the wait is over


def test_a_new_session_from_the_same_address_waits_too_but_another_address_does_not():
    clock = Clock()
    limiter = roles.SignInLimiter(clock=clock)
    for _ in range(5):
        limiter.failed(["session:a", "address:10.0.0.9"])
        clock.now += limiter.wait(["session:a", "address:10.0.0.9"])
    clock.now -= 1  # one second before session a's door opens
    assert limiter.wait(["session:fresh", "address:10.0.0.9"]) == 1
    assert limiter.wait(["session:other", "address:10.0.0.7"]) == 0


def test_signing_in_clears_the_sessions_count_not_the_shared_addresses():
    clock = Clock()
    limiter = roles.SignInLimiter(clock=clock)
    for _ in range(3):
        limiter.failed(["session:a", "address:x"])
    limiter.succeeded("session:a")
    assert limiter.wait(["session:a"]) == 0 and limiter.wait(["address:x"]) == 1


def test_failures_are_forgotten_after_an_hour_and_the_store_is_bounded():
    clock = Clock()
    limiter = roles.SignInLimiter(clock=clock, max_keys=100)
    for _ in range(6):
        limiter.failed(["address:x"])
    clock.now += 3600
    assert limiter.wait(["address:x"]) == 0
    limiter.failed(["address:x"])
    clock.now += limiter.wait(["address:x"])
    assert limiter.wait(["address:x"]) == 0 and limiter.failed(["address:x"]) == 2  # starts afresh
    for n in range(1000):
        limiter.failed([f"session:{n}"])
    assert len(limiter._failures) == 100


def _sign_in(at, secret):
    at.sidebar.text_input(key="editor_secret_input").input(secret).run()
    return at.sidebar.button(key="editor_sign_in").click().run()


def test_wrong_secrets_make_the_user_wait_and_are_logged_without_the_secret(use_shipped, monkeypatch, caplog):
    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", SECRET)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    with caplog.at_level(logging.WARNING, logger="spotlight_dash.auth"):
        for guess in ("guess-1", "guess-2", "guess-3"):
            _sign_in(at, guess)
    errors = [e.value for e in at.sidebar.error]
    assert errors == ["That is not the editor secret.",
                      "Too many wrong secrets: wait 1 s before the next try (the wait doubles with each wrong try)."]
    refusals = [r.getMessage() for r in caplog.records if r.name == "spotlight_dash.auth"]
    assert len(refusals) == 3 and "3 failure(s) in a row" in refusals[-1]
    assert not [m for m in refusals if "guess" in m]


def test_even_the_right_secret_waits_while_the_address_is_locked(use_shipped, monkeypatch):
    from spotlight_dash.ui import auth

    monkeypatch.setenv("SPOTLIGHT_EDITOR_SECRET", SECRET)
    for _ in range(8):  # someone at the same address (here: loopback) guessed before
        auth.limiter().failed(["address:local"])
    at = _sign_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run(), SECRET)
    assert at.session_state["editor"] is False
    # 32 s from the eighth failure, less the time the app took to start (seconds on a loaded machine)
    [error] = [e.value for e in at.sidebar.error]
    waited = re.fullmatch(r"Too many wrong secrets: wait (\d+) s before the next try \(the wait doubles with each "
                          r"wrong try\)\.", error)
    assert waited and 20 <= int(waited.group(1)) <= 32, error
