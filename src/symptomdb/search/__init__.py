"""Finding conditions and symptoms by any name: synonyms, abbreviations, misspellings, questions."""
