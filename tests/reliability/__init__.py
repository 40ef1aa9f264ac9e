"""Reliability suite: hostile inputs, crashes, faults, concurrency and secrets, against real components."""
