"""The benchmark runner's parts (plain Python: it drives Django only through manage.py and HTTP)."""
