"""Database access: engine, sessions, models and versioned migrations."""
