"""read() keeping a part named on its own apart from the whole measure it belongs to (one water
class among the classes, one channel of the complaints, one grade of the air's days), and
reading what a figure is of and its kind where the words say it briefly or after it.

The bulletins are invented (our own sentences and numbers). Each test fails if a part is filed
under the catalogue's measure of the whole, the whole is lost, or a figure is filed wrong.
"""

from tests.importer.test_reading_matching import filed, one, read

# One water class ------------------------------------------------------------------------------


def test_a_count_of_class_three_alone_is_no_count_of_class_three_or_better():
    document = read("2031年,云栖县布设的河流点位均达到或优于Ⅲ类:Ⅰ类4个,Ⅱ类16个,Ⅲ类水质7个。")
    assert one(document, "7").indicator is None
    document = read("2031年,全省国控断面中水质为Ⅲ类的有13个,Ⅳ类的有2个。")
    assert one(document, "13").indicator is None
    # near miss: sections at Ⅲ or better are counted so
    document = read("2031年,全省国控断面中有52个水质为Ⅲ类及以上。")
    assert filed(document, "52") == ("sections-class-iii-or-better", "level")


def test_a_change_of_one_class_is_not_of_the_classes_named_before_it():
    document = read("2031年青禾江流域Ⅰ~Ⅲ类断面占比同比下降2.2%,Ⅳ类断面上升8.4%,劣Ⅴ类断面上升1.3%。")
    assert filed(document, "-2.2") == ("water-good-sections-ratio", "change")
    assert filed(document, "8.4") == (None, "change")
    # near miss: 劣Ⅴ类 names a measure of its own
    assert filed(document, "1.3") == ("water-inferior-v-ratio", "change")


def test_a_change_of_class_five_is_not_of_worse_than_class_five_said_after_it():
    document = read(
        "2031年云栖县监测断面里Ⅳ类水质断面5个,占15.6%;Ⅴ类水质断面2个,占6.3%;"
        "劣Ⅴ类水质断面1个,占3.1%。较上一年,Ⅴ类水质断面下降4.7%,劣Ⅴ类水质断面上升0.8%。"
    )
    assert filed(document, "-4.7") == (None, "change")
    assert filed(document, "3.1") == ("water-inferior-v-ratio", "level")
    assert filed(document, "0.8") == ("water-inferior-v-ratio", "change")


def test_worse_than_class_five_is_read_in_a_copy_that_lost_the_numeral():
    document = read("2031年8月,青禾江干流劣类断面占比1.6%,比上年同期下降0.7个百分点。")
    assert filed(document, "1.6") == ("water-inferior-v-ratio", "level")
    assert filed(document, "-0.7") == ("water-inferior-v-ratio", "change")
    document = read("2031年,青禾江流域劣类水质断面占2.4%。")
    assert filed(document, "2.4") == ("water-inferior-v-ratio", "level")
    # near miss: worse than class Ⅲ is no worse than Ⅴ
    document = read("2031年,青禾江流域水质劣于Ⅲ类的断面比例为9.5%。")
    assert one(document, "9.5").indicator != "water-inferior-v-ratio"


# One channel of the complaints --------------------------------------------------------------


def test_one_channels_total_is_no_total_of_the_complaints():
    document = read("2031年5月,青禾市共登记群众电话举报3512件,较4月增加154件。")
    assert one(document, "3512").indicator is None
    assert one(document, "154").indicator is None
    document = read("2031年5月,云栖县共收到群众微信举报2894件,同比增长12.3%。")
    assert one(document, "2894").indicator is None
    assert one(document, "12.3").indicator is None


def test_the_whole_said_through_its_channels_stays_the_total():
    document = read("2031年5月,青禾市12369环保热线共受理投诉举报1520件。")
    assert filed(document, "1520") == ("petitions", "level")
    document = read("2031年5月,云栖县共受理群众来电、来信、网络等渠道举报216件。")
    assert filed(document, "216") == ("petitions", "level")


# One grade of the air's days ----------------------------------------------------------------


