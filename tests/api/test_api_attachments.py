"""POST /api/v1/cases/{id}/attachments: a message with files, as a multipart form. The files follow
the attachment rules of the portal; who may write on a case is who may reply on it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sellerdesk.cases.models import Attachment, Message

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% the carrier's pick-up receipt\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name="receipt.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def case_id(ana, tier1, open_case_as):
    return open_case_as(ana).pk


def url(case_id):
    return f"/api/v1/cases/{case_id}/attachments"


def written(case_id) -> tuple[int, int]:
    return Message.objects.filter(case_id=case_id).count(), Attachment.objects.filter(case_id=case_id).count()


def test_a_seller_sends_files_and_reads_them_back_from_the_timeline(api_as, ana, case_id):
    as_ana = api_as(ana)
    response = as_ana.post_form(
        url(case_id),
        {
            "body": "The pick-up receipt and a photo of the label.",
            "files": [pdf(), SimpleUploadedFile("label.png", PNG)],
        },
    )

    assert response.status_code == 201, response.content
    event = response.json()
    assert event["message"]["body"] == "The pick-up receipt and a photo of the label."
    files = event["message"]["attachments"]
    assert [(f["filename"], f["content_type"], f["size"]) for f in files] == [
        ("receipt.pdf", "application/pdf", len(PDF)),
        ("label.png", "image/png", len(PNG)),
    ]
    timeline = as_ana.get(f"/api/v1/cases/{case_id}/events").json()
    assert files == [a for e in timeline if e["message"] for a in e["message"]["attachments"]]
    download = as_ana.get(files[0]["url"])
    assert (download.status_code, b"".join(download.streaming_content)) == (200, PDF)


def test_another_seller_and_an_agent_of_another_team_get_404_and_write_nothing(api_as, ben, outsider_agent, case_id):
    for user in (ben, outsider_agent):
        response = api_as(user).post_form(url(case_id), {"body": "Mine now.", "files": [pdf()]})
        assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert written(case_id) == (1, 0)


def test_an_agents_internal_file_is_hidden_from_the_seller(api_as, ana, agent, case_id):
    response = api_as(agent).post_form(
        url(case_id), {"body": "Carrier's scan report.", "internal": "true", "files": [pdf("scan.pdf")]}
    )

    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "internal_note_added"
    attachment = Attachment.objects.get(case_id=case_id)
    as_ana = api_as(ana)
    seller_timeline = as_ana.get(f"/api/v1/cases/{case_id}/events").json()
    assert all(not e["message"] or not e["message"]["attachments"] for e in seller_timeline)
    assert as_ana.get(f"/api/v1/attachments/{attachment.pk}").status_code == 404


def test_a_seller_cannot_write_an_internal_note(api_as, ana, case_id):
    response = api_as(ana).post_form(url(case_id), {"body": "Secret.", "internal": "true", "files": [pdf()]})
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert written(case_id) == (1, 0)


@pytest.mark.parametrize(
    ("form", "status", "code", "field"),
    [
        ({"body": "No file."}, 422, "validation_error", "files"),
        ({"files": "pdf"}, 422, "validation_error", "body"),
        ({"body": "   ", "files": "pdf"}, 422, "validation_error", "body"),
        ({"body": "x" * 20_001, "files": "pdf"}, 422, "validation_error", "body"),
        ({"body": "A program.", "files": "exe"}, 400, "attachment_type_not_allowed", "attachments"),
        ({"body": "A PDF that is not one.", "files": "fake_pdf"}, 400, "attachment_type_not_allowed", "attachments"),
        ({"body": "Six files.", "files": "six"}, 400, "too_many_attachments", "attachments"),
        ({"body": "Receipt.", "files": "pdf", "internal": "maybe"}, 422, "validation_error", "internal"),
        ({"body": "Receipt.", "files": "pdf", "intern": "true"}, 422, "validation_error", "intern"),
        ({"body": "Receipt.", "files": "pdf", "file": "pdf"}, 422, "validation_error", "file"),
    ],
)
def test_bad_forms_and_refused_files_are_4xx_with_field_details_and_write_nothing(
    api_as, ana, case_id, form, status, code, field
):
    files = {
        "pdf": [pdf()],
        "exe": [SimpleUploadedFile("setup.exe", b"MZ\x90\x00")],
        "fake_pdf": [SimpleUploadedFile("receipt.pdf", b"MZ\x90\x00 not a pdf")],
        "six": [pdf(f"r{n}.pdf") for n in range(6)],
    }
    form = {name: files[value] if name in ("files", "file") else value for name, value in form.items()}
    response = api_as(ana).post_form(url(case_id), form)

    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code and field in body["fields"], body
    assert written(case_id) == (1, 0)


def test_a_file_over_the_size_limit_is_refused(api_as, ana, case_id, settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "ATTACHMENT_MAX_BYTES": 1024}
    response = api_as(ana).post_form(url(case_id), {"body": "Big scan.", "files": [pdf(content=PDF + b"0" * 2048)]})

    assert (response.status_code, response.json()["code"]) == (400, "attachment_too_large")
    assert written(case_id) == (1, 0)


def test_json_sent_to_the_form_endpoint_is_422_not_500(api_as, ana, case_id):
    response = api_as(ana).post(url(case_id), {"body": "Where do the files go?"})
    assert response.status_code == 422
    assert "files" in response.json()["fields"]


def test_a_retry_with_the_same_idempotency_key_writes_one_message(api_as, ana, case_id):
    as_ana = api_as(ana)
    key = {"Idempotency-Key": "evidence-1"}
    first = as_ana.post_form(url(case_id), {"body": "Receipt.", "files": [pdf()]}, headers=key)
    retry = as_ana.post_form(url(case_id), {"body": "Receipt.", "files": [pdf()]}, headers=key)

    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert written(case_id) == (2, 1)


def test_without_a_token_it_is_401(client, case_id):
    response = client.post(url(case_id), {"body": "Receipt.", "files": [pdf()]})
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")


def test_the_endpoint_is_in_the_openapi_schema_as_a_multipart_form(client, db):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/cases/{case_id}/attachments"]["post"]
    form = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert {"body", "files"} <= set(form["required"])
