"""Segmentation, query parsing and highlighting: no database."""

import pytest

from search.text import MAX_QUERY_LENGTH, QueryError, Term, parse_query, segment


def test_segmentation_keeps_two_character_words_and_the_words_inside_long_ones():
    words = segment("加快推进秸秆离田，国考断面水质明显改善，生态环境保护督察").split()
    assert {"秸秆", "水质", "督察", "生态", "环境", "保护", "环境保护"} <= set(words)


def test_segmentation_cuts_latin_words_at_punctuation_and_lowers_them():
    assert segment("PM2.5浓度为25微克") == "pm2 5 浓度 为 25 微克"


def test_full_width_forms_are_the_same_words_as_half_width_ones():
    assert segment("ＰＭ２．５") == segment("PM2.5")


def test_a_query_token_with_punctuation_is_one_phrase():
    assert parse_query("PM2.5").terms == (Term(("pm2", "5")),)


def test_a_long_word_may_also_be_found_through_its_parts():
    (term,) = parse_query("生态环境").terms
    assert term.phrase == ("生态环境",)
    assert term.alternatives == (("生态", "环境"),)


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(a b)", "a AND b OR -c", "title:水质^", "'; DROP TABLE bulletins_bulletin; --",
     "(((", "秸秆*", "\\'", "水质 & ! | <-> :*"],
)
def test_query_words_are_letters_and_digits_only(text):
    for term in parse_query(text).terms:
        for phrase in term.phrases:
            assert all(word.isalnum() for word in phrase), phrase


@pytest.mark.parametrize("text", ["", "   ", "😀🌏", "!!!", "“”《》、。", "*:^()"])
def test_a_query_without_letters_or_digits_is_empty(text):
    assert not parse_query(text)


def test_a_query_over_the_limit_is_refused_with_the_limit_in_the_message():
    assert parse_query("水" * MAX_QUERY_LENGTH)
    with pytest.raises(QueryError, match=str(MAX_QUERY_LENGTH)):
        parse_query("水" * (MAX_QUERY_LENGTH + 1))


def test_highlighting_escapes_the_text_and_marks_the_words():
    marked = parse_query("水质").highlighter().mark('<script>alert("水质")</script> 水质')
    assert marked == (
        "&lt;script&gt;alert(&quot;<mark>水质</mark>&quot;)&lt;/script&gt; <mark>水质</mark>"
    )


def test_highlighting_marks_latin_words_whatever_their_case_and_punctuation():
    marked = parse_query("pm2.5").highlighter().mark("PM2.5浓度")
    assert marked == "<mark>PM2.5</mark>浓度"


def test_the_snippet_is_the_passage_with_the_most_query_words():
    highlighter = parse_query("秸秆 禁烧").highlighter()
    snippet = highlighter.snippet(["全市空气质量改善。", "推进秸秆离田。秸秆全域禁烧取得实效。"])
    assert snippet == "<mark>秸秆</mark>全域<mark>禁烧</mark>取得实效。"


def test_a_long_passage_is_cut_around_the_first_match():
    highlighter = parse_query("督察").highlighter()
    snippet = highlighter.snippet(["开" * 300 + "督察" + "关" * 300])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>督察</mark>" in snippet
    assert len(snippet) < 200
