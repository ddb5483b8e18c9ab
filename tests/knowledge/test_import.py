"""Importing the article files: idempotent, a changed file is a new version, operators' edits
survive an unchanged file, nothing is deleted; the command; and the shipped content itself."""

from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from sellerdesk.cases.categories import Category
from sellerdesk.knowledge.content import CONTENT_DIR, content_files, parse_directory
from sellerdesk.knowledge.models import Article, ArticleVersion
from sellerdesk.knowledge.services import import_articles, save_article

from .conftest import ARTICLES, write_article

pytestmark = pytest.mark.django_db


def test_first_import_creates_every_article_with_its_first_version(kb):
    assert kb == {"created": len(ARTICLES), "updated": 0, "unchanged": 0}
    assert Article.objects.count() == len(ARTICLES)
    assert set(Article.objects.values_list("version", flat=True)) == {1}
    assert ArticleVersion.objects.count() == len(ARTICLES)
    agent = Article.objects.get(slug="agent-manual-reimbursement")
    assert agent.audience == "agent"
    assert agent.published


def test_a_second_import_of_the_same_files_changes_nothing(kb, kb_dir):
    before = list(Article.objects.values_list("pk", "version", "updated_at"))
    assert import_articles(kb_dir) == {"created": 0, "updated": 0, "unchanged": len(ARTICLES)}
    assert list(Article.objects.values_list("pk", "version", "updated_at")) == before
    assert ArticleVersion.objects.count() == len(ARTICLES)


def test_a_changed_file_becomes_version_two_and_keeps_version_one(kb, kb_dir):
    fields = {**ARTICLES[("es", "payout-on-hold")], "title": "¿Por qué mi pago sigue retenido?"}
    write_article(kb_dir, "es", "payout-on-hold", **fields)

    assert import_articles(kb_dir) == {"created": 0, "updated": 1, "unchanged": len(ARTICLES) - 1}
    article = Article.objects.get(slug="payout-on-hold", language="es")
    assert (article.version, article.title) == (2, "¿Por qué mi pago sigue retenido?")
    history = list(article.versions.order_by("version").values_list("version", "title", "edited_by"))
    assert history == [
        (1, ARTICLES[("es", "payout-on-hold")]["title"], None),
        (2, "¿Por qué mi pago sigue retenido?", None),
    ]


def test_a_removed_file_does_not_delete_its_article(kb, kb_dir):
    (kb_dir / "zh" / "appeal-plan-of-action.md").unlink()
    assert import_articles(kb_dir)["unchanged"] == len(ARTICLES) - 1
    assert Article.objects.filter(slug="appeal-plan-of-action", language="zh").exists()


def test_an_operator_edit_survives_an_import_of_unchanged_files(kb, kb_dir, support_admin):
    article = Article.objects.get(slug="payout-on-hold", language="en")
    save_article(
        support_admin,
        **{f: getattr(article, f) for f in ("slug", "language", "category", "audience", "summary", "body", "keywords")},
        title="Payout on hold: why, and when it is paid",
    )
    import_articles(kb_dir)
    article.refresh_from_db()
    assert (article.version, article.title) == (2, "Payout on hold: why, and when it is paid")


def test_the_command_reports_created_updated_and_unchanged(kb_dir, capsys):
    call_command("load-articles", path=str(kb_dir))
    call_command("load-articles", path=str(kb_dir))
    out = capsys.readouterr().out
    assert f"Articles: {len(ARTICLES)} created, 0 updated, 0 unchanged." in out
    assert f"Articles: 0 created, 0 updated, {len(ARTICLES)} unchanged." in out


def test_the_command_lists_bad_files_and_imports_nothing(kb_dir, capsys):
    (kb_dir / "en" / "bad.md").write_text("---\nslug: bad\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("load-articles", path=str(kb_dir))
    assert "bad.md: The front-matter block has no closing" in capsys.readouterr().err
    assert not Article.objects.exists()


# --- the shipped content ---------------------------------------------------------------------------

SHIPPED = Counter(language for language, _path in content_files(CONTENT_DIR))
MINIMUM = {"en": 60, "es": 60, "zh": 10}


@pytest.mark.skipif(
    any(SHIPPED[language] < count for language, count in MINIMUM.items()),
    reason=f"The knowledge base is still being written: {dict(SHIPPED)} article files, "
    f"this check needs at least {MINIMUM}.",
)
def test_the_shipped_articles_parse_cover_every_category_and_import():
    articles = parse_directory()  # raises, naming each bad file, if any file is wrong
    seller = Counter((a.language, a.category) for a in articles if a.audience == "seller")
    for language in ("en", "es"):
        thin = [c for c in Category.values if seller[(language, c)] < 2]
        assert not thin, f"{language}: fewer than 2 seller articles in {thin}"
    counts = import_articles()
    assert counts["created"] == len(articles)
    assert import_articles() == {"created": 0, "updated": 0, "unchanged": len(articles)}
