"""NLP stage: amounts of money, § cross-references and named entities in the text of minutes."""
