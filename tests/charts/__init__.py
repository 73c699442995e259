"""Tests of svcops.charts: pieces of each builder's Vega-Lite spec (one file per chart module)."""
