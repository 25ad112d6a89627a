"""Factories of the visa part: a Ghanaian delegate's approved registration, the meeting's letter template,
a request's data and a requested or issued letter (through the services)."""

import datetime as dt

from accounts.tests.factories import UserFactory
from delegations.models import Delegation, Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from logistics.models.visa import VisaLetterTemplate
from logistics.services import visa as services

PASSPORT = "G7734512"


def ghana() -> Delegation:
    return Delegation.objects.filter(kind=Delegation.Kind.STATE, country="GH").first() or DelegationFactory(
        country="GH", name="Ghana"
    )


def ghanaian(meeting, *, status=Registration.Status.APPROVED, **person) -> Registration:
    values = {"first_name": "Kwabena", "last_name": "Asante", **person}
    return RegistrationFactory(meeting=meeting, delegation=ghana(), status=status, person=UserFactory(**values))


def template_for(meeting, actor) -> VisaLetterTemplate:
    values = services.default_template_values(meeting)
    values.update(
        {
            "letterhead_en": "Government of the United Mexican States\nMinistry of Foreign Affairs",
            "letterhead_fr": "Gouvernement des États-Unis du Mexique\nSecrétariat aux Relations extérieures",
            "letterhead_es": "Gobierno de los Estados Unidos Mexicanos\nSecretaría de Relaciones Exteriores",
            "signatory_name": "Juan Manuel Gómez",
            "signatory_title_en": "Director-General of Consular Services",
            "signatory_title_es": "Director General de Servicios Consulares",
        }
    )
    return services.visa_template_save(meeting=meeting, actor=actor, values=values)


def request_data(**overrides) -> services.VisaRequest:
    values = {
        "nationality": "GH",
        "passport_number": PASSPORT,
        "date_of_birth": dt.date(1979, 5, 17),
        "consulate_city": "Accra",
        "passport_expiry": dt.date(2015, 1, 31),
    }
    values.update(overrides)
    return services.VisaRequest(**values)


def requested_letter(registration, **overrides):
    return services.visa_letter_request(
        registration=registration, actor=registration.person, data=request_data(**overrides)
    )


def issued_letter(registration, chair, **overrides):
    if not VisaLetterTemplate.objects.filter(meeting=registration.meeting).exists():
        template_for(registration.meeting, chair)
    return services.visa_letter_issue(letter=requested_letter(registration, **overrides), actor=chair)
