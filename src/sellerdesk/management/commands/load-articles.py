"""`sellerdesk load-articles`: import the knowledge base's article files into the database.

Idempotent: new files create articles, changed files add a version, unchanged files (and operators'
edits since) are left alone, nothing is deleted. Any bad file stops the import and is listed."""

from django.core.management.base import BaseCommand, CommandError

from sellerdesk.knowledge.content import ContentError
from sellerdesk.knowledge.services import import_articles


class Command(BaseCommand):
    help = "Import the knowledge-base articles (knowledge/content/<language>/<slug>.md) into the database."

    def add_arguments(self, parser):
        parser.add_argument("--path", help="Another content directory (default: the shipped articles).")

    def handle(self, *args, path: str | None = None, **options):
        try:
            counts = import_articles(path)
        except ContentError as error:
            for file, reason in error.errors:
                self.stderr.write(f"{file}: {reason}")
            raise CommandError(f"{len(error.errors)} problem(s) in the article files; nothing was imported.") from None
        self.stdout.write(
            self.style.SUCCESS(
                "Articles: {created} created, {updated} updated, {unchanged} unchanged.".format(**counts)
            )
        )
