from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Comment, ModerationAction, RateEvent
from symptomdb.editorial import articles, comments, ratelimit
from symptomdb.editorial.common import utcnow
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound, RateLimited
from symptomdb.editorial.schemas import CurrentUser
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, known_condition, make_user


@pytest.fixture
def setup(sessions: sessionmaker[Session]) -> tuple[int, CurrentUser, CurrentUser]:
    author = make_user(sessions, "author", name="Dr Author")
    editor = make_user(sessions, "editor")
    with sessions.begin() as session:
        article = articles.create_article(
            session, author, "ORPHA:1183", "An article", ARTICLE_BODY, ARTICLE_REFERENCES,
            known_condition=known_condition,
        )  # fmt: skip
        articles.submit_for_review(session, author, article.id, 1)
    with sessions.begin() as session:
        articles.publish(session, editor, article.id, 1)
    return article.id, author, editor


def _post(
    sessions: sessionmaker[Session], user: CurrentUser, article_id: int, text: str, parent: int | None = None
):  # type: ignore[no-untyped-def]
    with sessions.begin() as session:
        return comments.add_comment(session, user, article_id, text, parent)


def test_first_comments_of_new_accounts_wait_for_moderation(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, _, editor = setup
    reader = make_user(sessions)
    first = _post(sessions, reader, article_id, "My first comment")
    assert first.status == "held"
    with sessions() as session:
        assert comments.comments_for(session, article_id) == []  # the public does not see it
        own = comments.comments_for(session, article_id, reader)
        assert [c.id for c in own] == [first.id]  # its writer does, marked as held
        queue = comments.moderation_queue(session, editor)
    assert [item.comment.id for item in queue.held] == [first.id]
    with sessions.begin() as session:
        comments.moderate(session, editor, first.id, "approve")
    second = _post(sessions, reader, article_id, "Now trusted")
    assert second.status == "visible"
    with sessions() as session:
        assert [c.id for c in comments.comments_for(session, article_id)] == [first.id, second.id]


def test_only_the_author_and_editors_reply(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, author, editor = setup
    reader = make_user(sessions)
    comment = _post(sessions, reader, article_id, "A question")
    with sessions.begin() as session:
        comments.moderate(session, editor, comment.id, "approve")
    with pytest.raises(NotAllowed), sessions.begin() as session:
        comments.add_comment(session, reader, article_id, "Replying to myself", comment.id)
    reply = _post(sessions, author, article_id, "An answer", comment.id)
    nested = _post(sessions, author, article_id, "Another answer", reply.id)
    assert reply.status == "visible" and reply.is_article_author
    assert nested.parent_id == comment.id  # one level deep
    with sessions() as session:
        threads = comments.comments_for(session, article_id)
    assert [c.id for c in threads] == [comment.id]
    assert [r.id for r in threads[0].replies] == [reply.id, nested.id]


def test_comments_need_a_published_article(sessions: sessionmaker[Session]) -> None:
    author = make_user(sessions, "author")
    with sessions.begin() as session:
        draft = articles.create_article(
            session, author, "ORPHA:1183", "Draft", "Body", known_condition=known_condition
        )
    with pytest.raises(NotFound), sessions.begin() as session:
        comments.add_comment(session, make_user(sessions), draft.id, "hello")


def test_comment_rate_limit(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, _, _ = setup
    reader = make_user(sessions)
    for i in range(ratelimit.COMMENT_BURST.max_events):
        _post(sessions, reader, article_id, f"comment {i}")
    with pytest.raises(RateLimited) as caught:
        _post(sessions, reader, article_id, "one too many")
    assert caught.value.retry_after > 0
    with sessions() as session:
        assert session.scalar(select(Comment.id).where(Comment.body == "one too many")) is None
    with sessions.begin() as session:  # ten minutes later
        session.execute(update(RateEvent).values(created_at=utcnow() - ratelimit.COMMENT_BURST.window))
    _post(sessions, reader, article_id, "later")


def test_flags_reach_the_queue_and_enough_of_them_hold_the_comment(
    sessions: sessionmaker[Session], setup
) -> None:  # type: ignore[no-untyped-def]
    article_id, author, editor = setup
    comment = _post(sessions, author, article_id, "Visible at once (authors are trusted)")
    assert comment.status == "visible"
    flaggers = [make_user(sessions) for _ in range(comments.AUTO_HOLD_FLAGS)]
    with sessions.begin() as session:
        comments.flag_comment(session, flaggers[0], comment.id, "spam")
    with pytest.raises(InvalidInput, match="already reported"), sessions.begin() as session:
        comments.flag_comment(session, flaggers[0], comment.id, "spam again")
    with pytest.raises(InvalidInput, match="own comment"), sessions.begin() as session:
        comments.flag_comment(session, author, comment.id)
    with sessions() as session:
        queue = comments.moderation_queue(session, editor)
    assert [i.comment.id for i in queue.flagged] == [comment.id]
    assert queue.flagged[0].reasons == ["Reported: spam"]
    with sessions.begin() as session:
        for flagger in flaggers[1:]:
            last = comments.flag_comment(session, flagger, comment.id, "rude")
    assert last.status == "held"


def test_moderation_needs_an_editor_and_a_reason(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, author, editor = setup
    reader = make_user(sessions)
    comment = _post(sessions, reader, article_id, "Buy pills at example.com")
    with pytest.raises(NotAllowed), sessions.begin() as session:
        comments.moderate(session, author, comment.id, "approve")
    with pytest.raises(NotAllowed), sessions() as session:
        comments.moderation_queue(session, reader)
    with pytest.raises(InvalidInput, match="reason"), sessions.begin() as session:
        comments.moderate(session, editor, comment.id, "delete")
    with sessions.begin() as session:
        deleted = comments.moderate(session, editor, comment.id, "delete", "Spam")
    assert deleted.status == "deleted" and deleted.body == "" and deleted.body_html == ""
    with sessions() as session:
        log = session.scalars(select(ModerationAction)).all()
        assert [(a.action, a.reason) for a in log] == [("delete", "Spam")]
        assert comments.moderation_queue(session, editor).held == []


def test_hide_keeps_the_text_for_the_record(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, author, editor = setup
    comment = _post(sessions, author, article_id, "Something to hide")
    with sessions.begin() as session:
        hidden = comments.moderate(session, editor, comment.id, "hide", "Off topic")
    assert hidden.status == "hidden" and hidden.body == "Something to hide"
    with sessions() as session:
        assert comments.comments_for(session, article_id) == []


def test_comment_text_is_sanitised_and_limited(sessions: sessionmaker[Session], setup) -> None:  # type: ignore[no-untyped-def]
    article_id, author, _ = setup
    comment = _post(sessions, author, article_id, "<script>alert(1)</script> *fine*")
    assert "<script>" not in comment.body_html and "&lt;script&gt;" in comment.body_html
    assert "<em>fine</em>" in comment.body_html
    with pytest.raises(InvalidInput, match="too long"):
        _post(sessions, author, article_id, "x" * (comments.MAX_COMMENT + 1))
    with pytest.raises(InvalidInput, match="required"):
        _post(sessions, author, article_id, "   \n  ")
