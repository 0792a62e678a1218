"""Copies with hard line breaks (a PDF, a page printed to a width): a sentence, a word or a
number and its unit split over lines is read as one sentence, quoted as written; headings,
lists and tables keep their lines. Texts invented for these tests."""

from decimal import Decimal

from importer import pipeline, segment


def figure(document, value):
    found = [f for f in document.figures if f.value == Decimal(value) and not f.derived]
    assert len(found) == 1, (value, [(str(f.value), f.quote) for f in document.figures])
    return found[0]


def test_a_sentence_broken_before_its_number_or_unit_is_one_sentence():
    document = pipeline.read(
        "北川县2025年上半年环境质量简报\n"
        "2025年1—6月,北川县空气质量优良天数比例为\n"
        "93.4%,同比上升 2.2 个百分点;细颗粒物(PM2.5)平\n"
        "均浓度为 27 微克/立方米,在全省 21 个区县中排名第 3(去年同期为第\n"
        "5),同比下降\n"
        "6.9%。\n"
    )
    assert figure(document, "93.4").indicator == "air-good-days-ratio"
    assert figure(document, "2.2").indicator == "air-good-days-ratio"
    assert figure(document, "27").indicator == "pm25"
    change = figure(document, "-6.9")
    assert (change.indicator, change.kind) == ("pm25", "change")


def test_a_measure_on_its_own_line_runs_on_into_its_verb_and_value():
    document = pipeline.read(
        "南溪镇环境质量月报\n本月,南溪镇PM10平均浓度\n为48微克/立方米,较上月下降4.1%。\n"
    )
    assert figure(document, "48").indicator == "pm10"


def test_quotes_of_joined_lines_are_cut_from_the_original_with_their_line_breaks():
    text = "東坪縣2024年環境公報\n2024年,全縣地表水考核斷面水質優良比例為\n87.5%,較上年提高\n4.2個百分點。\n"
    document = pipeline.read(text)
    share = figure(document, "87.5")
    assert share.indicator == "water-good-sections-ratio"
    assert "優良比例為\n87.5%" in share.quote and share.quote in text
    assert figure(document, "4.2").quote in text


def test_a_decimal_opening_a_line_continues_the_sentence_and_is_no_list_item():
    paragraphs = segment.join_wrapped(["3月,全镇综合指数为", "3.86,同比改善 5.2%。"])
    assert paragraphs == ["3月,全镇综合指数为3.86,同比改善 5.2%。"]
    # A numbered section stays a heading after a sentence the copy left without its stop.
    lines = ["全县昼夜各监测12点次;夜间达标率为91.7%", "3.2  各类功能区情况", "1类区达标率为100%。"]
    assert segment.join_wrapped(lines) == lines


def test_headings_lists_and_cells_keep_their_lines():
    lines = [
        "一、大气环境",
        "全区PM2.5平均浓度为37微克/立方米,同比",  # a clause mark before: prose
        "下降3.2%。",
        "(一)空气质量达标天数",
        "1.城区优良天数为320天;",
        "2.郊区优良天数为331天。",
        "监测项目",
        "同比",
        "浓度(微克/立方米",
        "12",
        "全区水质状况",
        "2024年全区水质总体稳定。",
    ]
    # Only the clause broken after 同比 runs on: every other line stays one.
    assert segment.join_wrapped(lines) == [lines[0], lines[1] + lines[2], *lines[3:]]


def test_a_line_ending_with_a_figure_is_not_run_into_the_next_sentence():
    lines = ["全市声环境昼间达标率为95.2%", "夜间达标率有所下降。"]
    assert segment.join_wrapped(lines) == lines


def test_a_first_line_that_runs_on_into_the_next_is_no_title():
    document = pipeline.read(
        "3月1日至3月31日,青石县空气质量综合指数月\n"
        "累计为 3.92,全市 9 个区县排名第 2,同比下降 4.6%。\n"
    )
    index = figure(document, "3.92")
    assert index.indicator == "air-quality-composite-index"
    assert not document.title.startswith("3月1日")
    assert figure(document, "-4.6").indicator == "air-quality-composite-index"


def test_a_titled_bulletin_keeps_its_title_over_a_broken_paragraph():
    document = pipeline.read(
        "白河镇2024年第一季度空气质量通报\n"
        "一季度,白河镇PM2.5平均浓度\n"
        "为39微克/立方米,同比下降\n"
        "7.1%。\n"
    )
    assert document.title == "白河镇2024年第一季度空气质量通报"
    assert figure(document, "39").indicator == "pm25"
    assert figure(document, "-7.1").indicator == "pm25"


def test_a_character_lost_before_its_gloss_is_the_one_the_text_glosses_so_elsewhere():
    document = pipeline.read(
        "2024年,全縣(xiàn)空氣質(zhì)量?yōu)良天數(shù)為301天,"
        "優(yōu)良率為82.2%;地表水監(jiān)測斷面?yōu)良比例為90%。"
    )
    assert figure(document, "301").indicator == "air-good-days"
    assert figure(document, "82.2").indicator == "air-good-days-ratio"
    assert "質量優良天數" in figure(document, "301").quote
