"""read() on invented statistical-yearbook tables aligned with spaces.

A yearbook's table is written as lines of words and numbers: a line of Chinese column names
after the labels' heading, a line of units under them, then English lines wrapping the same
names word by word (no column of their own), and a row per place, labelled by its Chinese name
(its characters often spaced out to the column's width), its pinyin, or both. An empty cell is
only spaces, so a row that lacks a value has fewer numbers than the table has columns: where
the spaces between two of its numbers run wider than anywhere in a full row, the empty cells
stand there. A short row whose spaces say nothing of where its empty cell is stays unread.

The tables are invented (the places are real divisions, the values are not).
"""

from importer import pipeline

AIR = """2019年广西主要城市环境空气质量

表4-2 主要城市空气质量(2019年)

City 二氧化硫 二氧化氮 可吸入颗粒物 优良天数
(微克/立方米) (微克/立方米) (微克/立方米) (天)
Sulphur Nitrogen Inhalable Days of
Dioxide Dioxide Particles Good Air
         (μg/m³) (μg/m³) (μg/m³) (days)

     Nanning 11  27 52  338
桂    林  Guilin 14  23 58  341
     Liuzhou 19      61  322
北 海  Beihai 8  15 44  352
"""

NOISE = """2021年福建部分城市区域声环境质量统计

3-7 部分城市区域声环境(2021年)

城市 监测点位数 昼间等效声级 夜间等效声级
(个) dB(A) dB(A)
Monitoring Leq Leq
Points Day Night
厦    门 210  55.4  46.2
泉    州 180  56.1  47.9
漳    州 96      45.7
莆    田 88  54.9  46.8
"""


def _by_place(document):
    out = {}
    for figure in document.figures:
        name = figure.region.name if figure.region is not None else None
        out.setdefault(name, set()).add((figure.indicator, str(figure.value)))
    return out


def test_a_row_per_city_by_pinyin_or_both_names_under_a_bilingual_header():
    places = _by_place(pipeline.read(AIR))
    assert places["南宁市"] == {
        ("so2", "11"),
        ("no2", "27"),
        ("pm10", "52"),
        ("air-good-days", "338"),
    }
    assert places["桂林市"] == {
        ("so2", "14"),
        ("no2", "23"),
        ("pm10", "58"),
        ("air-good-days", "341"),
    }
    assert ("air-good-days", "352") in places["北海市"]


def test_a_short_rows_numbers_go_where_the_wide_gap_leaves_its_empty_cell():
    places = _by_place(pipeline.read(AIR))
    # Liuzhou has no NO2: the wide gap after its SO2 is that empty cell.
    assert places["柳州市"] == {("so2", "19"), ("pm10", "61"), ("air-good-days", "322")}


def test_chinese_labels_spaced_out_and_an_empty_day_cell():
    document = pipeline.read(NOISE)
    places = _by_place(document)
    assert ("noise-night", "46.2") in places["厦门市"]
    assert ("noise-day", "55.4") in places["厦门市"]
    # 漳州 has no daytime level: its 45.7 is the night's, not the day's.
    assert {(i, v) for i, v in places["漳州市"] if i and i.startswith("noise")} == {
        ("noise-night", "45.7")
    }


def test_a_short_row_whose_spaces_do_not_say_where_its_empty_cell_is_stays_unread():
    # A near miss: the row lost a cell but its numbers stand as close as a full row's, so
    # neither of its levels can be told the day's or the night's.
    text = NOISE.replace("漳    州 96      45.7", "漳    州 96  45.7")
    places = _by_place(pipeline.read(text))
    assert not {value for _indicator, value in places.get("漳州市", ())} & {"45.7"}
    assert ("noise-night", "47.9") in places["泉州市"]


TRAFFIC = """2020年云南部分城市道路交通声环境

5-3 道路交通声环境(2020年)

City 监测路段长度 平均车流量 等效声级
(公里) (辆/小时) dB(A)
Length Traffic Noise
of Roads Volume Level
Kunming 412.6  1880 67.3
Qujing 96.2  1405 66.1
Yuxi 88.0  1690 66.8
"""


def test_traffic_per_hour_is_a_flow_named_by_its_column_not_a_count():
    figures = {str(f.value): f for f in pipeline.read(TRAFFIC).figures}
    flow = figures["1880"]
    assert flow.unit == "辆/小时" and flow.indicator is None
    assert flow.region.name == "昆明市"
    assert figures["66.1"].region.name == "曲靖市"


# An English yearbook's header wraps every name over several lines, no line naming each column
# alone: the pollutants named by the words opening their names, in order, then a column for
# each unit in brackets; the unit spelt out on the line over the header is the pollutants'.
ENGLISH = """8-12  Air Quality in Selected Cities (2012)
(microgram/cu.m)
City     Number of Days
Sulphur Nitrogen Particulate with Good
Dioxide Dioxide Matters Air Quality
   (days)
Kunming 31 40 62 361
Guiyang 44 29 75 345
Lhasa 47 43 113 293
"""

ENGLISH_FINE = """6-2  Selected Cities' Air (2015)
(microgram/cu.m)
Region Fine Nitrogen Ozone
Particulate Dioxide
Matter
Xining 49 35 131
Yinchuan 51 32 144
Lanzhou 52 54 127
"""


def test_an_english_header_wrapping_each_name_over_lines():
    places = _by_place(pipeline.read(ENGLISH))
    assert {(i, v) for i, v in places["昆明市"] if i in ("so2", "no2", "pm10")} == {
        ("so2", "31"),
        ("no2", "40"),
        ("pm10", "62"),
    }
    assert ("pm10", "113") in places["拉萨市"]
    units = {f.unit for f in pipeline.read(ENGLISH).figures if f.indicator == "so2"}
    assert units == {"μg/m³"}


def test_fine_particulate_is_pm25_wherever_its_name_wraps():
    places = _by_place(pipeline.read(ENGLISH_FINE))
    assert places["西宁市"] >= {("pm25", "49"), ("no2", "35"), ("o3", "131")}


def test_a_column_the_header_names_by_no_pollutant_nor_unit_is_no_place_to_guess():
    # A near miss: a rank column has no pollutant's word and no unit, so the names do not
    # count the columns; the pollutants are not laid over the first columns by guess.
    text = (
        ENGLISH.replace("Number of Days", "Rank")
        .replace("with Good", "")
        .replace("Air Quality", "")
        .replace("   (days)\n", "")
    )
    text = text.replace(" 361", " 1").replace(" 345", " 2").replace(" 293", " 3")
    figures = pipeline.read(text).figures
    assert not [f for f in figures if f.indicator == "pm10" and str(f.value) in ("1", "2", "3")]
