"""Eval harness: score answers against ground truth, draw the risk-coverage curve, calibrate thresholds."""
