from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sellerdesk.assistant import services
from sellerdesk.core.errors import SellerdeskError


class Command(BaseCommand):
    help = (
        "Load the guided troubleshooting flows (knowledge/content/flows/*.json) into the database: new flows are "
        "created, changed ones get a new version, the rest are left alone (safe to repeat). All in one transaction: "
        "a bad file stops the import with each of its problems, and nothing is loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="Load the flow files of this directory instead.")

    def handle(self, *args, **options):
        try:
            counts = services.import_flows(options["dir"])
        except SellerdeskError as error:
            problems = [f"{name}: {text}" for name, texts in (error.fields or {}).items() for text in texts]
            raise CommandError("\n".join([error.message, *problems])) from error
        self.stdout.write(
            f"Flows: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged."
        )
