from django.core.management.base import BaseCommand

from sellerdesk.sla.services import start_missing_targets


class Command(BaseCommand):
    help = (
        "Give active cases that have no SLA targets (opened before the SLA engine was installed) their "
        "first-response and resolution targets, counted from now. Safe to repeat."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"SLA targets started for {start_missing_targets()} case(s).")
