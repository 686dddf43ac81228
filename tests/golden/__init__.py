"""Golden files: the hand-checked extraction of each fixture document, and how to compare."""
