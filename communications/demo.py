"""The demo's composed mailings (`load_communications_demo(meeting)`, called by portal.demo after the
registrations and papers): a logistics note of the Chair's office to all approved participants, in the
three languages, linking a published paper, and a Mexican focal point's note to their delegation.
Both stay drafts, so loading the demo again (at every start) writes no mail; loading twice changes nothing."""

from accounts.models import User
from communications.models import Audience, ComposedMailing
from delegations.models import FocalPoint
from papers.models import Paper
from roundtables.models import Meeting

LOGISTICS = {
    "title": "Logistics note: shuttle buses to the venue",
    "subject_en": "{meeting}: shuttle buses to the venue",
    "subject_fr": "{meeting} : navettes vers le lieu de la réunion",
    "subject_es": "{meeting}: autobuses al lugar de la reunión",
    "body_en": (
        "{salutation}\n\nShuttle buses leave the official hotels for the Convention Center at 7:45 and 8:15 "
        "every morning, and return after the last session. Please wear your badge on board.\n\n"
        "The background papers of the roundtables are on the portal (links below).\n\n"
        "The Chair's office"
    ),
    "body_fr": (
        "{salutation}\n\nDes navettes partent des hôtels officiels vers le Centre des congrès à 7 h 45 et "
        "8 h 15 chaque matin et reviennent après la dernière séance. Merci de porter votre badge à bord.\n\n"
        "Les documents de travail des tables rondes sont sur le portail (liens ci-dessous).\n\n"
        "Le bureau de la présidence"
    ),
    "body_es": (
        "{salutation}\n\nLos autobuses salen de los hoteles oficiales hacia el Centro de Convenciones a las "
        "7:45 y a las 8:15 cada mañana, y regresan después de la última sesión. Lleve su credencial a bordo.\n\n"
        "Los documentos de referencia de las mesas redondas están en el portal (enlaces abajo).\n\n"
        "La Oficina de la Presidencia"
    ),
}

DELEGATION_NOTE = {
    "title": "Coordination meeting of the delegation",
    "subject_en": "Coordination meeting of the delegation of {delegation}",
    "subject_es": "Reunión de coordinación de la delegación de {delegation}",
    "body_en": "{salutation}\n\nWe meet on Monday at 7:30 in the lobby of the hotel to prepare the roundtables.",
    "body_es": (
        "{salutation}\n\nNos reunimos el lunes a las 7:30 en el vestíbulo del hotel para preparar las mesas redondas."
    ),
}


def load_communications_demo(meeting: Meeting) -> None:
    chair = User.objects.filter(email="chair@example.org").first()
    logistics, _created = ComposedMailing.objects.update_or_create(
        meeting=meeting,
        title=LOGISTICS["title"],
        defaults={**LOGISTICS, "audience": Audience.PARTICIPANTS, "created_by": chair},
    )
    if logistics.state == ComposedMailing.State.DRAFT:
        papers = Paper.objects.published().filter(session__meeting=meeting).order_by("session__code", "pk")[:2]
        logistics.papers.set(papers)
    focal_point = (
        FocalPoint.objects.filter(meeting=meeting, user__email="focalpoint.mx@example.org")
        .select_related("user", "delegation")
        .first()
    )
    if focal_point is not None:
        ComposedMailing.objects.update_or_create(
            meeting=meeting,
            title=DELEGATION_NOTE["title"],
            defaults={
                **DELEGATION_NOTE,
                "audience": Audience.DELEGATION,
                "delegation": focal_point.delegation,
                "created_by": focal_point.user,
            },
        )
