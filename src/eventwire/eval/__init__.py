"""Accuracy measurement against public gold data: extraction and event coding."""