def test_heavy_pollution_among_grades_said_one_by_one_is_that_grade_alone():
    document = read(
        "2031年云栖县优级天132天,良级天190天,另有轻度污染31天,中度污染5天,重度污染3天。"
    )
    assert one(document, "3").indicator is None
    document = read("2031年,青禾市轻度污染占8.1%,中度污染占2.3%,重度污染占1.4%,严重污染占0.3%。")
    assert one(document, "1.4").indicator is None
    # near misses: 重度 with no other grade said is all heavy days, so is 重度 where no 严重
    # was, and none of them
    document = read("2031年,青禾市轻度污染40天、中度污染6天、重度污染2天,未出现严重污染天气。")
    assert filed(document, "2") == ("heavy-pollution-days", "level")
    document = read("2031年,全县优良率为94.5%,轻度污染12天,重度污染3天。")
    assert filed(document, "3") == ("heavy-pollution-days", "level")
    document = read("2031年,属于中度污染的天数为2天,全年无重度污染天气。")
    assert filed(document, "0") == ("heavy-pollution-days", "level")


def test_good_days_beside_excellent_days_are_the_good_grade_alone():
    document = read("2031年5月云栖县当月优级天数6天,良好天数22天,另有轻度污染3天。")
    assert one(document, "22").indicator is None
    document = read("2031年4月,云栖县优9天、良好19天,轻度污染2天。")
    assert one(document, "19").indicator is None
    # near miss: 良好天数 with no grade beside it counts the good days
    document = read("2031年5月份,全市良好天数19天,同比增加2天。")
    assert filed(document, "19") == ("air-good-days", "level")


def test_the_grade_of_a_count_of_days_may_follow_it():
    document = read("2031年1月,云栖县城区共有3天优、27天良,1天轻度污染。")
    assert filed(document, "3") == ("air-excellent-days", "level")
    assert one(document, "27").indicator is None  # the good grade alone: a proposal
    document = read("2031年4月份青禾市有11天优,17天良。")
    assert filed(document, "11") == ("air-excellent-days", "level")
    # near miss: a grade said of the month, not of a count of days before it
    document = read("2031年4月,全市优良天数28天,同比增加2天,空气质量总体为良。")
    assert filed(document, "28") == ("air-good-days", "level")
    assert filed(document, "2") == ("air-good-days", "change")


def test_days_of_the_first_grade_and_of_the_second_or_better_however_written():
    document = read("2031年上半年青禾市一级天70天,二级天98天。")
    assert filed(document, "70") == ("air-excellent-days", "level")
    document = read("2031年10月,青禾市达到二级(良)以上的天数共29天。")
    assert filed(document, "29") == ("air-good-days", "level")


def test_the_share_of_good_days_said_as_a_bare_rate_after_them_or_as_a_ratio():
    document = read("2031年,青禾市优良天数为301天,达标率为84.1%,较上年有所提高。")
    assert filed(document, "84.1") == ("air-good-days-ratio", "level")
    document = read("2031年云栖县优良比为90.7%,居全市第五。")
    assert filed(document, "90.7") == ("air-good-days-ratio", "level")
    # near misses: the share of days of one grade, and 优良 compared with a year before
    document = read("2031年,全市轻度污染天数20天,比例为5.5%。")
    assert one(document, "5.5").indicator is None
    document = read("2031年,全市空气质量优良天数比去年同期增加5天。")
    assert filed(document, "5") == ("air-good-days", "change")


# What a bare measure is of ------------------------------------------------------------------


def test_a_bare_rate_is_of_what_its_sentence_opened_with_before_the_sentence_ahead():
    document = read(
        "2031年,全市劣Ⅴ类断面仅1个。云栖县的5处乡镇饮用水水源地里,各次监测均达标,水质达标率为100%。"
    )
    assert filed(document, "100") == ("drinking-water-compliance", "level")
    document = read(
        "2031年,青禾江Ⅰ~Ⅲ类水质断面比例为88.1%。"
        "青禾市城区3座备用饮用水水源地当中,逐月采样无一超标,达标率为100%。"
    )
    assert filed(document, "100") == ("drinking-water-compliance", "level")
    # near miss: a sentence opening with nothing of its own takes the sentence before
    document = read("全市集中式饮用水水源地共12个。2031年,水质达标率为100%。")
    assert filed(document, "100") == ("drinking-water-compliance", "level")


