"""Bulletin bodies are rendered from Markdown and sanitised before any reader sees them."""

from django.template import Context, Template
from django.utils.safestring import SafeString

from bulletins.rendering import render_body


def test_markdown_headings_and_paragraphs_become_html():
    html = render_body("## 一、全力打造生态升级版\n\n第一段。\n\n第二段。")
    assert "<h2>一、全力打造生态升级版</h2>" in html
    assert "<p>第一段。</p>" in html
    assert "<p>第二段。</p>" in html


def test_result_is_marked_safe_for_templates():
    assert isinstance(render_body("正文"), SafeString)


def test_empty_body_renders_as_empty_string():
    assert render_body("") == ""
    assert render_body(None) == ""


def test_script_tags_are_removed_with_their_content():
    html = render_body("正文<script>alert('x')</script>结束")
    assert "<script" not in html
    assert "alert" not in html
    assert "正文" in html and "结束" in html


def test_event_handler_attributes_are_removed():
    html = render_body('<img src="x.png" onerror="alert(1)" alt="图">\n\n<p onclick="steal()">段</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "alert" not in html


def test_javascript_urls_are_removed_from_links():
    html = render_body("[点我](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">b</a>")
    assert "javascript" not in html.lower()


def test_links_keep_safe_urls_and_get_a_rel():
    html = render_body("[生态环境部](https://www.mee.gov.cn/)")
    assert 'href="https://www.mee.gov.cn/"' in html
    assert "noopener" in html


def test_style_iframe_and_forms_are_not_allowed():
    html = render_body('<style>body{}</style><iframe src="https://evil"></iframe><form><input></form>')
    for tag in ("<style", "<iframe", "<form", "<input"):
        assert tag not in html


def test_template_filter_renders_and_does_not_double_escape():
    template = Template("{% load bulletin_tags %}{{ body|render_body }}")
    html = template.render(Context({"body": "**重点** <script>x()</script> & 其他"}))
    assert "<strong>重点</strong>" in html
    assert "<script" not in html
    assert "&amp;amp;" not in html


def test_images_with_a_broken_or_unknown_source_are_dropped():
    # A bare word, a path relative to the page, another host without a scheme, a script URL
    # or no source at all: nothing a reader's browser could show, so no <img> is left.
    for body in ("<img src=x>", "![图](x.png)", '<img src="//evil.example/a.png">',
                 '<img src="javascript:alert(1)" alt="图">', '<img alt="图">', "![图](data:image/png;base64,AAAA)"):
        html = render_body(f"前{body}后")
        assert "<img" not in html, body
        assert "前" in html and "后" in html


def test_images_from_the_web_or_the_sites_media_are_kept(settings):
    settings.MEDIA_URL = "/media/"
    html = render_body("![图一](https://www.mee.gov.cn/a.png) ![图二](/media/bulletins/b.jpg)")
    assert '<img alt="图一" src="https://www.mee.gov.cn/a.png">' in html
    assert '<img alt="图二" src="/media/bulletins/b.jpg">' in html


def test_a_link_to_a_script_leaves_its_label_alone():
    # The whole destination goes, quotes and parentheses included (no stray ')' or title),
    # and so does the anchor: what is left reads as plain text.
    cases = {
        "[click](javascript:alert(1))": "<p>click</p>",
        "前[点我](javascript:alert('x'))后": "<p>前点我后</p>",
        '前[点我](javascript:alert("x") "标题")后': "<p>前点我后</p>",
        "[**重点**](vbscript:msgbox(1))": "<p><strong>重点</strong></p>",
        '前<a href="JaVaScRiPt:alert(2)" title="t">b</a>后': "<p>前b后</p>",
        "前![图](javascript:alert('x'))后": "<p>前后</p>",
    }
    for body, expected in cases.items():
        assert render_body(body) == expected, body


def test_ordinary_links_and_code_are_untouched_by_the_script_link_rule():
    assert render_body("[附件](/media/a.pdf)") == '<p><a href="/media/a.pdf" rel="noopener noreferrer nofollow">附件</a></p>'
    assert render_body("`[x](javascript:y())`") == "<p><code>[x](javascript:y())</code></p>"
