"""Two writers edit the same article from the same version at the same moment: exactly one wins, the
other gets a conflict, and no update is lost (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import ArticleRevision
from symptomdb.editorial import articles, ratings
from symptomdb.editorial.errors import EditConflict
from symptomdb.editorial.schemas import ArticleOut, CurrentUser
from tests.editorial.conftest import ARTICLE_BODY, known_condition, make_user

ROUNDS = 3


def _race(
    sessions: sessionmaker[Session], writers: list[CurrentUser], article: ArticleOut, base: int
) -> list[object]:
    barrier = threading.Barrier(len(writers))
    outcomes: list[object] = [None] * len(writers)

    def write(index: int) -> None:
        barrier.wait()
        try:
            with sessions.begin() as session:
                outcomes[index] = articles.update_article(
                    session,
                    writers[index],
                    article.id,
                    base,
                    title=article.title,
                    body=f"{ARTICLE_BODY}\nEdit by writer {index} from version {base}.\n",
                )
        except EditConflict as conflict:
            outcomes[index] = conflict
        except Exception as error:  # any other failure is a test failure
            outcomes[index] = error

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_concurrent_edits_one_wins_one_conflicts(any_sessions: sessionmaker[Session]) -> None:
    author = make_user(any_sessions, "author")
    editor = make_user(any_sessions, "editor")
    with any_sessions.begin() as session:
        article = articles.create_article(
            session, author, "ORPHA:1183", "Shared article", ARTICLE_BODY, known_condition=known_condition
        )
    version = 1
    for _ in range(ROUNDS):
        outcomes = _race(any_sessions, [author, editor], article, version)
        wins = [o for o in outcomes if isinstance(o, ArticleOut)]
        conflicts = [o for o in outcomes if isinstance(o, EditConflict)]
        assert len(wins) == 1 and len(conflicts) == 1, outcomes
        assert conflicts[0].current_version == version + 1
        version += 1
        with any_sessions() as session:
            current = articles.get_article(session, author, article.id)
        # The stored text is the winner's, and the loser's text is nowhere.
        assert current.version == version and current.body == wins[0].body
    with any_sessions() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRevision)) == ROUNDS + 1


def test_concurrent_ratings_by_many_readers_are_all_counted(any_sessions: sessionmaker[Session]) -> None:
    author = make_user(any_sessions, "author")
    readers = [make_user(any_sessions) for _ in range(6)]
    barrier = threading.Barrier(len(readers))
    errors: list[Exception] = []

    def rate(index: int) -> None:
        barrier.wait()
        try:
            with any_sessions.begin() as session:
                ratings.rate_author(session, readers[index], author.id, 1 + index % 5)
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=rate, args=(i,)) for i in range(len(readers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with any_sessions() as session:
        summary = ratings.rating_summary(session, author.id)
    assert summary.count == len(readers)
