"""Accounts, passwords (argon2id), sign-in with rate limits, server-side sessions, CSRF tokens and API
tokens. Secrets that travel (session cookie, API token) are random; only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Account, ApiToken, AuthorProfile, EditorialSetting, WebSession
from symptomdb.editorial import ratelimit
from symptomdb.editorial.common import as_utc, clean_text, utcnow
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound
from symptomdb.editorial.schemas import (
    ROLES,
    AccountOut,
    ApiTokenOut,
    CurrentUser,
    NewApiToken,
    NewSession,
    SignInResult,
)

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
SESSION_LIFETIME = timedelta(days=14)
SESSION_IDLE = timedelta(days=3)
SESSION_TOUCH = timedelta(minutes=5)  # how often last_seen_at is written (not on every request)
TOKEN_PREFIX = "sdb_"
# Hashing parameters: argon2id with the library's defaults. Tests may swap in a cheaper hasher.
HASHER = PasswordHasher()
_DUMMY_HASH: dict[str, str] = {}
UNUSABLE_PASSWORD = "!"  # accounts made by imports: no password until `users set-password`


def _hasher() -> PasswordHasher:
    return HASHER


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def normalise_email(email: str) -> str:
    value = clean_text(email, "E-mail address", max_length=254, required=True).lower()
    try:
        # The syntax of RFC 5321/5322 (no quoted local parts, no '<', a dotted domain);
        # no DNS lookup: sign-up must work offline and on intranets.
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidInput(f"Enter an e-mail address such as name@example.org ({error})") from None
    return value


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"The password must have at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"The password must have at most {MAX_PASSWORD} characters.")
    if not password.strip():
        raise InvalidInput("The password cannot be only spaces.")


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher().hash(password)


def account_out(account: Account) -> AccountOut:
    return AccountOut(
        id=account.id,
        email=account.email,
        name=account.name,
        role=account.role,
        is_active=account.is_active,
        is_sample=account.is_sample,
        created_at=as_utc(account.created_at),
    )


def current_user(account: Account) -> CurrentUser:
    return CurrentUser(
        id=account.id, name=account.name, email=account.email, role=account.role, is_sample=account.is_sample
    )


def create_account(
    session: Session,
    email: str,
    name: str,
    password: str | None,
    role: str = "reader",
    *,
    is_sample: bool = False,
) -> AccountOut:
    """A new account; authors and above get an author profile named after them. `password=None` makes
    an account that cannot sign in until a password is set."""
    if role not in ROLES:
        raise InvalidInput(f"Unknown role “{role}”; use one of {', '.join(ROLES)}.")
    address = normalise_email(email)
    display = clean_text(name, "Name", max_length=120, required=True)
    password_hash = UNUSABLE_PASSWORD if password is None else hash_password(password)
    if session.scalar(select(Account.id).where(Account.email == address)) is not None:
        raise InvalidInput("An account with this e-mail address already exists.")
    account = Account(
        email=address,
        name=display,
        role=role,
        password_hash=password_hash,
        is_active=True,
        is_sample=is_sample,
        created_at=utcnow(),
    )
    session.add(account)
    try:
        session.flush()
    except IntegrityError as error:  # a concurrent sign-up with the same address
        raise InvalidInput("An account with this e-mail address already exists.") from error
    if role != "reader":
        ensure_profile(session, account)
    return account_out(account)


def ensure_profile(session: Session, account: Account) -> None:
    if session.get(AuthorProfile, account.id) is None:
        session.add(AuthorProfile(account_id=account.id, display_name=account.name, updated_at=utcnow()))
        session.flush()


def sign_up(session: Session, email: str, name: str, password: str, ip: str) -> AccountOut:
    """A reader account from the public sign-up form (rate-limited per IP address)."""
    ratelimit.check(session, ratelimit.SIGN_UP_IP, ip)
    account = create_account(session, email, name, password, "reader")
    ratelimit.record(session, ratelimit.SIGN_UP_IP.kind, ip)
    return account


def get_account(session: Session, account_id: int) -> AccountOut:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("There is no such account.")
    return account_out(account)


def find_account(session: Session, email: str) -> Account:
    account = session.scalar(select(Account).where(Account.email == normalise_email(email)))
    if account is None:
        raise NotFound(f"There is no account with the e-mail address {email.strip().lower()}.")
    return account


def list_accounts(session: Session) -> list[AccountOut]:
    return [account_out(a) for a in session.scalars(select(Account).order_by(Account.id))]


def set_password(session: Session, email: str, password: str) -> AccountOut:
    """Set a password (admin command) and sign the account out everywhere."""
    account = find_account(session, email)
    account.password_hash = hash_password(password)
    session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    ratelimit.clear(session, ratelimit.SIGN_IN_ACCOUNT.kind, account.email)
    session.flush()
    return account_out(account)


def change_password(session: Session, user: CurrentUser, current: str, new: str) -> None:
    """The account's own password change: needs the current password; ends every other session."""
    account = session.get(Account, user.id)
    if account is None or not _verify(account.password_hash, current):
        raise InvalidInput("The current password is not correct.")
    account.password_hash = hash_password(new)
    session.execute(delete(WebSession).where(WebSession.account_id == account.id))
    session.flush()


