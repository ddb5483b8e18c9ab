import signal
import time

from django.core.management.base import BaseCommand

from sellerdesk.core import sweeps


class Command(BaseCommand):
    help = "Run the periodic sweeps every --interval seconds until stopped (Ctrl+C or SIGTERM)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--runs", type=int, default=0, help="Stop after this many runs (0: never).")

    def handle(self, *args, interval: float, runs: int, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Scheduler started: sweeps every {interval:g}s.")
        done = 0
        while not stopping:
            sweeps.run_all()
            done += 1
            if runs and done >= runs:
                break
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(0.5, interval))
        self.stdout.write("Scheduler stopped.")
