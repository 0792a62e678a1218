"""The numbers the reading left (``Document.unread``): listed for the editor, with their words
around them and where they stand; what states no measure is not listed. Invented texts."""

from importer import pipeline


def _left(text):
    return [(left.number, left.at) for left in pipeline.read(text).unread]


def test_a_number_whose_unit_the_copy_broke_is_listed_where_it_stands():
    text = "2021年，澜溪市二氧化氮年均浓度为21 微克/ 立方米，优良天数比例为90.1%。"
    document = pipeline.read(text)
    assert [f.value_text for f in document.figures if not f.derived] == ["90.1"]
    (left,) = document.unread
    assert (left.number, left.at) == ("21", text.index("21 微克"))
    assert "二氧化氮年均浓度为21" in left.context


def test_a_column_of_bare_numbers_no_table_was_read_from_is_listed_number_by_number():
    text = "澜溪市各站点监测结果\n\n甲站\n\n乙站\n\n丙站\n\n35\n\n41\n\n28\n\n注：数据为初步统计。"
    assert [number for number, _at in _left(text)] == ["35", "41", "28"]


def test_read_figures_dates_headings_and_standards_are_not_listed():
    text = (
        "一、空气质量\n\n"
        "2022年3月，依GB 3095-2012和《澜溪市大气条例》第12条评价，"
        "澜溪市PM2.5平均浓度为31微克/立方米，同比下降6.1%。"
    )
    document = pipeline.read(text)
    assert {f.value_text for f in document.figures} >= {"31", "6.1"}
    assert document.unread == ()


def test_a_fall_read_as_a_negative_change_is_read_not_left():
    text = "澜溪市化学需氧量排放量同比下降4.2%，氨氮排放量同比下降3.3%。"
    assert _left(text) == []


def test_a_lines_list_mark_is_not_listed_the_lists_numbers_are():
    text = "1、澜溪市优良天数比例为90.1%。\n2、甲站、乙站二氧化氮浓度为35、41 微克/ 立方米。"
    assert [number for number, _at in _left(text)] == ["35", "41"]


def test_of_two_equal_numbers_the_one_left_is_listed_not_the_one_read():
    text = "甲站二氧化氮浓度为35 微克/ 立方米，乙站二氧化氮浓度为35微克/立方米。"
    document = pipeline.read(text)
    (read,) = [f for f in document.figures if not f.derived]
    assert read.at == text.rindex("35")
    assert _left(text) == [("35", text.index("35"))]


TABLE = (
    "澜溪市各县空气质量\n\n"
    "序号 | 县区 | PM2.5浓度(微克/立方米) | 优良天数比例(%) |\n"
    "1 | 甲县 | 27 | 91.2 |\n"
    "2 | 乙县 | 31 | 88.5 |\n"
    "3 | 丙县 | 35 | 86.0 |\n\n"
    "注：数据为初步统计。"
)


def test_a_table_cells_figure_stands_on_its_number_so_the_page_can_mark_it():
    document = pipeline.read(TABLE)
    cells = [f for f in document.figures if not f.derived]
    assert {f.value_text for f in cells} >= {"27", "91.2", "35", "86.0"}
    for figure in cells:
        assert TABLE[figure.at : figure.at + len(figure.value_text)] == figure.value_text


def test_a_tables_row_numbers_are_not_listed():
    assert _left(TABLE) == []


def test_a_heading_the_segmenter_ran_into_its_paragraph_is_still_found_in_the_text():
    # The block reads "蓝湾常驻一季度…", the text holds "蓝湾常驻\n\n一季度…": its figures and
    # the numbers left must still say where they stand, or the page cannot mark them.
    text = "澜溪县简报\n\n蓝湾常驻\n\n一季度全县优良天数为83天,另有2个点位待评。"
    block = "蓝湾常驻一季度全县优良天数为83天,另有2个点位待评。"
    at, where = pipeline._locate(text, block, 0)
    assert at == text.index("蓝湾")
    assert text[where[block.index("83")]] == "8"
    assert where[block.index("2个")] == text.index("2个")


def test_a_table_put_together_again_without_its_rule_line_is_still_found_in_the_text():
    text = "澜溪县道路噪声\n\n年度 |\n路段数 |\n---|---|\n2021年 |\n47 |\n2022年 |\n52 |\n\n注:数据为监测值。"
    block = "年度 |\n路段数 |\n2021年 |\n47 |\n2022年 |\n52 |"
    at, where = pipeline._locate(text, block, 0)
    assert at == text.index("年度")
    assert [where[block.index(n)] for n in ("47", "52")] == [text.index("47"), text.index("52")]


def test_a_block_not_in_the_text_is_not_placed_by_a_loose_likeness():
    text = "澜溪县道路噪声监测路段共47条。"
    assert pipeline._locate(text, "乙县空气优良天数为300天,同比增加5天。", 0) == (-1, None)


def test_words_stating_a_zero_no_figure_was_read_from_are_listed_as_zero():
    # A change the reading could not place, and days of a grade none fell on.
    text = "澜溪市三处水源地的取水口位置与前年相比保持不变。全年无严重污染天气。"
    listed = _left(text)
    assert [number for number, _at in listed] == ["不变", "无严重污染"]
    assert [at for _number, at in listed] == [text.index("不变"), text.index("无严重")]
    assert [n for n, _at in _left("The count of monitored lakes in Lanxi stayed unchanged.")] == [
        "unchanged"
    ]


def test_a_flat_change_read_as_a_figure_is_not_listed_again():
    text = "2022年澜溪市二氧化硫年均浓度为8微克/立方米,同比持平。"
    document = pipeline.read(text)
    assert any(f.kind == "change" and f.value == 0 for f in document.figures)
    assert document.unread == ()
