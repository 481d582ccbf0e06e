"""Benchmarks: one module per capability; each returns figures, the CLI prints them."""
