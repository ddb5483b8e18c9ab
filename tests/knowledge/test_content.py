"""The article files: a good file parses; every kind of bad file is refused with its file and the
reason, and one bad file stops the whole import."""

import pytest

from sellerdesk.knowledge.content import ContentError, parse_directory, parse_text
from sellerdesk.knowledge.models import Article

from .conftest import ARTICLES, article_text, write_article

GOOD = article_text("payout-on-hold", **ARTICLES[("en", "payout-on-hold")])


def reasons(text: str, *, name: str = "payout-on-hold.md", language: str = "en") -> str:
    with pytest.raises(ContentError) as info:
        parse_text(text, language=language, path=f"/content/{language}/{name}")
    assert all(str(path).endswith(name) for path, _reason in info.value.errors)
    return " | ".join(reason for _path, reason in info.value.errors)


def test_a_good_file_parses_into_its_fields():
    article = parse_text(GOOD, language="en", path="/content/en/payout-on-hold.md")
    assert (article.slug, article.language, article.category, article.audience) == (
        "payout-on-hold",
        "en",
        "payments",
        "seller",
    )
    assert article.title.startswith("Why is my payout")
    assert article.keywords == "payout, hold, reserve, disbursement, withheld"
    assert article.body.startswith("## Why payouts are held")
    assert len(article.source_hash) == 64


def test_a_file_without_front_matter_is_refused():
    assert "front-matter" in reasons("slug: payout-on-hold\nNo block here.")


def test_a_front_matter_without_its_closing_line_is_refused():
    assert "closing" in reasons("---\nslug: payout-on-hold\ncategory: payments\n")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("category: payments", "category: money"), "category: Use one of"),
        (("audience: seller", "audience: everyone"), "audience: Use one of"),
        (("slug: payout-on-hold", "slug: Payout_On_Hold"), "slug: Use lowercase"),
        (("slug: payout-on-hold", "slug: payout-held"), "differs from the file name"),
        (("keywords:", "tags: x\nkeywords:"), "unknown key 'tags'"),
        (("keywords:", "title: twice\nkeywords:"), "given twice"),
        (("keywords:", "no colon here\nkeywords:"), "is not 'key: value'"),
        (("title: Why is my payout on hold, and when will it be paid?\n", ""), "no 'title'"),
        (("A **reserve**", "A <script>alert(1)</script> **reserve**"), "HTML is not allowed"),
        (("(/portal/account/)", "(javascript:alert(1))"), "is not allowed: link to a page of the product"),
        (("(/portal/account/)", "(https://evil.example/)"), "is not allowed"),
        (("(/portal/account/)", "(//evil.example/)"), "is not allowed"),
    ],
)
def test_each_kind_of_mistake_is_named(change, expected):
    old, new = change
    assert old in GOOD
    assert expected in reasons(GOOD.replace(old, new, 1))


def test_an_empty_body_is_refused():
    text = GOOD.split("---\n## ")[0] + "---\n\n"
    assert "body: This field is required." in reasons(text)


def test_a_placeholder_in_angle_brackets_is_text_not_html():
    text = GOOD.replace("A **reserve**", "The subject reads [SD-000123] <case subject>.")
    assert "<case subject>" in parse_text(text, language="en", path="/content/en/payout-on-hold.md").body


def test_directory_checks_translations_agree_and_article_links_exist(kb_dir):
    write_article(
        kb_dir, "es", "lost-two-step-phone", **{**ARTICLES[("en", "lost-two-step-phone")], "category": "other"}
    )
    write_article(
        kb_dir,
        "en",
        "broken-link",
        category="other",
        title="Broken",
        summary="Links nowhere.",
        body="See [this](article:no-such-article).",
    )
    with pytest.raises(ContentError) as info:
        parse_directory(kb_dir)
    text = str(info.value)
    assert "es/lost-two-step-phone.md: category is 'other'" in text
    assert "en/broken-link.md: The link article:no-such-article leads to no article." in text


def test_one_bad_file_stops_the_import_and_nothing_is_written(db, kb_dir):
    from sellerdesk.knowledge.services import import_articles

    (kb_dir / "es" / "bad.md").write_text("no front matter", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        import_articles(kb_dir)
    assert [str(path).rsplit("/", 2)[-2:] for path, _ in info.value.errors] == [["es", "bad.md"]]
    assert not Article.objects.exists()


def test_files_outside_the_language_folders_are_not_articles(kb_dir):
    (kb_dir / "flows").mkdir()
    (kb_dir / "flows" / "payments.json").write_text("{}", encoding="utf-8")
    (kb_dir / "README.md").write_text("# notes", encoding="utf-8")
    assert len(parse_directory(kb_dir)) == len(ARTICLES)
