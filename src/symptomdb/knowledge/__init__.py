"""The knowledge base: HPO terms, conditions, annotations, and the answers built from them."""
