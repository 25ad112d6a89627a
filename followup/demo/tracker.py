"""The tracker's part of the demo (part "tracker"): Mexico 2010's sessions that build on Athens 2009's
recommendations, as the concept paper says. RT 3.1 "will also take stock of the current status and
development of the Migration Profiles, as recommended in the Athens GFMD"; RT 3.3 reviews regional
consultative processes "in line with ... a specific recommendation of the Athens GFMD".

Run after the recommendations' demo, which publishes Athens' session 3.1 recommendations: R1 on Migration
Profiles and R2 on regional consultative processes (the demo's Athens outcome of 3.1 holds both).
Linked through the service, as Mexico's Chair's office (chair@example.org); a recommendation that is not
there is skipped, and a second run links nothing twice."""

from django.db import transaction
from django.db.models import Q

from accounts.models import User
from followup.models import Recommendation, SessionRecommendation
from followup.services.tracker import session_recommendation_link
from roundtables.models import Meeting

ATHENS = 3
MEXICO = 4
CHAIR = "chair@example.org"

# Mexico's session -> (Athens' session, what its recommendations are about, in their English text).
BUILDS_ON = {
    "3.1": ("3.1", Q(text_en__icontains="migration profile")),
    "3.3": ("3.1", Q(text_en__icontains="regional consultative") | Q(text_en__icontains="RCP")),
}


@transaction.atomic
def load_tracker_demo() -> int:
    """Returns how many links it made (0 on a second run)."""
    mexico = Meeting.objects.filter(number=MEXICO).first()
    chair = User.objects.filter(email=CHAIR).first()
    if mexico is None or chair is None:
        return 0
    made = 0
    for code, (athens_code, about) in BUILDS_ON.items():
        session = mexico.sessions.filter(code=code).first()
        if session is None:
            continue
        recommendations = (
            Recommendation.objects.published()
            .filter(outcome__session__meeting__number=ATHENS, outcome__session__code=athens_code)
            .filter(about)
            .select_related("outcome__session__meeting")
            .order_by("number")
        )
        if code == "3.1":
            recommendations = recommendations[:1]  # R1, the recommendation on Migration Profiles
        for recommendation in recommendations:
            if SessionRecommendation.objects.filter(session=session, recommendation=recommendation).exists():
                continue
            session_recommendation_link(session=session, recommendation=recommendation, actor=chair)
            made += 1
    return made
