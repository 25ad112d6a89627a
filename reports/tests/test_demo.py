"""The demo (manage.py load_demo) gives the reports page something to produce."""

import pytest
from django.core.management import call_command

from reports.documents.outcomes import build_proceedings
from roundtables.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_report_of_the_proceedings_can_be_produced():
    call_command("load_demo", quiet_accounts=True)
    parts = list(build_proceedings({"meeting": Meeting.objects.current().pk}))
    assert len(parts) == 1
    html = parts[0].html
    assert "Joint Strategies to address irregular migration" in html
    assert "Migration, gender and family" in html
