"""Rate limits kept in the database (table `rate_event`), so that a restart does not reset them and
several server processes share them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import RateEvent
from symptomdb.editorial.common import as_utc, utcnow
from symptomdb.editorial.errors import RateLimited


@dataclass(frozen=True)
class Limit:
    kind: str
    max_events: int
    window: timedelta
    message: str


SIGN_IN_ACCOUNT = Limit(
    "signin_fail_account", 5, timedelta(minutes=15), "Too many failed sign-ins for this account."
)
SIGN_IN_IP = Limit("signin_fail_ip", 20, timedelta(minutes=15), "Too many failed sign-ins from your network.")
SIGN_UP_IP = Limit("signup_ip", 5, timedelta(hours=1), "Too many new accounts from your network.")
COMMENT_BURST = Limit(
    "comment", 5, timedelta(minutes=10), "You have posted several comments in a short time."
)
COMMENT_DAY = Limit("comment", 50, timedelta(days=1), "You have reached today's limit of comments.")
FLAG = Limit("flag", 20, timedelta(hours=1), "You have reported many comments in a short time.")
RATING = Limit("rating", 30, timedelta(hours=1), "You have changed many ratings in a short time.")
# Events older than this are deleted when new ones of the same kind and subject are recorded.
KEEP = timedelta(days=2)
PRUNE_EVERY = 500


def count(session: Session, limit: Limit, subject: str) -> int:
    since = utcnow() - limit.window
    return int(
        session.scalar(
            select(func.count())
            .select_from(RateEvent)
            .where(RateEvent.kind == limit.kind, RateEvent.subject == subject, RateEvent.created_at >= since)
        )
        or 0
    )


def retry_after(session: Session, limit: Limit, subject: str) -> int:
    """Seconds until the oldest counted event leaves the window."""
    since = utcnow() - limit.window
    oldest = session.scalar(
        select(func.min(RateEvent.created_at)).where(
            RateEvent.kind == limit.kind, RateEvent.subject == subject, RateEvent.created_at >= since
        )
    )
    if oldest is None:
        return 0
    return max(1, int((as_utc(oldest) + limit.window - utcnow()).total_seconds()) + 1)


def check(session: Session, limit: Limit, subject: str) -> None:
    """Raise RateLimited when `subject` already has `max_events` events of this kind in the window."""
    if count(session, limit, subject) >= limit.max_events:
        wait = retry_after(session, limit, subject)
        minutes = max(1, round(wait / 60))
        raise RateLimited(
            f"{limit.message} Please wait about {minutes} minute{'s' if minutes != 1 else ''} and try again.",
            retry_after=wait,
        )


def record(session: Session, kind: str, subject: str) -> None:
    now = utcnow()
    session.execute(
        delete(RateEvent).where(
            RateEvent.kind == kind, RateEvent.subject == subject, RateEvent.created_at < now - KEEP
        )
    )
    event = RateEvent(kind=kind, subject=subject, created_at=now)
    session.add(event)
    session.flush()
    if event.id % PRUNE_EVERY == 0:  # now and then, forget everyone's old events (keeps the table small)
        session.execute(delete(RateEvent).where(RateEvent.created_at < now - KEEP))


def clear(session: Session, kind: str, subject: str) -> None:
    session.execute(delete(RateEvent).where(RateEvent.kind == kind, RateEvent.subject == subject))
