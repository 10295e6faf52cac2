"""Extraction: spaCy plus newsledger components for entities, figures, dates, quotations."""
