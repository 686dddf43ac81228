"""Evaluation: compare extracted minutes with gold annotations, field by field."""
