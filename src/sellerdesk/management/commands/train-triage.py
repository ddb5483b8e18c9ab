import json
import tempfile

from django.core.management.base import BaseCommand

from sellerdesk.assistant.services import training_examples
from sellerdesk.assistant.triage.cli import main

FROM_DB = "--with-db-corrections"


class Command(BaseCommand):
    help = (
        "Train the offline triage model from the shipped corpus, evaluate it on the held-out split and write the "
        f"versioned artefact. {FROM_DB} adds the agents' corrections stored in the database (one command to "
        "retrain from them); --corrections FILE.jsonl adds a file. --help lists the options."
    )

    def run_from_argv(self, argv):
        # The trainer has its own argument parser: hand it everything after the command name.
        args = argv[2:]
        if FROM_DB in args:
            args.remove(FROM_DB)
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
                count = 0
                for example in training_examples():
                    out.write(json.dumps(example, ensure_ascii=False) + "\n")
                    count += 1
            self.stdout.write(f"{count} corrected case(s) from the database added to the training data.")
            args += ["--corrections", out.name]
        raise SystemExit(main(args))
