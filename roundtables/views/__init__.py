"""The roundtables pages, one module per audience and task (kept thin: services and selectors do the work)."""
