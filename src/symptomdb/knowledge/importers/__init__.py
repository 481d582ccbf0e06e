"""One module per source file format; `run.import_all` puts them in the database in one transaction."""
