"""The French and Spanish catalogues translate every string the portal marks for translation."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: f"{p.parts[-3]}-{p.stem}")
def test_catalogue_is_complete(catalogue):
    done = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    statistics = done.stderr.strip()
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics


def test_both_languages_have_catalogues():
    assert {p.parts[-3] for p in CATALOGUES} == {"fr", "es"}
