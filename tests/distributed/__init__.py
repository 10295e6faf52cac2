"""Tests of the scaled deployment on real servers: PostgreSQL, Redis, Celery workers."""
