"""Production refuses to start without knowing who the client is behind its proxies, and passes
Django's deploy check once it does."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "GFMD_ENV": "production",
    "SECRET_KEY": "a-test-secret-key-that-is-long-and-random-enough-0123456789-abcdefghijkl",
    "ALLOWED_HOSTS": "portal.example.org",
    "SITE_URL": "https://portal.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DJANGO_SETTINGS_MODULE": "gfmd.settings",
}
PRINT_CLIENT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
)


# What the test run itself sets (pytest-playwright's async permission among them) stays out.
LEFT_OUT = ("TRUSTED_PROXY_COUNT", "TRUSTED_CLIENT_IP_HEADER", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


def _manage(*args, **variables):
    environment = {name: value for name, value in os.environ.items() if name not in LEFT_OUT}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**environment, **PRODUCTION, **variables},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_the_proxy_set_up():
    result = _manage("check")
    assert result.returncode == 1
    assert (
        "ImproperlyConfigured: Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of the "
        "portal (0 when clients connect to it directly), or TRUSTED_CLIENT_IP_HEADER"
    ) in result.stderr


def test_production_refuses_a_proxy_count_that_is_not_a_number():
    result = _manage("check", TRUSTED_PROXY_COUNT="one")
    assert result.returncode == 1
    assert "TRUSTED_PROXY_COUNT must be a whole number of proxies (0 or more), not 'one'." in result.stderr


@pytest.mark.parametrize(
    ("variables", "printed"),
    [
        ({"TRUSTED_PROXY_COUNT": "0"}, "0 None"),
        ({"TRUSTED_PROXY_COUNT": "2"}, "2 None"),
        ({"TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}, "0 X-Real-IP"),
    ],
)
def test_production_hands_the_proxy_set_up_to_allauth(variables, printed):
    result = _manage("shell", "--no-imports", "-c", PRINT_CLIENT_SETTINGS, **variables)
    assert (result.returncode, result.stdout.strip()) == (0, printed), result.stderr


def test_production_with_a_proxy_count_passes_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", TRUSTED_PROXY_COUNT="1")
    assert result.returncode == 0, result.stderr