def set_role(session: Session, email: str, role: str) -> AccountOut:
    if role not in ROLES:
        raise InvalidInput(f"Unknown role “{role}”; use one of {', '.join(ROLES)}.")
    account = find_account(session, email)
    account.role = role
    if role != "reader":
        ensure_profile(session, account)
    session.flush()
    return account_out(account)


def set_active(session: Session, email: str, active: bool) -> AccountOut:
    account = find_account(session, email)
    account.is_active = active
    if not active:
        session.execute(delete(WebSession).where(WebSession.account_id == account.id))
        session.execute(
            update(ApiToken)
            .where(ApiToken.account_id == account.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    session.flush()
    return account_out(account)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _dummy_verify(password: str) -> None:
    """Spend the time a real verification takes, so that response times do not reveal accounts."""
    key = repr(_hasher())
    if key not in _DUMMY_HASH:
        _DUMMY_HASH[key] = _hasher().hash(secrets.token_hex(16))
    _verify(_DUMMY_HASH[key], password)


def sign_in(session: Session, email: str, password: str, ip: str) -> SignInResult:
    """Check a password. Failures are counted per account and per IP address (in the database) and
    further attempts are refused for a while, before any password is checked. The caller commits
    (failures must be recorded even though sign-in fails)."""
    try:
        address = normalise_email(email)
    except InvalidInput:
        address = (email or "").strip().lower()[:254]
    for limit, subject in ((ratelimit.SIGN_IN_IP, ip), (ratelimit.SIGN_IN_ACCOUNT, address)):
        if ratelimit.count(session, limit, subject) >= limit.max_events:
            wait = ratelimit.retry_after(session, limit, subject)
            minutes = max(1, round(wait / 60))
            return SignInResult(
                error=f"{limit.message} Please wait about {minutes} minute{'s' if minutes != 1 else ''}.",
                retry_after=wait,
            )
    account = session.scalar(select(Account).where(Account.email == address))
    if len(password) > MAX_PASSWORD:
        ok = False
    elif account is None or account.password_hash == UNUSABLE_PASSWORD:
        _dummy_verify(password)
        ok = False
    else:
        ok = _verify(account.password_hash, password)
    if not ok or account is None or not account.is_active:
        ratelimit.record(session, ratelimit.SIGN_IN_IP.kind, ip)
        ratelimit.record(session, ratelimit.SIGN_IN_ACCOUNT.kind, address)
        return SignInResult(error="The e-mail address or the password is not correct.")
    if _hasher().check_needs_rehash(account.password_hash):
        account.password_hash = _hasher().hash(password)
    ratelimit.clear(session, ratelimit.SIGN_IN_ACCOUNT.kind, address)
    return SignInResult(account=current_user(account))


# --- sessions ---------------------------------------------------------------------------------------
def start_session(session: Session, user: CurrentUser) -> NewSession:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    csrf_secret = secrets.token_hex(32)
    session.add(
        WebSession(
            token_hash=_sha256(token),
            account_id=user.id,
            csrf_secret=csrf_secret,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
            last_seen_at=now,
        )
    )
    # Housekeeping: expired sessions of anyone go away when someone signs in.
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    session.flush()
    return NewSession(token=token, csrf_token=csrf_secret)


def session_user(session: Session, token: str | None) -> tuple[CurrentUser, str] | None:
    """(user, CSRF token) for a session cookie, or None when it is unknown, expired or idle too long."""
    if not token or len(token) > 200:
        return None
    row = session.get(WebSession, _sha256(token))
    if row is None:
        return None
    now = utcnow()
    if as_utc(row.expires_at) < now or as_utc(row.last_seen_at) + SESSION_IDLE < now:
        return None
    account = session.get(Account, row.account_id)
    if account is None or not account.is_active:
        return None
    if as_utc(row.last_seen_at) + SESSION_TOUCH < now:
        row.last_seen_at = now
        session.flush()
    return current_user(account), row.csrf_secret


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.token_hash == _sha256(token)))


