"""A server killed with SIGKILL in the middle of writes loses no comment or rating it acknowledged.

The real app runs in a separate uvicorn process on a loopback port; several clients post comments
and change ratings through the API as fast as they can; the process is killed with SIGKILL while
they are writing. Every write the server answered with success must be in the database afterwards
(a write still in flight may or may not be there), and the database must be intact.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.db.editorial_models import Comment, Rating
from symptomdb.db.engine import make_engine, make_session_factory
from symptomdb.editorial import accounts, articles
from tests.editorial.conftest import ARTICLE_BODY, ARTICLE_REFERENCES, known_condition, make_user

WRITERS = 3
KILL_AFTER_ACKNOWLEDGED = 60


def _populate(sessions: sessionmaker[Session]) -> tuple[int, list[str], list[int], list[int]]:
    author = make_user(sessions, "author")
    editors = [make_user(sessions, "editor") for _ in range(WRITERS + 1)]
    rated = [make_user(sessions, "author") for _ in range(3)]
    with sessions.begin() as session:
        article = articles.create_article(
            session, author, "ORPHA:1183", "Killed mid-write", ARTICLE_BODY, ARTICLE_REFERENCES,
            known_condition=known_condition,
        )  # fmt: skip
        articles.submit_for_review(session, author, article.id, 1)
        articles.publish(session, editors[-1], article.id, 1)
        tokens = [accounts.create_api_token(session, e).token for e in editors[:WRITERS]]
    return article.id, tokens, [e.id for e in editors[:WRITERS]], [a.id for a in rated]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(database_url: str, data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "SYMPTOMDB_DATABASE_URL": database_url, "SYMPTOMDB_DATA_DIR": str(data_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "symptomdb.web.app:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--lifespan", "off", "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("the server did not start")
    raise AssertionError("unreachable")


def test_sigkill_during_writes_loses_no_acknowledged_comment_or_rating(
    sqlite_url: str, tmp_path: Path
) -> None:
    engine = make_engine(sqlite_url)
    sessions = make_session_factory(engine)
    article_id, tokens, writer_ids, rated = _populate(sessions)
    engine.dispose()
    process, base = _start_server(sqlite_url, tmp_path / "data")

    lock = threading.Lock()
    acknowledged_comments: dict[int, str] = {}
    rating_attempts: dict[tuple[int, int], list[int]] = {}  # (writer, author) -> stars sent, in order
    rating_acknowledged: dict[tuple[int, int], int] = {}  # -> index in attempts of the last success
    enough = threading.Event()
    stop = threading.Event()

    def writer(index: int) -> None:
        headers = {"Authorization": f"Bearer {tokens[index]}"}
        with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
            step = 0
            while not stop.is_set():
                step += 1
                try:
                    if step % 2:
                        body = f"writer {index} comment {step}"
                        response = client.post(f"/api/v1/articles/{article_id}/comments", json={"body": body})
                        if response.status_code == 201:
                            with lock:
                                acknowledged_comments[response.json()["id"]] = body
                    else:
                        key = (index, rated[step % len(rated)])
                        stars = 1 + step % 5
                        with lock:
                            rating_attempts.setdefault(key, []).append(stars)
                            attempt = len(rating_attempts[key]) - 1
                        response = client.put(f"/api/v1/authors/{key[1]}/rating", json={"stars": stars})
                        if response.status_code == 200:
                            with lock:
                                rating_acknowledged[key] = attempt
                        elif response.status_code == 429:
                            continue
                    if response.status_code not in (200, 201, 429):
                        raise AssertionError(response.text)
                except httpx.HTTPError:
                    return  # the server is gone
                with lock:
                    if len(acknowledged_comments) + len(rating_acknowledged) >= KILL_AFTER_ACKNOWLEDGED:
                        enough.set()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        assert enough.wait(timeout=60), "the writers did not get going"
        os.kill(process.pid, signal.SIGKILL)  # while the writers are still sending
        process.wait(timeout=10)
    finally:
        stop.set()
        if process.poll() is None:
            process.kill()
        for thread in threads:
            thread.join(timeout=20)
    assert process.returncode == -signal.SIGKILL

    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        with make_session_factory(engine)() as session:
            stored = dict(session.execute(select(Comment.id, Comment.body)).all())
            stars = {(r.rater_id, r.author_id): r.stars for r in session.scalars(select(Rating))}
    finally:
        engine.dispose()
    assert len(acknowledged_comments) >= 10
    for comment_id, body in acknowledged_comments.items():
        assert stored.get(comment_id) == body, f"acknowledged comment {comment_id} was lost"
    for (index, author_id), attempt in rating_acknowledged.items():
        rater = writer_ids[index]
        # The stored value is the last acknowledged one, or one sent after it that was still in flight.
        assert stars.get((rater, author_id)) in rating_attempts[(index, author_id)][attempt:], (
            index,
            author_id,
        )
