from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Rating
from symptomdb.editorial import ratings
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound
from tests.editorial.conftest import make_user


def test_one_changeable_rating_per_reader_and_author(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    alice, bob = make_user(sessions), make_user(sessions)
    with sessions.begin() as session:
        ratings.rate_author(session, alice, author.id, 2)
        ratings.rate_author(session, bob, author.id, 5)
        ratings.rate_author(session, alice, author.id, 4)  # changed, not added
    with sessions() as session:
        summary = ratings.rating_summary(session, author.id)
        mine = ratings.my_rating(session, alice, author.id)
    assert summary.count == 2 and summary.average == 4.5
    assert summary.label == "4.5 out of 5 (2 ratings)"
    assert mine is not None and mine.stars == 4


def test_authors_cannot_rate_themselves(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    with pytest.raises(NotAllowed, match="themselves"), sessions.begin() as session:
        ratings.rate_author(session, author, author.id, 5)


@pytest.mark.parametrize("stars", [0, 6, -1, True, 3.5, "5"])
def test_stars_must_be_one_to_five(sessions: sessionmaker[Session], stars: object) -> None:
    author = make_user(sessions, "author")
    reader = make_user(sessions)
    with pytest.raises(InvalidInput), sessions.begin() as session:
        ratings.rate_author(session, reader, author.id, stars)  # type: ignore[arg-type]


def test_only_authors_can_be_rated(sessions: sessionmaker[Session]) -> None:
    reader, other = make_user(sessions), make_user(sessions)
    for target in (other.id, 99999, reader.id):  # a reader, nobody, and the reader themselves: not authors
        with pytest.raises(NotFound, match="no author with the id") as error, sessions.begin() as session:
            ratings.rate_author(session, reader, target, 3)
        assert "themselves" not in str(error.value)


def test_rating_summaries_of_several_authors_in_one_call(sessions: sessionmaker[Session]) -> None:
    rated, unrated = make_user(sessions, "author"), make_user(sessions, "author")
    alice, bob = make_user(sessions), make_user(sessions)
    with sessions.begin() as session:
        ratings.rate_author(session, alice, rated.id, 5)
        ratings.rate_author(session, bob, rated.id, 2)
    with sessions() as session:
        summaries = ratings.rating_summaries(session, [rated.id, unrated.id])
        assert summaries[rated.id] == ratings.rating_summary(session, rated.id)
        assert summaries[unrated.id] == ratings.rating_summary(session, unrated.id)
    assert (summaries[rated.id].average, summaries[rated.id].count) == (3.5, 2)
    assert (summaries[unrated.id].average, summaries[unrated.id].count) == (None, 0)


def test_nobody_can_change_another_accounts_rating(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    alice, mallory = make_user(sessions), make_user(sessions)
    with sessions.begin() as session:
        rating = ratings.rate_author(session, alice, author.id, 5)
    with pytest.raises(NotAllowed, match="your own"), sessions.begin() as session:
        ratings.change_rating(session, mallory, rating.id, 1)
    with sessions() as session:
        assert session.scalar(select(Rating.stars).where(Rating.id == rating.id)) == 5
    with sessions.begin() as session:
        assert ratings.change_rating(session, alice, rating.id, 3).stars == 3
