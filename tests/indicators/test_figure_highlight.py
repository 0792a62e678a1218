"""Each figure's sentence is marked where it stands in the bulletin, safely."""

import re
from types import SimpleNamespace

import pytest

from bulletins.rendering import render_body
from indicators.highlight import highlight_quotes
from tests.factories import make_bulletin, make_indicator, make_observation


def figure(pk, quote):
    return SimpleNamespace(pk=pk, quote=quote)


def test_the_quote_is_wrapped_in_a_mark_carrying_the_figures_anchor():
    result = highlight_quotes("<p>前文。全市优良天数327天。后文。</p>", [figure(7, "全市优良天数327天。")])
    assert result.html == '<p>前文。<mark id="obs-7" class="figure-mark">全市优良天数327天。</mark>后文。</p>'
    assert result.marked == {7}


def test_a_quote_not_in_the_text_marks_nothing_and_leaves_the_html_alone():
    html = "<p>正文。</p>"
    result = highlight_quotes(html, [figure(1, "不在正文里的句子")])
    assert result.html == html and result.marked == set()


def test_whitespace_and_inline_markup_do_not_hide_a_quote():
    result = highlight_quotes("<p>优良天数\n<strong>327</strong> 天。</p>", [figure(3, "优良天数327天。")])
    assert result.marked == {3}
    assert result.html.count('id="obs-3"') == 1
    assert "<strong><mark class=\"figure-mark\">327</mark></strong>" in result.html


def test_figures_sharing_a_sentence_each_get_their_anchor():
    sentence = "立案36件,罚款547.59万元。"
    result = highlight_quotes(f"<p>{sentence}</p>", [figure(1, sentence), figure(2, sentence)])
    assert result.marked == {1, 2}
    assert 'id="obs-1"' in result.html and 'id="obs-2"' in result.html
    assert re.sub(r"<[^>]+>", "", result.html) == sentence


def test_text_that_looks_like_markup_stays_escaped():
    html = str(render_body("数值 &lt;script&gt;alert(1)&lt;/script&gt; 1 &lt; 2 & 3。"))
    assert "<script" not in html
    result = highlight_quotes(html, [figure(9, "<script>alert(1)</script> 1 < 2 & 3。")])
    assert result.marked == {9}
    assert "<script" not in result.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 1 &lt; 2 &amp; 3。</mark>" in result.html


def test_sanitised_tags_pass_through_unchanged():
    html = str(render_body("见[链接](https://example.org)，优良天数300天。\n\n![图](https://example.org/a.png)"))
    result = highlight_quotes(html, [figure(4, "优良天数300天。")])
    untouched = re.sub(r'</?mark[^>]*>', "", str(result.html))
    assert untouched.replace("&quot;", '"') == html.replace("&quot;", '"')


@pytest.mark.django_db
def test_bulletin_page_marks_the_sentence_and_the_figure_list_points_to_it(client):
    bulletin = make_bulletin(body="全年工作成效明显。全市环境空气质量优良天数327天。其余略。")
    indicator = make_indicator(name="优良天数")
    found = make_observation(bulletin=bulletin, indicator=indicator, value="327", quote="全市环境空气质量优良天数327天。")
    missing = make_observation(bulletin=bulletin, indicator=indicator, value="300", quote="别处的句子300天。")
    html = client.get(bulletin.get_absolute_url()).content.decode()
    assert html.count(f'id="obs-{found.pk}"') == 1
    assert f'<mark id="obs-{found.pk}" class="figure-mark">全市环境空气质量优良天数327天。</mark>' in html
    assert f'id="figure-{found.pk}"' in html and f'href="#obs-{found.pk}"' in html
    assert html.count(f'id="obs-{missing.pk}"') == 1, "an unfound quote keeps the anchor in the list"
    assert f'<li id="obs-{missing.pk}" class="figure">' in html


@pytest.mark.django_db
def test_candidate_and_rejected_figures_are_not_marked_on_the_bulletin_page(client):
    from indicators.choices import ReviewState

    bulletin = make_bulletin(body="优良天数300天。优良天数301天。")
    indicator = make_indicator()
    candidate = make_observation(bulletin=bulletin, indicator=indicator, value="300", quote="优良天数300天。", review_state=ReviewState.CANDIDATE)
    rejected = make_observation(bulletin=bulletin, indicator=indicator, value="301", quote="优良天数301天。", review_state=ReviewState.REJECTED)
    html = client.get(bulletin.get_absolute_url()).content.decode()
    assert f"obs-{candidate.pk}" not in html and f"obs-{rejected.pk}" not in html
    assert "figure-mark" not in html


@pytest.mark.django_db
def test_every_accepted_figure_of_the_shipped_bulletins_is_marked_in_its_text(client, portal_fixtures):
    from bulletins.models import Bulletin
    from indicators.models import Observation

    for bulletin in Bulletin.objects.published():
        html = client.get(bulletin.get_absolute_url()).content.decode()
        for observation in Observation.objects.published().filter(bulletin=bulletin):
            assert f'<mark id="obs-{observation.pk}"' in html, f"{bulletin.slug}: {observation.quote}"
