"""The admin: operators write articles through the service (each save a version shown below
the article), the list counts feedback, nothing is deleted, feedback is read-only."""

import pytest

from sellerdesk.knowledge.models import Article, ArticleFeedback
from sellerdesk.knowledge.services import give_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(support_admin, client_as):
    support_admin.is_staff = True
    support_admin.is_superuser = True
    support_admin.save()
    return client_as(support_admin)


def test_saving_in_the_admin_is_a_new_version_by_the_operator(kb, operator_client, support_admin):
    article = Article.objects.get(slug="payout-on-hold", language="en")
    url = f"/admin/knowledge/article/{article.pk}/change/"
    assert operator_client.get(url).status_code == 200
    data = {
        "audience": "seller",
        "category": "payments",
        "title": "Payout on hold",
        "summary": article.summary,
        "keywords": article.keywords,
        "body": article.body,
        "published": "on",
        "versions-TOTAL_FORMS": "1",
        "versions-INITIAL_FORMS": "1",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
        "versions-0-id": str(article.versions.get().pk),
        "versions-0-article": str(article.pk),
    }
    response = operator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert (article.title, article.version, article.updated_by) == ("Payout on hold", 2, support_admin)
    assert list(article.versions.values_list("version", flat=True).order_by("version")) == [1, 2]


def test_the_admin_refuses_an_unsafe_link_in_place(kb, operator_client):
    data = {
        "slug": "new-one",
        "language": "en",
        "audience": "seller",
        "category": "other",
        "title": "New",
        "summary": "New.",
        "keywords": "",
        "body": "[x](javascript:alert(1))",
        "published": "on",
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    response = operator_client.post("/admin/knowledge/article/add/", data)
    assert response.status_code == 200
    assert "is not allowed" in response.content.decode()
    assert not Article.objects.filter(slug="new-one").exists()


def test_the_list_counts_feedback_and_nothing_is_deleted(kb, operator_client, ana, ben):
    give_feedback(ana, "payout-on-hold", "en", True)
    give_feedback(ben, "payout-on-hold", "en", False)
    html = operator_client.get("/admin/knowledge/article/", {"language__exact": "en", "q": "payout-on-hold"})
    assert html.status_code == 200
    assert 'class="field-helpful">1<' in html.content.decode()
    assert 'class="field-not_helpful">1<' in html.content.decode()
    article = Article.objects.get(slug="payout-on-hold", language="en")
    assert operator_client.get(f"/admin/knowledge/article/{article.pk}/delete/").status_code == 403
    feedback = ArticleFeedback.objects.first()
    assert operator_client.get(f"/admin/knowledge/articlefeedback/{feedback.pk}/change/").status_code == 200
    assert operator_client.post(f"/admin/knowledge/articlefeedback/{feedback.pk}/change/", {}).status_code == 403


def test_adding_an_article_in_the_admin_writes_its_first_version(kb, operator_client, support_admin):
    data = {
        "slug": "new-one",
        "language": "es",
        "audience": "seller",
        "category": "other",
        "title": "Nuevo",
        "summary": "Nuevo.",
        "keywords": "nuevo",
        "body": "Vea [su cuenta](/portal/account/).",
        "published": "on",
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    response = operator_client.post("/admin/knowledge/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="new-one", language="es")
    assert list(article.versions.values_list("version", "edited_by")) == [(1, support_admin.pk)]
