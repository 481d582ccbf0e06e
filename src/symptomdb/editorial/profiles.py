"""Author profiles: the byline (display name, credentials, specialty, affiliation) and a short bio."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import Account, AuthorProfile
from symptomdb.editorial.common import as_utc, clean_text, utcnow
from symptomdb.editorial.errors import NotAllowed, NotFound
from symptomdb.editorial.markup import render_comment
from symptomdb.editorial.ratings import rating_summary
from symptomdb.editorial.schemas import AuthorProfileOut, Byline, CurrentUser

MAX_BIO = 2000


def byline(session: Session, account_id: int) -> Byline:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("There is no such author.")
    profile = session.get(AuthorProfile, account_id)
    return byline_of(account, profile)


def byline_of(account: Account, profile: AuthorProfile | None) -> Byline:
    if profile is None:
        return Byline(account_id=account.id, display_name=account.name, is_sample=account.is_sample)
    return Byline(
        account_id=account.id,
        display_name=profile.display_name,
        credentials=profile.credentials,
        specialty=profile.specialty,
        affiliation=profile.affiliation,
        is_sample=account.is_sample,
        photo_url=photo_url(account.id, profile.photo_sha256),
    )


def get_profile(session: Session, account_id: int) -> AuthorProfileOut:
    account = session.get(Account, account_id)
    profile = session.get(AuthorProfile, account_id)
    if account is None or profile is None or account.role == "reader":
        raise NotFound("There is no such author.")
    line = byline_of(account, profile)
    return AuthorProfileOut(
        **line.model_dump(),
        bio=profile.bio,
        bio_html=render_comment(profile.bio),
        rating=rating_summary(session, account_id),
        updated_at=as_utc(profile.updated_at),
    )


def list_authors(session: Session) -> list[Byline]:
    rows = session.execute(
        select(Account, AuthorProfile)
        .join(AuthorProfile, AuthorProfile.account_id == Account.id)
        .where(Account.role != "reader", Account.is_active.is_(True))
        .order_by(AuthorProfile.display_name)
    ).all()
    return [byline_of(a, p) for a, p in rows]


def editable_profile(session: Session, user: CurrentUser, account_id: int) -> AuthorProfile:
    """The profile `user` may change: their own, or anyone's for an admin."""
    if account_id != user.id and not user.has_role("admin"):
        raise NotAllowed("You can only change your own author profile.")
    account = session.get(Account, account_id)
    profile = session.get(AuthorProfile, account_id)
    if account is None or profile is None or account.role == "reader":
        raise NotFound("There is no such author.")
    return profile


def photo_url(account_id: int, sha256: str | None) -> str | None:
    """The address of an author's photo, versioned by its digest so that it can be cached for good."""
    return f"/authors/{account_id}/photo?v={sha256[:16]}" if sha256 else None


def update_profile(
    session: Session,
    user: CurrentUser,
    account_id: int,
    *,
    display_name: str,
    credentials: str = "",
    specialty: str = "",
    affiliation: str = "",
    bio: str = "",
) -> AuthorProfileOut:
    """Authors edit their own profile; admins may edit anyone's."""
    profile = editable_profile(session, user, account_id)
    profile.display_name = clean_text(display_name, "Display name", max_length=120, required=True)
    profile.credentials = clean_text(credentials, "Credentials", max_length=120)
    profile.specialty = clean_text(specialty, "Specialty", max_length=120)
    profile.affiliation = clean_text(affiliation, "Affiliation", max_length=200)
    profile.bio = clean_text(bio, "Bio", max_length=MAX_BIO, multiline=True)
    profile.updated_at = utcnow()
    session.flush()
    return get_profile(session, account_id)
