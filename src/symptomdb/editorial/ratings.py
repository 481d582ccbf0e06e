"""Readers rate authors 1–5: one rating per account and author, changeable; authors cannot rate
themselves. Shown as an average and a count."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import Account, AuthorProfile, Rating
from symptomdb.editorial import ratelimit
from symptomdb.editorial.common import as_utc, utcnow
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound
from symptomdb.editorial.schemas import CurrentUser, RatingOut, RatingSummary


def _out(row: Rating) -> RatingOut:
    return RatingOut(
        id=row.id,
        rater_id=row.rater_id,
        author_id=row.author_id,
        stars=row.stars,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )


def _check_stars(stars: object) -> int:
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise InvalidInput("A rating is a whole number of stars from 1 to 5.")
    return stars


def rate_author(session: Session, user: CurrentUser, author_id: int, stars: int) -> RatingOut:
    """Create or change `user`'s rating of an author."""
    stars = _check_stars(stars)
    author = session.get(Account, author_id)
    if author is None or session.get(AuthorProfile, author_id) is None or author.role == "reader":
        # Checked first: a reader rating their own (non-author) account is told this, not "themselves".
        raise NotFound(f"There is no author with the id {author_id}: only authors can be rated.")
    if user.id == author_id:
        raise NotAllowed("Authors cannot rate themselves.")
    ratelimit.check(session, ratelimit.RATING, str(user.id))
    now = utcnow()
    row = session.scalar(select(Rating).where(Rating.rater_id == user.id, Rating.author_id == author_id))
    if row is None:
        row = Rating(rater_id=user.id, author_id=author_id, stars=stars, created_at=now, updated_at=now)
        session.add(row)
        try:
            session.flush()
        except IntegrityError as error:  # the same account rated twice at once: the first one stands
            raise InvalidInput("Your rating was just saved from another window; reload the page.") from error
    elif row.stars != stars:
        row.stars = stars
        row.updated_at = now
        session.flush()
    ratelimit.record(session, ratelimit.RATING.kind, str(user.id))
    return _out(row)


def change_rating(session: Session, user: CurrentUser, rating_id: int, stars: int) -> RatingOut:
    """Change a rating by its id: only the account that gave it may."""
    stars = _check_stars(stars)
    row = session.get(Rating, rating_id)
    if row is None:
        raise NotFound("There is no such rating.")
    if row.rater_id != user.id:
        raise NotAllowed("You can only change your own ratings.")
    row.stars = stars
    row.updated_at = utcnow()
    session.flush()
    return _out(row)


def remove_rating(session: Session, user: CurrentUser, author_id: int) -> bool:
    result = session.execute(delete(Rating).where(Rating.rater_id == user.id, Rating.author_id == author_id))
    return bool(getattr(result, "rowcount", 0))


def rating_summary(session: Session, author_id: int) -> RatingSummary:
    return rating_summaries(session, [author_id])[author_id]


def rating_summaries(session: Session, author_ids: Collection[int]) -> dict[int, RatingSummary]:
    """The average and count of several authors' ratings in one query (nobody rated: None, 0)."""
    rows = session.execute(
        select(Rating.author_id, func.avg(Rating.stars), func.count(Rating.id))
        .where(Rating.author_id.in_(author_ids))
        .group_by(Rating.author_id)
    ).all()
    found = {
        author_id: RatingSummary(average=round(float(average), 2), count=int(count))
        for author_id, average, count in rows
    }
    return {a: found.get(a, RatingSummary(average=None, count=0)) for a in author_ids}


def my_rating(session: Session, user: CurrentUser | None, author_id: int) -> RatingOut | None:
    if user is None:
        return None
    row = session.scalar(select(Rating).where(Rating.rater_id == user.id, Rating.author_id == author_id))
    return _out(row) if row else None
