from django.core.management.base import BaseCommand

from sellerdesk.core import sweeps


class Command(BaseCommand):
    help = "Run every periodic sweep once (overdue commitments, ...). Safe to repeat."

    def handle(self, *args, **options):
        failed = False
        for name, count in sweeps.run_all().items():
            failed |= count < 0
            self.stdout.write(f"{name}: {'FAILED (see log)' if count < 0 else count}")
        if failed:
            raise SystemExit(1)
