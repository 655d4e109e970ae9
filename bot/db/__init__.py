"""Database access: models, engine, repositories and migrations. SQL lives only here."""
