from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mailings.services import suppressed
from roundtables.demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo, publish_demo_programme


class Command(BaseCommand):
    help = "Load (or refresh) the Fourth Meeting, Mexico 2010, with its delegations and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--concept-paper", default=settings.GFMD_CONCEPT_PAPER, type=Path)
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo accounts.")

    def handle(self, *args, concept_paper: Path, quiet_accounts: bool, **options):
        # The demo's services would notify its people of changes no one made, at every start.
        with suppressed("loading the demo"):
            meeting, outcome_accounts = self._load(concept_paper)
        self.stdout.write(self.style.SUCCESS(f"Loaded: {meeting.title_en} ({meeting.city}, {meeting.start_date:%Y})"))
        if not quiet_accounts:
            self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
            for account in DEMO_ACCOUNTS:
                self.stdout.write(f"  {account.email:<28} {account.role}")
            for email, role in outcome_accounts:
                self.stdout.write(f"  {email:<28} {role}")

    @staticmethod
    def _load(concept_paper: Path):
        meeting = load_demo(concept_paper)
        from outcomes.demo import load_outcome_demo

        outcome_accounts = load_outcome_demo(meeting)
        from papers.demo import load_paper_demo

        outcome_accounts = outcome_accounts + load_paper_demo(meeting)
        from delegations.demo import load_registration_demo

        outcome_accounts = outcome_accounts + load_registration_demo(meeting)
        from surveys.demo import load_survey_demo

        load_survey_demo(meeting)  # after the delegations' own focal points
        # Last, once every app has added its part of the teams: version 1 of the public programme.
        publish_demo_programme(meeting)
        return meeting, outcome_accounts
