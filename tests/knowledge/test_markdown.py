"""Articles render safely: everything is escaped, then only the Markdown subset becomes markup,
and links lead only to the product's own pages or to other articles."""

from sellerdesk.knowledge.markdown import render


def html(body: str) -> str:
    return str(render(body, article_url=lambda slug: f"/portal/help/{slug}/"))


def test_the_subset_becomes_markup():
    out = html(
        "## Steps\n\n1. Open **My account**.\n2. Press [Appeal](/portal/account/).\n\n"
        "- one\n- two\n  continued\n\nA paragraph\non two lines with `code`."
    )
    assert "<h2>Steps</h2>" in out
    assert (
        '<ol><li>Open <strong>My account</strong>.</li><li>Press <a href="/portal/account/">Appeal</a>.</li></ol>'
        in out
    )
    assert "<ul><li>one</li><li>two continued</li></ul>" in out
    assert "<p>A paragraph on two lines with <code>code</code>.</p>" in out


def test_html_in_a_body_is_shown_as_text():
    out = html('Hi <script>alert("x")</script> <img src=x onerror=alert(1)> & bye')
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert "&amp; bye" in out


def test_only_product_paths_and_article_links_keep_their_href():
    out = html(
        "[a](javascript:alert(1)) [b](https://evil.example/) [c](//evil.example/x) "
        '[d](/recovery/) [e](article:payout-on-hold) [f](/portal/x"onmouseover=alert(1))'
    )
    hrefs = [part.split('"')[0] for part in out.split('href="')[1:]]
    assert hrefs == ["/recovery/", "/portal/help/payout-on-hold/"]
    assert out.startswith("<p>a) b c ")  # refused links keep only their text
    assert "onmouseover" not in out.split("e</a>")[0]
