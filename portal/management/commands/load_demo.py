from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from mailings.services import suppressed
from portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load (or refresh) the Fourth Meeting, Mexico 2010, with its delegations and demo accounts."

    def add_arguments(self, parser):
        parser.add_argument("--concept-paper", default=settings.GFMD_CONCEPT_PAPER, type=Path)
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo accounts.")

    def handle(self, *args, concept_paper: Path, quiet_accounts: bool, **options):
        # The demo's services would notify its people of changes no one made, at every start.
        with suppressed("loading the demo"):
            meeting, outcome_accounts = load_demo(concept_paper)
        self.stdout.write(self.style.SUCCESS(f"Loaded: {meeting.title_en} ({meeting.city}, {meeting.start_date:%Y})"))
        if not quiet_accounts:
            self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
            for account in DEMO_ACCOUNTS:
                self.stdout.write(f"  {account.email:<28} {account.role}")
            for email, role in outcome_accounts:
                self.stdout.write(f"  {email:<28} {role}")
