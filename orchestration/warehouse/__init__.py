"""Warehouse stage."""
