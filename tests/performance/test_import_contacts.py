"""`sellerdesk import-contacts`: a CSV of buyer contacts in, with every rejected row reported by
its line number and reason, and a non-zero exit when any row was rejected."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sellerdesk.core import clock
from sellerdesk.performance.models import AccountHealth, BuyerContact

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
HEADER = "external_id,received_at,responded_at,survey_answer"


@pytest.fixture(autouse=True)
def _now():
    with clock.frozen_at(NOW):
        yield


def run(tmp_path, text: str, *args) -> str:
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import-contacts", str(path), *args, stdout=out)
    return out.getvalue()


def run_refused(tmp_path, text: str, *args) -> tuple[str, str]:
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import-contacts", str(path), *args, stdout=out)
    return out.getvalue(), str(info.value)


def test_a_clean_file_is_imported_and_the_health_computed(tmp_path, operator, ana):
    seller = ana.seller_account.marketplace_seller_id
    lines = [HEADER]
    for i in range(10):
        received = NOW - dt.timedelta(days=2, minutes=i)
        lines.append(
            f"c-{i},{received.isoformat()},{(received + dt.timedelta(hours=1)).isoformat()},{'no' if i < 3 else 'yes'}"
        )
    lines.append(f"c-10,{(NOW - dt.timedelta(days=1)).isoformat()},,")  # unanswered, no survey answer
    out = run(tmp_path, "\n".join(lines) + "\n", "--seller", seller)
    assert f"Seller {seller}: 11 accepted (11 created, 0 updated), 0 rejected." in out
    assert "Total: 11 accepted (11 created, 0 updated), 0 rejected." in out
    assert BuyerContact.objects.filter(seller_account=ana.seller_account).count() == 11
    health = AccountHealth.objects.get(seller_account=ana.seller_account, window_days=30)
    assert (health.survey_no, health.survey_answers, health.dissatisfaction_state) == (3, 10, "red")
    # Importing the same file again updates instead of counting twice.
    again = run(tmp_path, "\n".join(lines) + "\n", "--seller", seller)
    assert "11 accepted (0 created, 11 updated)" in again
    assert BuyerContact.objects.count() == 11


def test_rejected_rows_are_listed_with_line_numbers_and_the_exit_is_non_zero(tmp_path, operator, ana):
    seller = ana.seller_account.marketplace_seller_id
    good = (NOW - dt.timedelta(days=1)).isoformat()
    text = "\n".join(
        [
            HEADER,
            f"ok-1,{good},,yes",  # line 2
            f"bad-answer,{good},,maybe",  # line 3
            "bad-time,yesterday,,",  # line 4
            f"ok-2,{good},,NO",  # line 5 (answers are not case-sensitive)
            f"short,{good}",  # line 6: too few values
            f",{good},,yes",  # line 7: no external_id
        ]
    )
    out, error = run_refused(tmp_path, text + "\n", "--seller", seller)
    assert "2 accepted (2 created, 0 updated)" in out
    assert 'Line 3 (bad-answer): survey_answer: Use "yes", "no" or null.' in out
    assert "Line 4 (bad-time): received_at:" in out
    assert "Line 6 (short): The line does not have one value per column." in out
    assert "Line 7: external_id:" in out
    assert "Total: 2 accepted (2 created, 0 updated), 4 rejected." in out
    assert "4 row(s) rejected" in error
    assert set(BuyerContact.objects.values_list("external_id", "survey_answer")) == {("ok-1", "yes"), ("ok-2", "no")}


def test_a_seller_column_spreads_rows_over_sellers(tmp_path, operator, ana, ben):
    good = (NOW - dt.timedelta(days=1)).isoformat()
    a, b = ana.seller_account.marketplace_seller_id, ben.seller_account.marketplace_seller_id
    text = "\n".join(
        [
            HEADER + ",seller",
            f"a-1,{good},,yes,{a}",
            f"b-1,{good},,no,{b}",
            f"x-1,{good},,no,MN-NOPE",  # line 4: unknown seller
            f"a-2,{good},,no,{a}",
            f"n-1,{good},,no,",  # line 6: no seller and no --seller
        ]
    )
    out, _error = run_refused(tmp_path, text + "\n")
    assert f"Seller {a}: 2 accepted" in out
    assert f"Seller {b}: 1 accepted" in out
    assert "Line 4 (x-1): seller: There is no seller with this marketplace seller id." in out
    assert "Line 6 (n-1): seller: No seller" in out
    assert BuyerContact.objects.filter(seller_account=ana.seller_account).count() == 2
    assert BuyerContact.objects.filter(seller_account=ben.seller_account).count() == 1


def test_batches_respect_the_batch_size(tmp_path, operator, ana):
    good = (NOW - dt.timedelta(days=1)).isoformat()
    text = "\n".join([HEADER] + [f"c-{i},{good},,yes" for i in range(25)])
    out = run(tmp_path, text + "\n", "--seller", ana.seller_account.marketplace_seller_id, "--batch-size", "10")
    assert "25 accepted (25 created, 0 updated), 0 rejected." in out


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("external_id,received_at\n", ["--seller", "X"], "missing: responded_at, survey_answer"),
        (HEADER + ",colour\n", ["--seller", "X"], "unknown: colour"),
        ("", ["--seller", "X"], "missing: external_id"),
        (HEADER + "\n", [], "Give --seller"),
        (HEADER + "\n", ["--seller", "X", "--batch-size", "0"], "--batch-size"),
        (HEADER + "\n", ["--seller", "X", "--user", "nobody"], "no user"),
    ],
)
def test_a_file_that_cannot_be_read_as_contacts_is_refused_as_a_whole(tmp_path, operator, text, args, message):
    _out, error = run_refused(tmp_path, text, *args)
    assert message in error
    assert not BuyerContact.objects.exists()


def test_only_an_operator_may_import(tmp_path, operator, ana):
    _out, error = run_refused(tmp_path, HEADER + "\n", "--seller", "X", "--user", "ana")
    assert "not an operator" in error


def test_a_missing_file_is_refused(tmp_path, operator):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import-contacts", str(tmp_path / "nope.csv"), "--seller", "X")


def test_without_any_admin_there_is_no_one_to_import_as(tmp_path, ana):
    _out, error = run_refused(tmp_path, HEADER + "\n", "--seller", "X")
    assert "no active admin" in error
