"""Reflection checklists: ``reflection`` and ``reflectionlist``, their nodes, collector, HTML
transform and scripts.
"""
