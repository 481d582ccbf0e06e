"""symptomdb: an open-source, self-hostable Symptom Database.

Conditions and their symptoms (with frequencies and sources), name search that forgives
misspellings, and a differential diagnosis from symptoms to conditions.
"""

__version__ = "0.1.0"
