"""Author photos: what an upload becomes, who may change it, and how pages serve it."""

from __future__ import annotations

import io
import re

import pytest
from fastapi import FastAPI
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from symptomdb.context import SymptomDB
from symptomdb.db.editorial_models import AuthorPhoto
from symptomdb.editorial import photos, profiles
from symptomdb.editorial.errors import InvalidInput, NotAllowed, NotFound
from tests.editorial.conftest import make_user, visitor


def image_bytes(fmt: str, size: tuple[int, int], *, exif_gps: bool = False, mode: str = "RGB") -> bytes:
    image = Image.new(mode, size, color="white" if mode != "1" else 1)
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "CameraMaker"  # Make
        exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0)}  # GPS latitude
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return out.getvalue()


# --- what an upload becomes --------------------------------------------------------------------------------


def test_a_large_camera_photo_is_scaled_and_stripped_of_its_metadata() -> None:
    raw = image_bytes("JPEG", (2000, 1500), exif_gps=True)
    assert Image.open(io.BytesIO(raw)).getexif()  # the upload does carry camera data
    photo = photos.prepare_photo(raw)
    stored = Image.open(io.BytesIO(photo.data))
    assert stored.format == "JPEG" and photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (512, 384) == stored.size
    assert not stored.getexif() and b"CameraMaker" not in photo.data


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_small_ones_kept_at_their_size(fmt: str) -> None:
    photo = photos.prepare_photo(image_bytes(fmt, (120, 80)))
    assert (photo.width, photo.height) == (120, 80)


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "Choose an image"),
        (b"<script>alert(1)</script>", "not an image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not an image"),  # a PNG signature and nothing valid
        (image_bytes("GIF", (10, 10), mode="P"), "JPEG, PNG or WebP"),
        (image_bytes("PNG", (300, 300))[:200], "not an image"),  # truncated
    ],
)
def test_files_that_are_not_usable_images_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        photos.prepare_photo(raw)


def test_too_many_pixels_and_too_many_bytes_are_refused_before_decoding() -> None:
    bomb = image_bytes("PNG", (9000, 5000), mode="1")  # 45 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    with pytest.raises(InvalidInput, match="too many pixels"):
        photos.prepare_photo(bomb)
    with pytest.raises(InvalidInput, match="larger than 5 MB"):
        photos.prepare_photo(b"\xff" * (photos.MAX_UPLOAD_BYTES + 1))


# --- who may change it ------------------------------------------------------------------------------------


def test_authors_set_and_remove_their_own_photo_and_the_byline_links_it(
    sessions: sessionmaker[Session],
) -> None:
    author, other = make_user(sessions, "author"), make_user(sessions, "author")
    with sessions.begin() as session:
        photo = photos.set_photo(session, author, author.id, image_bytes("PNG", (64, 64)))
    with sessions() as session:
        line = profiles.byline(session, author.id)
        assert line.photo_url == f"/authors/{author.id}/photo?v={photo.sha256[:16]}"
        assert photos.get_photo(session, author.id).data == photo.data
        with pytest.raises(NotAllowed):
            photos.set_photo(session, other, author.id, image_bytes("PNG", (8, 8)))
    with sessions.begin() as session:
        photos.remove_photo(session, author, author.id)
    with sessions() as session:
        assert profiles.byline(session, author.id).photo_url is None
        assert session.scalar(select(func.count()).select_from(AuthorPhoto)) == 0
        with pytest.raises(NotFound):
            photos.get_photo(session, author.id)


def test_readers_have_no_photo_and_admins_may_change_anyones(sessions: sessionmaker[Session]) -> None:
    reader, author, admin = make_user(sessions), make_user(sessions, "author"), make_user(sessions, "admin")
    with sessions.begin() as session:
        with pytest.raises(NotFound):
            photos.set_photo(session, reader, reader.id, image_bytes("PNG", (8, 8)))
        photos.set_photo(session, admin, author.id, image_bytes("PNG", (8, 8)))
    with sessions() as session:
        assert profiles.byline(session, author.id).photo_url


# --- how pages serve it -----------------------------------------------------------------------------------


def test_upload_on_the_profile_page_then_author_page_and_photo_address(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    author = make_user(web_db.sessions, "author")
    browser = visitor(web_app, author)
    token = browser.csrf("/account/profile")
    files = {"photo": ("me.jpg", image_bytes("JPEG", (900, 900), exif_gps=True), "image/jpeg")}
    saved = browser.client.post("/account/profile/photo", data={"csrf_token": token}, files=files)
    assert saved.status_code == 303 and saved.headers["location"] == "/account/profile?done=photo"
    assert "Your photo is saved." in browser.get(saved.headers["location"]).text
    page = browser.get(f"/authors/{author.id}").text
    src = re.search(r'<img class="author-photo" src="([^"]+)"', page)
    assert src and src.group(1).startswith(f"/authors/{author.id}/photo?v=")
    image = browser.client.get(src.group(1))
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    assert "immutable" in image.headers["cache-control"]
    assert image.headers["x-content-type-options"] == "nosniff"
    assert Image.open(io.BytesIO(image.content)).size == (512, 512)
    again = browser.client.get(src.group(1), headers={"If-None-Match": image.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert "max-age=300" in browser.client.get(f"/authors/{author.id}/photo").headers["cache-control"]


def test_bad_uploads_are_refused_with_a_clear_page_and_store_nothing(
    web_app: FastAPI, web_db: SymptomDB
) -> None:
    author = make_user(web_db.sessions, "author")
    browser = visitor(web_app, author)
    token = browser.csrf("/account/profile")
    png = image_bytes("PNG", (10, 10))
    no_csrf = browser.client.post("/account/profile/photo", files={"photo": ("a.png", png, "image/png")})
    assert no_csrf.status_code == 403
    html = browser.client.post(
        "/account/profile/photo",
        data={"csrf_token": token},
        files={"photo": ("evil.png", b"<svg onload=alert(1)>", "image/png")},
    )
    assert html.status_code == 422 and "not an image we can read" in html.text
    huge = browser.client.post(
        "/account/profile/photo",
        data={"csrf_token": token},
        files={"photo": ("big.jpg", b"\xff" * (photos.MAX_UPLOAD_BYTES + 200_000), "image/jpeg")},
    )
    assert huge.status_code == 413
    large_elsewhere = browser.client.post("/account/profile", content=b"x" * 200_000)
    assert large_elsewhere.status_code == 413  # the larger limit is for the photo address only
    with web_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuthorPhoto)) == 0
    assert browser.client.get(f"/authors/{author.id}/photo").status_code == 404
