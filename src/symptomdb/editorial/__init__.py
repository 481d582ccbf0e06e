"""Editorial: accounts, author profiles, articles with review, ratings, comments and moderation.

Services (plain functions taking a SQLAlchemy session, returning pydantic models) live in
`accounts`, `profiles`, `articles`, `ratings`, `comments`, `files` (export/import), `backup` and
`demo`. The web pages and the API are in `symptomdb.editorial.web`.
"""
