"""Lifecycle analysis: control-flow graph, resources, may-analysis of what is still alive."""
