"""Author photos: an optional portrait on the author's profile and byline.

An upload is never stored as sent. It is decoded by Pillow (only JPEG, PNG and WebP, bounded in bytes and
pixels, so a decompression bomb or a file that merely claims to be an image is refused), turned upright,
scaled to at most 512 pixels a side and re-encoded as JPEG: camera metadata (location, device) is dropped and
what is served is a plain image that no browser can take for anything else.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError
from pydantic import BaseModel
from sqlalchemy.orm import Session

from symptomdb.db.editorial_models import Account, AuthorPhoto
from symptomdb.editorial.common import utcnow
from symptomdb.editorial.errors import InvalidInput, NotFound
from symptomdb.editorial.profiles import editable_profile
from symptomdb.editorial.schemas import CurrentUser

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000  # a 40-megapixel camera; more is refused before decoding
MAX_SIDE = 512
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
MEDIA_TYPE = "image/jpeg"


class Photo(BaseModel):
    media_type: str
    data: bytes
    sha256: str
    width: int
    height: int


def prepare_photo(raw: bytes) -> Photo:
    """The stored form of an uploaded image, or InvalidInput saying what is wrong with it."""
    if not raw:
        raise InvalidInput("Choose an image file to upload.")
    if len(raw) > MAX_UPLOAD_BYTES:
        raise InvalidInput(f"The photo is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise InvalidInput("The photo must be a JPEG, PNG or WebP image.")
                if probe.width * probe.height > MAX_SOURCE_PIXELS:
                    raise InvalidInput("The photo has too many pixels; use a smaller image.")
                probe.verify()  # structure check without decoding the pixels
            with Image.open(io.BytesIO(raw)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((MAX_SIDE, MAX_SIDE))
                rgb = upright.convert("RGB")
    except InvalidInput:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):  # fmt: skip
        raise InvalidInput("The file is not an image we can read (JPEG, PNG or WebP).") from None
    out = io.BytesIO()
    rgb.save(out, format="JPEG", quality=85, optimize=True)  # no exif/icc passed: metadata is gone
    data = out.getvalue()
    return Photo(
        media_type=MEDIA_TYPE,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        width=rgb.width,
        height=rgb.height,
    )


def set_photo(session: Session, user: CurrentUser, account_id: int, raw: bytes) -> Photo:
    """Replace the author's photo (authors their own; admins anyone's)."""
    profile = editable_profile(session, user, account_id)
    photo = prepare_photo(raw)
    row = session.get(AuthorPhoto, account_id)
    if row is None:
        row = AuthorPhoto(account_id=account_id)
        session.add(row)
    row.media_type, row.data, row.sha256 = photo.media_type, photo.data, photo.sha256
    row.width, row.height, row.updated_at = photo.width, photo.height, utcnow()
    profile.photo_sha256 = photo.sha256
    profile.updated_at = utcnow()
    return photo


def remove_photo(session: Session, user: CurrentUser, account_id: int) -> None:
    profile = editable_profile(session, user, account_id)
    row = session.get(AuthorPhoto, account_id)
    if row is not None:
        session.delete(row)
    profile.photo_sha256 = None
    profile.updated_at = utcnow()


def get_photo(session: Session, account_id: int) -> Photo:
    row = session.get(AuthorPhoto, account_id)
    account = session.get(Account, account_id)
    if row is None or account is None or not account.is_active or account.role == "reader":
        raise NotFound("This author has no photo.")
    return Photo(
        media_type=row.media_type, data=row.data, sha256=row.sha256, width=row.width, height=row.height
    )
