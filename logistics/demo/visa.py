"""visa: demo. The 2010 host government's letter template, Ghana's focal point's letter issued and a
second request waiting, all through the services; safe to run twice, sends no mail."""

import datetime as dt
from zoneinfo import ZoneInfo

from accounts.models import User
from delegations.models import Registration
from logistics.models.visa import VisaLetter
from logistics.services import visa as services
from mailings.services import suppressed
from roundtables.models import Meeting

VALLARTA = ZoneInfo("America/Mexico_City")
LETTERHEAD = {
    "en": "Government of the United Mexican States\nMinistry of Foreign Affairs · Directorate-General of Consular "
    "Services\nPlaza Juárez 20, Centro, 06010 Mexico City",
    "fr": "Gouvernement des États-Unis du Mexique\nSecrétariat aux Relations extérieures · Direction générale des "
    "services consulaires\nPlaza Juárez 20, Centro, 06010 Mexico",
    "es": "Gobierno de los Estados Unidos Mexicanos\nSecretaría de Relaciones Exteriores · Dirección General de "
    "Servicios Consulares\nPlaza Juárez 20, Centro, 06010 Ciudad de México",
}
TITLES = {
    "en": "Director-General of Consular Services",
    "fr": "Directeur général des services consulaires",
    "es": "Director General de Servicios Consulares",
}
# e-mail, nationality, passport number, date of birth, consulate city, issue it
REQUESTS = [
    ("focalpoint.gh@example.org", "GH", "G2281734", dt.date(1974, 3, 12), "Accra", True),
    ("rapporteur@example.org", "GH", "G1947265", dt.date(1981, 7, 4), "Accra", False),
]


def load_visa_demo() -> None:
    meeting = Meeting.objects.filter(start_date__year=2010).order_by("number").first()
    chair = User.objects.filter(email="chair@example.org").first()
    if meeting is None or chair is None:
        return
    with suppressed("demo"):
        if not hasattr(meeting, "visa_letter_template"):
            values = services.default_template_values(meeting)
            values.update({f"letterhead_{code}": text for code, text in LETTERHEAD.items()})
            values.update({f"signatory_title_{code}": text for code, text in TITLES.items()})
            values["signatory_name"] = "Ambassador Juan Manuel Gómez Robledo"
            services.visa_template_save(meeting=meeting, actor=chair, values=values)
        for email, nationality, passport, born, city, issue in REQUESTS:
            registration = (
                Registration.objects.filter(meeting=meeting, person__email=email, status=Registration.Status.APPROVED)
                .select_related("person")
                .first()
            )
            if registration is None or VisaLetter.objects.filter(registration=registration).exists():
                continue
            letter = services.visa_letter_request(
                registration=registration,
                actor=registration.person,
                data=services.VisaRequest(
                    nationality=nationality, passport_number=passport, date_of_birth=born, consulate_city=city
                ),
            )
            if issue:
                services.visa_letter_issue(letter=letter, actor=chair)
            # Dated inside the meeting's year, weeks before it (as delegations' demo dates its decisions).
            VisaLetter.objects.filter(pk=letter.pk).update(
                requested_at=dt.datetime(2010, 10, 15, 10, 0, tzinfo=VALLARTA),
                issued_at=dt.datetime(2010, 10, 20, 12, 0, tzinfo=VALLARTA) if issue else None,
            )
