"""Throughput and scaling benchmarks for newsledger (not tests): see benchmarks/README.md."""
