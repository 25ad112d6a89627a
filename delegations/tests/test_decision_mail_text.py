"""A registration decision goes out with the text the Chair's office wrote for the participant's
language (mailings.texts): the delegations' mails are registered mails like any other."""

import pytest

from accounts.tests.factories import UserFactory
from delegations.services import registration_reject
from delegations.tests.factories import RegistrationFactory
from mailings.models import OutgoingMail
from mailings.texts import mail_text_save

pytestmark = pytest.mark.django_db


def test_a_registration_decision_uses_the_edited_text(chair, meeting):
    mail_text_save(
        actor=chair,
        language="es",
        key="delegations.registration_rejected",
        subject="Inscripción no aprobada",
        body="{salutation}\n\nSu inscripción ({registration}) no fue aprobada.\n\nVer: {link}",
    )
    person = UserFactory(preferred_language="es", first_name="Ana", last_name="López", honorific="ms")
    registration = RegistrationFactory(meeting=meeting, person=person)
    registration_reject(registration=registration, actor=chair, reason="Fuera de plazo")
    mail = OutgoingMail.objects.get(to=person.email)
    assert mail.subject == "Inscripción no aprobada"
    assert mail.body_text.startswith("Estimada Sra. López:\n\nSu inscripción (Sra. Ana López – ")
    assert "/delegations/" in mail.body_text
