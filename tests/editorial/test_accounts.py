from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Account, RateEvent, WebSession
from symptomdb.db.engine import make_engine, make_session_factory
from symptomdb.editorial import accounts, ratelimit
from symptomdb.editorial.common import utcnow
from symptomdb.editorial.errors import InvalidInput, NotAllowed, RateLimited
from tests.editorial.conftest import PASSWORD, make_user


def test_create_account_hashes_the_password_with_argon2id(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        out = accounts.create_account(session, "  Ada@Example.ORG ", "Ada Lovelace", PASSWORD, "editor")
    assert out.email == "ada@example.org"
    assert out.role == "editor"
    with sessions() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.id == out.id))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored


@pytest.mark.parametrize(
    ("email", "password", "role", "message"),
    [
        ("not-an-address", PASSWORD, "reader", "e-mail address"),
        ("<script>@example.org", PASSWORD, "reader", "e-mail address"),
        ('"quoted"@example.org', PASSWORD, "reader", "e-mail address"),
        ("a b@example.org", PASSWORD, "reader", "e-mail address"),
        ("ada@localhost", PASSWORD, "reader", "e-mail address"),
        ("a@example.org", "short", "reader", "at least 10"),
        ("a@example.org", "x" * 2000, "reader", "at most"),
        ("a@example.org", PASSWORD, "superuser", "Unknown role"),
    ],
)
def test_create_account_refuses_bad_input(
    sessions: sessionmaker[Session], email: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message), sessions.begin() as session:
        accounts.create_account(session, email, "Name", password, role)


@pytest.mark.parametrize("email", ["ann.o'neil+lists@sub.example.co.uk", "zoë@example.org"])
def test_create_account_accepts_real_world_addresses(sessions: sessionmaker[Session], email: str) -> None:
    with sessions.begin() as session:
        out = accounts.create_account(session, email.upper(), "Name", PASSWORD)
    assert out.email == email


def test_duplicate_email_is_refused_whatever_the_case(sessions: sessionmaker[Session]) -> None:
    make_user(sessions, email="dup@example.org")
    with pytest.raises(InvalidInput, match="already exists"), sessions.begin() as session:
        accounts.create_account(session, "DUP@example.org", "Other", PASSWORD)


def test_sign_in_checks_the_password(sessions: sessionmaker[Session]) -> None:
    user = make_user(sessions, email="reader@example.org")
    with sessions.begin() as session:
        ok = accounts.sign_in(session, "Reader@example.org", PASSWORD, "10.0.0.1")
        bad = accounts.sign_in(session, "reader@example.org", "wrong password!", "10.0.0.1")
        unknown = accounts.sign_in(session, "nobody@example.org", PASSWORD, "10.0.0.1")
    assert ok.account is not None and ok.account.id == user.id
    assert bad.account is None and bad.error == unknown.error  # no hint which accounts exist


