"""Plain-language and clinical text → HPO terms, with negation and family history.

``annotate(knowledge, text)`` returns ``Mention``s; ``get_lexicon(knowledge)`` is the per-process
(and optionally on-disk) cached lexicon it uses. See README.md in this folder for the method.
"""

from symptomdb.text.annotate import Mention, annotate, annotate_with
from symptomdb.text.lexicon import Lexicon, get_lexicon

__all__ = ["Lexicon", "Mention", "annotate", "annotate_with", "get_lexicon"]
