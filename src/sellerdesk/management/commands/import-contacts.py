"""`sellerdesk import-contacts FILE.csv [--seller ID]`: buyer contacts from the marketplace's export."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import Role, User
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.performance import services

COLUMNS = ["external_id", "received_at", "responded_at", "survey_answer"]
OPTIONAL = ["seller"]


class Command(BaseCommand):
    help = (
        "Import buyer contacts from a CSV file with the columns external_id, received_at, responded_at, "
        "survey_answer and optionally seller (the marketplace seller id; or give --seller for the whole file). "
        "Times are ISO 8601 with a time zone; responded_at and survey_answer (yes/no) may be empty. Contacts "
        "already imported (same external_id) are updated. Rejected rows are listed with their line numbers and "
        "reasons, and the command then exits with status 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file (UTF-8, comma-separated, with a header line)")
        parser.add_argument("--seller", default="", help="marketplace seller id for rows without a seller column")
        parser.add_argument("--user", default="", help="operator username to act as (default: the first admin)")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help=f"contacts per call of the service (at most {services.MAX_CONTACTS_PER_BATCH})",
        )

    def handle(self, *args, file: str, seller: str, user: str, batch_size: int, **options):
        if not 1 <= batch_size <= services.MAX_CONTACTS_PER_BATCH:
            raise CommandError(f"--batch-size must be between 1 and {services.MAX_CONTACTS_PER_BATCH}.")
        actor = self._operator(user)
        rows, rejected = self._read(Path(file), seller.strip())
        totals = {"accepted": 0, "created": 0, "updated": 0}
        by_seller: dict[str, list[tuple[int, dict]]] = {}
        for line, seller_id, contact in rows:
            by_seller.setdefault(seller_id, []).append((line, contact))
        for seller_id, contacts in by_seller.items():
            counts = {"accepted": 0, "created": 0, "updated": 0}
            refused = 0
            for start in range(0, len(contacts), batch_size):
                batch = contacts[start : start + batch_size]
                try:
                    result = services.ingest_contacts(actor=actor, seller=seller_id, contacts=[c for _, c in batch])
                except SellerdeskError as error:  # the seller is unknown: every row of the batch is refused
                    for line, contact in batch:
                        rejected.append((line, contact.get("external_id"), error.fields or {"": [error.message]}))
                    refused += len(batch)
                    continue
                for key in counts:
                    counts[key] += result[key]
                for row in result["rejected"]:
                    rejected.append((batch[row["index"]][0], row["external_id"], row["errors"]))
                refused += len(result["rejected"])
            for key in totals:
                totals[key] += counts[key]
            self.stdout.write(
                f"Seller {seller_id}: {counts['accepted']} accepted ({counts['created']} created, "
                f"{counts['updated']} updated), {refused} rejected."
            )
        rejected.sort(key=lambda r: r[0])
        for line, external_id, errors in rejected:
            reasons = "; ".join(
                f"{field}: {' '.join(messages)}" if field else " ".join(messages) for field, messages in errors.items()
            )
            label = f" ({external_id})" if external_id else ""
            self.stdout.write(f"Line {line}{label}: {reasons}")
        self.stdout.write(
            f"Total: {totals['accepted']} accepted ({totals['created']} created, {totals['updated']} updated), "
            f"{len(rejected)} rejected."
        )
        if rejected:
            raise CommandError(f"{len(rejected)} row(s) rejected; the others were imported.")

    def _operator(self, username: str) -> User:
        if username:
            actor = User.objects.filter(username=username).first()
            if actor is None:
                raise CommandError(f"There is no user {username!r}.")
        else:
            actor = User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk").first()
            if actor is None:
                raise CommandError("There is no active admin user to import as; create one or give --user.")
        if not permissions.is_operator(actor):
            raise CommandError(f"{actor.username} is not an operator (an active admin user).")
        return actor

    def _read(self, path: Path, default_seller: str) -> tuple[list[tuple[int, str, dict]], list]:
        """The file's rows as (line number, seller, contact), and the rows refused before the service."""
        try:
            handle = path.open(newline="", encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from error
        rows, rejected = [], []
        with handle:
            reader = csv.DictReader(handle, restkey="\x00extra")
            try:
                header = [name.strip() for name in (reader.fieldnames or [])]
            except (csv.Error, UnicodeDecodeError) as error:
                raise CommandError(f"{path} is not a UTF-8 CSV file: {error}.") from error
            missing = [c for c in COLUMNS if c not in header]
            unknown = [c for c in header if c not in COLUMNS + OPTIONAL]
            if missing or unknown:
                raise CommandError(
                    "The header must name the columns "
                    f"{', '.join(COLUMNS)} (and optionally seller); missing: {', '.join(missing) or '-'}; "
                    f"unknown: {', '.join(unknown) or '-'}."
                )
            if "seller" not in header and not default_seller:
                raise CommandError("Give --seller, or a seller column in the file.")
            reader.fieldnames = header
            try:
                for raw in reader:
                    line = reader.line_num
                    external_id = (raw.get("external_id") or "").strip() or None
                    if "\x00extra" in raw or any(raw.get(c) is None for c in header):
                        rejected.append((line, external_id, {"": ["The line does not have one value per column."]}))
                        continue
                    seller = (raw.get("seller") or "").strip() or default_seller
                    if not seller:
                        reason = {"seller": ["No seller: fill the column or give --seller."]}
                        rejected.append((line, external_id, reason))
                        continue
                    contact = {
                        "external_id": raw["external_id"].strip(),
                        "received_at": raw["received_at"].strip(),
                        "responded_at": raw["responded_at"].strip() or None,
                        "survey_answer": raw["survey_answer"].strip().lower() or None,
                    }
                    rows.append((line, seller, contact))
            except (csv.Error, UnicodeDecodeError) as error:
                raise CommandError(f"{path} could not be read after line {reader.line_num}: {error}.") from error
        return rows, rejected
