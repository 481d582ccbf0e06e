"""Errors the editorial services raise: each has an HTTP status and a machine-readable code, and a
message written for the person who caused it (pages show it, the API returns it, the CLI prints it)."""

from __future__ import annotations


class EditorialError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(EditorialError):
    status = 422
    code = "invalid_input"


class NotSignedIn(EditorialError):
    status = 401
    code = "not_signed_in"


class NotAllowed(EditorialError):
    status = 403
    code = "forbidden"


class NotFound(EditorialError):
    status = 404
    code = "not_found"


class EditConflict(EditorialError):
    """Someone saved the article after the version this edit started from: nothing was overwritten."""

    status = 409
    code = "edit_conflict"

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


class RateLimited(EditorialError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