# A change ranked among places -----------------------------------------------------------------


def test_the_sizes_of_a_rise_ranked_among_places_are_changes():
    document = read(
        "2031年1-2月,各市空气质量综合指数涨跌不一,"
        "升幅居前的依次为忻州(13.1%)、吕梁(4.7%)、临汾(2.2%)。"
    )
    for value in ("13.1", "4.7", "2.2"):
        assert filed(document, value) == ("air-quality-composite-index", "change")
    document = read("2031年,各市PM2.5浓度同比均下降,降幅前三位依次为:长治(15.2%)、阳泉(9.1%)。")
    assert filed(document, "-15.2") == ("pm25", "change")
    assert filed(document, "-9.1") == ("pm25", "change")
    # near miss: levels ranked among places stay levels
    document = read("2031年,优良天数比例排名前三位的城市依次是:忻州(95.1%)、吕梁(93.2%)。")
    assert filed(document, "95.1") == ("air-good-days-ratio", "level")
    assert filed(document, "93.2") == ("air-good-days-ratio", "level")


def test_counts_under_a_heading_of_one_channel_are_not_the_complaints_total():
    document = read(
        "一、电话举报受理情况\n2031年第四季度,共接到电话举报113件,不在环保职责范围内9件。"
    )
    assert one(document, "9").indicator is None
    document = read("（二）网上举报情况\n2031年,平台共收到网上举报123件,属于我局职责范围的87件。")
    assert one(document, "87").indicator is None
    # near miss: under a heading of all the complaints, the total is theirs
    document = read("一、信访举报受理情况\n2031年第四季度,全市共受理群众信访举报480件。")
    assert filed(document, "480") == ("petitions", "level")


def test_a_measure_counted_without_something_is_the_same_measure():
    document = read("2031年全省空气质量优良率84.2%,扣除沙尘天气影响后为86.1%。")
    assert filed(document, "86.1") == ("air-good-days-ratio", "level")
    document = read("2031年,全市PM2.5平均浓度为41微克/立方米,剔除沙尘天气影响后为37微克/立方米。")
    assert filed(document, "37") == ("pm25", "level")
    # near miss: what is said after the adjustment may name a measure of its own
    document = read("2031年,全市优良天数比例为85.5%,扣除沙尘影响后PM10浓度为58微克/立方米。")
    assert filed(document, "58") == ("pm10", "level")


def test_the_good_share_of_drinking_water_sources_said_before_them():
    document = read("2031年,云栖县共有优良水质饮用水水源地27个,所占比例96.4%。")
    assert filed(document, "96.4") == ("drinking-water-good-ratio", "level")
    document = read("2031年5月,全市优良水质水源地共11个,占91.7%。")
    assert filed(document, "91.7") == ("drinking-water-good-ratio", "level")
    # near miss: sources meeting the standard are the compliance share
    document = read("2031年,云栖县达标水质水源地共12个,占92.3%。")
    assert filed(document, "92.3") == ("drinking-water-compliance", "level")


def test_counts_of_places_named_once_after_their_list_are_of_those_words():
    document = read(
        "2031年5月,上月受理的举报中已办结2298件,"
        "吉林省通化市7件、白山市3件、辽宁省丹东市2件未按期办结。"
    )
    assert filed(document, "2298") == ("petitions-resolved", "level")
    for value in ("7", "3", "2"):
        assert one(document, value).indicator is None
    document = read("2031年6月已办结举报3117件,通化市5件、白山市1件仍在办理中。")
    assert one(document, "5").indicator is None
    # near miss: places' counts that close their sentence are of the measure before them
    document = read("2031年,吉林省共受理信访举报1200件,通化市320件、白山市41件。")
    assert filed(document, "320") == ("petitions", "level")
    assert filed(document, "41") == ("petitions", "level")
