"""Readers, validation and the commit pipeline shared by every way data comes in."""