# --- CSRF ---------------------------------------------------------------------------------------------
def instance_secret(sessions: sessionmaker[Session]) -> str:
    """A random secret made on first use and kept in the database (shared by all server processes).

    Runs in its own transaction, so that a race between two processes costs a retry, not an error."""
    for _ in range(3):
        with sessions() as session:
            row = session.get(EditorialSetting, "csrf_secret")
            if row is not None:
                return row.value
            value = secrets.token_hex(32)
            session.add(EditorialSetting(key="csrf_secret", value=value))
            try:
                session.commit()
                return value
            except IntegrityError:
                session.rollback()
    raise RuntimeError("could not create the instance secret")


def anonymous_csrf_token(secret: str, nonce: str) -> str:
    """The form token for a visitor who is not signed in: bound to a random nonce in their cookie."""
    return hmac.new(secret.encode(), f"anon:{nonce}".encode(), hashlib.sha256).hexdigest()


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


# --- API tokens ---------------------------------------------------------------------------------------
def _token_out(row: ApiToken) -> ApiTokenOut:
    return ApiTokenOut(
        id=row.id,
        label=row.label,
        created_at=as_utc(row.created_at),
        last_used_at=as_utc(row.last_used_at) if row.last_used_at else None,
        revoked_at=as_utc(row.revoked_at) if row.revoked_at else None,
    )


def create_api_token(session: Session, user: CurrentUser, label: str = "") -> NewApiToken:
    if not user.is_author:
        raise NotAllowed("API tokens are for authors and editors.")
    active = session.scalar(
        select(func.count())
        .select_from(ApiToken)
        .where(ApiToken.account_id == user.id, ApiToken.revoked_at.is_(None))
    )
    if (active or 0) >= 10:
        raise InvalidInput("An account can have at most 10 active API tokens; revoke one first.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        account_id=user.id,
        token_hash=_sha256(token),
        label=clean_text(label, "Label", max_length=100),
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return NewApiToken(token=token, info=_token_out(row))


def list_api_tokens(session: Session, user: CurrentUser) -> list[ApiTokenOut]:
    rows = session.scalars(select(ApiToken).where(ApiToken.account_id == user.id).order_by(ApiToken.id))
    return [_token_out(r) for r in rows]


def revoke_api_token(session: Session, user: CurrentUser, token_id: int) -> None:
    row = session.get(ApiToken, token_id)
    if row is None or (row.account_id != user.id and not user.has_role("admin")):
        raise NotFound("There is no such API token.")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.flush()


def token_user(session: Session, token: str | None) -> CurrentUser | None:
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _sha256(token)))
    if row is None or row.revoked_at is not None:
        return None
    account = session.get(Account, row.account_id)
    if account is None or not account.is_active:
        return None
    now = utcnow()
    if row.last_used_at is None or as_utc(row.last_used_at) + SESSION_TOUCH < now:
        row.last_used_at = now
        session.flush()
    return current_user(account)
