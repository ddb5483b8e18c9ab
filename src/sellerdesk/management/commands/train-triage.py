from django.core.management.base import BaseCommand

from sellerdesk.assistant.triage.cli import main


class Command(BaseCommand):
    help = (
        "Train the offline triage model from the shipped corpus (and --corrections FILE.jsonl), evaluate it on "
        "the held-out split and write the versioned artefact. --help lists the options."
    )

    def run_from_argv(self, argv):
        # The trainer has its own argument parser: hand it everything after the command name.
        raise SystemExit(main(argv[2:]))