def test_failed_sign_ins_lock_the_account_even_across_a_restart(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_session_factory(engine)
    make_user(sessions, email="target@example.org")
    for i in range(ratelimit.SIGN_IN_ACCOUNT.max_events):
        with sessions.begin() as session:
            assert accounts.sign_in(session, "target@example.org", f"guess number {i}", f"10.0.0.{i}").error
    engine.dispose()
    # A new engine (as after a server restart) sees the same counters: even the right password is refused.
    engine = make_engine(sqlite_url)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        result = accounts.sign_in(session, "target@example.org", PASSWORD, "10.9.9.9")
    assert result.account is None
    assert result.error is not None and "Too many failed sign-ins for this account" in result.error
    assert result.retry_after and 0 < result.retry_after <= 15 * 60 + 1
    # Once the window has passed, the right password works again.
    with sessions.begin() as session:
        session.execute(update(RateEvent).values(created_at=utcnow() - timedelta(hours=1)))
    with sessions.begin() as session:
        assert accounts.sign_in(session, "target@example.org", PASSWORD, "10.9.9.9").account is not None
    engine.dispose()


def test_failed_sign_ins_from_one_address_are_limited_across_accounts(
    sessions: sessionmaker[Session],
) -> None:
    make_user(sessions, email="victim@example.org")
    for i in range(ratelimit.SIGN_IN_IP.max_events):
        with sessions.begin() as session:
            accounts.sign_in(session, f"user{i}@example.org", "not the password", "203.0.113.7")
    with sessions.begin() as session:
        blocked = accounts.sign_in(session, "victim@example.org", PASSWORD, "203.0.113.7")
        other_ip = accounts.sign_in(session, "victim@example.org", PASSWORD, "198.51.100.1")
    assert blocked.account is None and blocked.error and "network" in blocked.error
    assert other_ip.account is not None


def test_sessions_start_resolve_and_end(sessions: sessionmaker[Session]) -> None:
    user = make_user(sessions)
    with sessions.begin() as session:
        new = accounts.start_session(session, user)
    with sessions.begin() as session:
        found = accounts.session_user(session, new.token)
        assert found is not None and found[0].id == user.id and found[1] == new.csrf_token
        assert accounts.session_user(session, new.token + "x") is None
        stored = session.scalars(select(WebSession.token_hash)).all()
        assert new.token not in stored  # only the hash is stored
        accounts.end_session(session, new.token)
    with sessions() as session:
        assert accounts.session_user(session, new.token) is None


def test_expired_and_idle_sessions_are_refused(sessions: sessionmaker[Session]) -> None:
    user = make_user(sessions)
    with sessions.begin() as session:
        expired = accounts.start_session(session, user)
        idle = accounts.start_session(session, user)
    with sessions.begin() as session:
        rows = {r.token_hash: r for r in session.scalars(select(WebSession))}
        hashes = sorted(rows)
        assert len(hashes) == 2
        session.execute(
            update(WebSession)
            .where(WebSession.token_hash == accounts._sha256(expired.token))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        session.execute(
            update(WebSession)
            .where(WebSession.token_hash == accounts._sha256(idle.token))
            .values(last_seen_at=utcnow() - accounts.SESSION_IDLE - timedelta(minutes=1))
        )
    with sessions() as session:
        assert accounts.session_user(session, expired.token) is None
        assert accounts.session_user(session, idle.token) is None


def test_set_password_signs_out_everywhere(sessions: sessionmaker[Session]) -> None:
    user = make_user(sessions, email="forgetful@example.org")
    with sessions.begin() as session:
        token = accounts.start_session(session, user).token
    with sessions.begin() as session:
        accounts.set_password(session, "forgetful@example.org", "a brand new password")
    with sessions.begin() as session:
        assert accounts.session_user(session, token) is None
        assert accounts.sign_in(session, "forgetful@example.org", PASSWORD, "1.1.1.1").account is None
        assert accounts.sign_in(session, "forgetful@example.org", "a brand new password", "1.1.1.1").account


def test_change_password_needs_the_current_one(sessions: sessionmaker[Session]) -> None:
    user = make_user(sessions)
    with pytest.raises(InvalidInput, match="current password"), sessions.begin() as session:
        accounts.change_password(session, user, "wrong current", "another good password")
    with sessions.begin() as session:
        accounts.change_password(session, user, PASSWORD, "another good password")
        assert accounts.sign_in(session, user.email, "another good password", "1.1.1.1").account


def test_api_tokens_are_for_authors_and_can_be_revoked(sessions: sessionmaker[Session]) -> None:
    reader = make_user(sessions)
    author = make_user(sessions, "author")
    with pytest.raises(NotAllowed), sessions.begin() as session:
        accounts.create_api_token(session, reader)
    with sessions.begin() as session:
        new = accounts.create_api_token(session, author, "laptop")
    assert new.token.startswith("sdb_")
    with sessions.begin() as session:
        found = accounts.token_user(session, new.token)
        assert found is not None and found.id == author.id
        assert accounts.token_user(session, "sdb_forged") is None
        accounts.revoke_api_token(session, author, new.info.id)
    with sessions() as session:
        assert accounts.token_user(session, new.token) is None


def test_deactivated_accounts_cannot_sign_in(sessions: sessionmaker[Session]) -> None:
    make_user(sessions, email="gone@example.org")
    with sessions.begin() as session:
        accounts.set_active(session, "gone@example.org", False)
    with sessions.begin() as session:
        assert accounts.sign_in(session, "gone@example.org", PASSWORD, "1.1.1.1").account is None


def test_anonymous_csrf_tokens_depend_on_secret_and_nonce(sessions: sessionmaker[Session]) -> None:
    secret = accounts.instance_secret(sessions)
    assert accounts.instance_secret(sessions) == secret  # made once, then reused
    token = accounts.anonymous_csrf_token(secret, "nonce-1")
    assert accounts.csrf_matches(token, accounts.anonymous_csrf_token(secret, "nonce-1"))
    assert not accounts.csrf_matches(token, accounts.anonymous_csrf_token(secret, "nonce-2"))
    assert not accounts.csrf_matches(token, None)
    assert not accounts.csrf_matches(token, "")


def test_sign_up_is_rate_limited_per_address(sessions: sessionmaker[Session]) -> None:
    for i in range(ratelimit.SIGN_UP_IP.max_events):
        with sessions.begin() as session:
            accounts.sign_up(session, f"new{i}@example.org", "New Person", PASSWORD, "192.0.2.1")
    with pytest.raises(RateLimited), sessions.begin() as session:
        accounts.sign_up(session, "one-more@example.org", "New Person", PASSWORD, "192.0.2.1")
    with sessions() as session:
        assert session.scalar(select(Account).where(Account.email == "one-more@example.org")) is None


def test_old_rate_events_are_pruned(sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ratelimit, "PRUNE_EVERY", 3)
    with sessions.begin() as session:
        session.add(RateEvent(kind="signup_ip", subject="old", created_at=utcnow() - timedelta(days=3)))
    with sessions.begin() as session:
        ratelimit.record(session, "comment", "1")
        ratelimit.record(session, "comment", "2")  # id 3: prunes
    with sessions() as session:
        assert session.scalars(select(RateEvent.subject).order_by(RateEvent.id)).all() == ["1", "2"]
