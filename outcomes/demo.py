"""Demo data for session outcomes: a representative of Spain, co-chair of session 1.1.

Mexico, the other co-chair government of 1.1, is represented by its focal point
(focalpoint.mx@example.org), so both co-chair governments of 1.1 can sign off in the demo."""

from allauth.account.models import EmailAddress

from accounts.models import User
from delegations.models import Delegation, Registration
from roundtables.models import Meeting, SessionPerson

DEMO_PASSWORD = "gfmd-demo-2010"
CO_CHAIR_ES = "cochair.es@example.org"

DEMO_OUTCOME_ACCOUNTS = [(CO_CHAIR_ES, "Co-chair's representative of Spain, session 1.1")]


def load_outcome_demo(meeting: Meeting) -> list[tuple[str, str]]:
    """Create (or refresh) the co-chair representative account; returns (e-mail, role) to print."""
    session = meeting.sessions.get(code="1.1")
    spain = Delegation.objects.get(kind=Delegation.Kind.STATE, country="ES")
    user, _ = User.objects.update_or_create(
        email=CO_CHAIR_ES,
        defaults={
            "first_name": "Elena",
            "last_name": "Navarro",
            "honorific": "ms",
            "job_title": "Deputy Director General for Migration",
            "organisation": "Ministry of Labour and Immigration, Spain",
            "is_active": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(user=user, email=CO_CHAIR_ES, defaults={"verified": True, "primary": True})
    Registration.objects.update_or_create(
        meeting=meeting,
        person=user,
        defaults={"delegation": spain, "role": Registration.Role.DELEGATE, "status": Registration.Status.APPROVED},
    )
    SessionPerson.objects.get_or_create(session=session, person=user, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE)
    return DEMO_OUTCOME_ACCOUNTS
