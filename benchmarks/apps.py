from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The benchmark's scale data set and its measuring aids (see `make bench`)."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
