"""`sellerdesk demo`: migrate, load the demo marketplace if the database is empty, and serve the
web app with the background worker on 127.0.0.1."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

LOGINS = [
    ("seller-ana", "seller, Ana's Kitchen Goods (US): an appeal under review"),
    ("seller-ben", "seller, Ben's Outdoor Supply (GB): a listing removed by a detector, to appeal"),
    ("seller-ciaran", "seller, Belfast Bikes (GB): account suspended, appeal denied (or try /recovery/)"),
    ("agent-t1", "agent, Tier 1 English and Español"),
    ("agent-t2", "agent, Tier 2 specialists"),
    ("agent-perf", "agent, Seller performance: appeals, complaints, detectors, identity reviews"),
    ("lead", "team lead, Tier 1 and Tier 2"),
    ("admin", "admin (also /admin/)"),
]


class Command(BaseCommand):
    help = "Prepare the demo marketplace and serve Sellerdesk with its background worker on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Only migrate and load the demo data.")
        parser.add_argument("--cases", type=int, default=320, help="How many demo cases to create.")

    def handle(self, *args, port: int, no_serve: bool, cases: int, **options):
        from sellerdesk.demo import loader

        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        if loader.is_loaded():
            self.stdout.write("The database already has data; the demo data was not loaded again.")
        else:
            self.stdout.write("Loading the Mercado Nimbus demo marketplace…")
            counts = loader.load(cases=cases)
            self.stdout.write(
                self.style.SUCCESS(
                    "Loaded {teams} teams, {sellers} seller accounts, {users} users and {cases} cases.".format(**counts)
                )
            )
        self._print_logins(port)
        if no_serve:
            return
        self._serve(port)

    def _print_logins(self, port: int) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Sellerdesk: http://127.0.0.1:{port}/"))
        self.stdout.write(f"API: http://127.0.0.1:{port}/api/v1/  (schema: /api/v1/openapi.json, docs: /api/v1/docs)")
        self.stdout.write("Demo logins (password for all: demo):")
        for username, what in LOGINS:
            self.stdout.write(f"  {username:<12} {what}")
        self.stdout.write("")

    def _serve(self, port: int) -> None:
        # The background worker (notifications) and the scheduler (periodic sweeps) run beside the
        # web server and stop with it. Links in their e-mails point at this server unless the
        # operator named another address.
        if "SELLERDESK_SITE_URL" not in os.environ:
            os.environ["SELLERDESK_SITE_URL"] = settings.SITE_URL = f"http://127.0.0.1:{port}"
        helpers = [
            subprocess.Popen(
                [sys.executable, "-m", "sellerdesk", "db_worker", "--interval", "1"], env=os.environ.copy()
            ),
            subprocess.Popen(
                [sys.executable, "-m", "sellerdesk", "scheduler", "--interval", "30"], env=os.environ.copy()
            ),
        ]
        self.stdout.write(
            f"Background worker (pid {helpers[0].pid}) and scheduler (pid {helpers[1].pid}) started. "
            "Press Ctrl+C to stop everything."
        )
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
        finally:
            for process in helpers:
                process.send_signal(signal.SIGTERM)
            for process in helpers:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
