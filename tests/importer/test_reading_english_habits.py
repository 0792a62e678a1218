"""read() on English reports written for these tests: habits of China Daily, Xinhua and
ministry releases that the first English rules missed. Invented texts, in their style.
"""

from datetime import date
from decimal import Decimal

from importer import pipeline


def figures_of(document, value):
    return [f for f in document.figures if f.value == Decimal(value) and not f.derived]


def one(document, value):
    found = figures_of(document, value)
    assert len(found) == 1, (value, [(str(f.value), f.kind, f.quote) for f in document.figures])
    return found[0]


def test_a_second_change_joined_by_and_keeps_the_measure_and_direction():
    document = pipeline.read(
        "Harbin reports cleaner air\n\n"
        "The PM10 reading stood at 71 micrograms per cubic meter in 2021, down 8.2 percent "
        "year on year and 24.5 percent from the 2015 level. The average NO2 concentration was "
        "30 micrograms per cubic meter, up 3.1 percent and 1.8 percent compared with 2019.\n"
    )
    second = one(document, "-24.5")
    assert (second.kind, second.indicator, second.unit) == ("change", "pm10", "%")
    assert (one(document, "1.8").kind, one(document, "1.8").indicator) == ("change", "no2")
    assert not figures_of(document, "24.5")


def test_a_number_after_and_with_words_of_its_own_is_not_a_second_change():
    document = pipeline.read(
        "Harbin reports cleaner air\n\n"
        "The PM10 reading fell 8.2 percent in 2021, and forest coverage reached 46.5 percent.\n"
    )
    forest = one(document, "46.5")
    assert (forest.kind, forest.indicator) == ("level", "forest-cover")


def test_a_sentence_the_page_repeats_word_for_word_is_read_once():
    said = (
        "From January to September, the share of days with good air quality in Hunan was "
        "88.6%, up 1.4 percentage points year-on-year."
    )
    document = pipeline.read(
        "Hunan air improves\n\n"
        f"Changsha, Oct 12 -- {said} The PM2.5 concentration was 31 μg/m3.\n\n"
        "Share of days with good air quality, January to September\n\n"
        f"{said}\n"
    )
    ratio = one(document, "88.6")
    assert ratio.indicator == "air-good-days-ratio"
    assert one(document, "1.4").kind == "change"


def test_two_places_of_one_sentence_with_one_value_are_two_figures():
    document = pipeline.read(
        "Two cities see more blue skies\n\n"
        "In 2024, the share of days with good air quality reached 90.2 percent in Zhuhai "
        "and 90.2 percent in Huizhou.\n"
    )
    assert {f.region.name for f in figures_of(document, "90.2")} == {"珠海市", "惠州市"}


def test_where_a_place_lies_in_china_is_not_the_country():
    document = pipeline.read(
        "Northwest China's Gansu sees more blue-sky days\n\n"
        "LANZHOU, March 2 (Xinhua) -- The share of days with good air quality in the province "
        "was 91.3 percent in 2024. In northern China's Shanxi province, the share was 74.6 "
        "percent, while 18.2 percent of heavy pollution days occurred in eastern China.\n"
    )
    assert document.region.name == "甘肃省"
    assert one(document, "74.6").region.name == "山西省"
    assert one(document, "18.2").region.name == "东部地区"


def test_a_pinyin_two_cities_share_is_the_one_in_the_province_named_beside_it():
    document = pipeline.read(
        "Cleaner rivers in the south\n\n"
        "Taizhou, a coastal city in Zhejiang province, saw 96.5 percent of its water sections "
        "rated Grade III or better in 2024.\n\n"
        "In Fuzhou, Jiangxi province, the share of good air days was 93.7 percent.\n\n"
        "Fuzhou recorded 4 heavy pollution days.\n"
    )
    water = one(document, "96.5")
    assert (water.region.name, water.indicator) == ("台州市", "water-good-sections-ratio")
    assert one(document, "93.7").region.name == "抚州市"
    heavy = one(document, "4")
    assert (heavy.indicator, heavy.unit) == ("heavy-pollution-days", "days")
    # The document's Fuzhou is the one in Jiangxi: said once, it stands for the report.
    assert heavy.region.name == "抚州市"


def test_a_pinyin_two_cities_share_names_neither_without_a_province():
    document = pipeline.read(
        "Fuzhou sees fewer smoggy days\n\nFuzhou recorded 4 heavy pollution days in 2024.\n"
    )
    heavy = one(document, "4")
    assert heavy.region is None or heavy.region.name not in ("福州市", "抚州市")


def test_a_place_then_another_province_with_its_own_figure_keeps_each_place():
    document = pipeline.read(
        "长春市和吉林省空气质量\n\n长春市优良天数比例为90.1%，吉林省为88.4%。\n"
    )
    assert one(document, "88.4").region.name == "吉林省"


# The header and dateline of English pages. --------------------------------------------


def test_a_xinhua_dateline_gives_the_source_and_the_header_line_the_date():
    document = pipeline.read(
        "Central China's Hubei reports cleaner rivers\n\n"
        "Xinhua) 09:41, March 3, 2024\n\n"
        "WUHAN, March 3 (Xinhua) -- The share of surface water sections of Grade I-III in the "
        "province was 95.1 percent in 2023, the Ministry of Ecology and Environment said.\n"
    )
    assert (document.publisher, document.date) == ("Xinhua", date(2024, 3, 3))
    assert document.region.name == "湖北省"


def test_an_agency_opening_the_article_is_its_source_not_the_ministry_it_quotes():
    document = pipeline.read(
        "China News Service, May 9, according to the Ministry of Ecology and Environment, "
        "the share of days with good air quality in 339 cities was 86.0 percent in April.\n"
    )
    assert document.publisher == "China News Service"


def test_a_city_opening_the_article_is_no_source():
    document = pipeline.read(
        "Hong Kong, May 9, the share of days with good air quality was 86.0 percent in April, "
        "according to the Ministry of Ecology and Environment.\n"
    )
    assert document.publisher == "Ministry of Ecology and Environment"


def test_a_source_label_and_a_byline_of_an_english_page():
    labelled = pipeline.read(
        "Shaanxi cuts coal use\n\nSource: cnshaanxi.org| 2024-06-02 10:11:12|Editor: Li\n\n"
        "Coal use fell 3.1 percent in 2023.\n"
    )
    assert (labelled.publisher, labelled.date) == ("cnshaanxi.org", date(2024, 6, 2))
    bylined = pipeline.read(
        "Lakes get cleaner\n\nBy LI MING | China Daily | Updated: 2024-09-14 07:30\n\n"
        "The share of lakes of Grade III or better reached 77.2 percent in 2023.\n"
    )
    assert (bylined.publisher, bylined.date) == ("China Daily", date(2024, 9, 14))


def test_a_photo_caption_dates_the_photo_not_the_report():
    document = pipeline.read(
        "A cyclist rides past a park in Xi'an, April 2, 2019. [Photo/Xinhua]\n\n"
        "Complaints about dust fell by 12 percent in March, the ministry said on Monday.\n"
    )
    assert document.date is None


def test_a_long_english_headline_is_the_title_and_an_acronym_of_the_ministry_its_source():
    headline = (
        "MEE released the national surface water and ambient air quality of the first "
        "three quarters of the year"
    )
    document = pipeline.read(
        f"Home->Newsroom->News\n{headline}\n\n"
        "According to the ministry, the share of good days was 84.2 percent, up 1.1 "
        "percentage points from the 2015 level.\n"
    )
    assert (document.title, document.publisher) == (headline, "MEE")
    assert document.region.name == "全国"


# Changes named after the number; limits, standards and ranges. ---------------------------


def test_a_change_named_after_its_number():
    document = pipeline.read(
        "Sanya keeps its air clean\n\n"
        "The PM2.5 concentration in Sanya was 12 micrograms per cubic meter in 2023, an 8.3% "
        "decrease compared to 2022. PM10 averaged 22 μg per cubic meter, a 4.5 percent "
        "year-over-year drop, and the share of good days posted a 1.2 percentage point rise.\n"
    )
    assert (one(document, "-8.3").kind, one(document, "-8.3").indicator) == ("change", "pm25")
    pm10 = one(document, "22")
    assert (pm10.unit_code, pm10.indicator) == ("ug/m3", "pm10")
    assert (one(document, "-4.5").kind, one(document, "-4.5").indicator) == ("change", "pm10")
    assert one(document, "1.2").indicator == "air-good-days-ratio"


def test_standards_guidelines_ranges_and_what_a_value_would_mean_are_no_figures():
    document = pipeline.read(
        "Guangzhou's air beats the national standard\n\n"
        "The PM2.5 concentration of Guangzhou was 21 micrograms per cubic meter in 2023, "
        "below the level-2 national standard, which is 35 micrograms per cubic meter. "
        "The WHO guideline sets the recommended annual average at 5 micrograms per cubic "
        "meter; the national limit is seven times higher than the WHO guideline. "
        "An AQI from 0 to 50 points is excellent, and more than 200 points indicates heavy "
        "pollution. Homes near main roads may hear up to 70 decibels and 55 decibels "
        "respectively by day and night.\n"
    )
    values = sorted(f.value for f in document.figures if not f.derived)
    assert values == [Decimal("21")], [(f.value, f.quote) for f in document.figures]


def test_figures_beside_limits_and_ranges_that_moved_stay_figures():
    document = pipeline.read(
        "Hefei cleans up\n\n"
        "Hefei removed all boilers below 35 tons and all 8,000 high-emission vehicles in "
        "2023. The share of cities meeting the national standard was 61.2 percent, and "
        "the share of good days rose from 80.1 to 84.6 percent.\n"
    )
    assert one(document, "8000").unit.endswith("vehicles")
    assert one(document, "61.2").unit == "%"
    assert one(document, "84.6").unit == "%"
    assert not figures_of(document, "35")


def test_a_tass_dateline_and_a_labelled_date_run_into_the_first_line():
    document = pipeline.read(
        "date 2024-02-05 HAIKOU /China/, February 5. /TASS/. The share of days with high air "
        "quality in Haikou was 99.2% in 2023, the local newspaper reported.\n"
    )
    assert (document.publisher, document.date) == ("TASS", date(2024, 2, 5))
    assert one(document, "99.2").indicator == "air-good-days-ratio"


def test_english_variants_of_the_catalogues_names():
    document = pipeline.read(
        "Report\n\n"
        "The 168 key cities had 24.3 days on average with good air quality in June. "
        "The share of days with heavy pollution was 1.4 percent in 2023. "
        "The share of sections with water quality of Class I to III reached 88.9 percent, "
        "and the proportion of water below Class V was 0.9 percent in 2024.\n"
    )
    assert one(document, "24.3").indicator == "air-good-days"
    assert one(document, "1.4").indicator == "heavy-pollution-days-ratio"
    assert one(document, "88.9").indicator == "water-good-sections-ratio"
    assert one(document, "0.9").indicator == "water-inferior-v-ratio"


# Periods. ---------------------------------------------------------------------------------


def test_since_a_year_runs_to_the_day_of_publication():
    document = pipeline.read(
        "Hebei retires old trucks\n\nUpdated: 2024-04-18 10:00\n\n"
        "The province has scrapped 125,000 high-emission vehicles since 2019.\n"
    )
    scrapped = one(document, "125000")
    assert (scrapped.period_start, scrapped.period_end) == (date(2019, 1, 1), date(2024, 4, 18))


def test_a_photo_caption_gives_the_report_no_year_and_no_text():
    document = pipeline.read(
        "A worker checks a monitor in Jinan, May 6, 2021. (PHOTO / VCG)\n"
        "Complaints about noise made up 38.2 percent of all reports received in October, "
        "the ministry said.\n"
    )
    share = one(document, "38.2")
    assert (share.period_start, share.period_end) == (None, None)
    assert "PHOTO" not in document.body


def test_an_english_paragraph_without_a_time_is_of_the_period_the_last_one_stated():
    document = pipeline.read(
        "Noise troubles a third of cities\n\n"
        "Authorities received 512,000 complaints about noise in 2019.\n\n"
        "Building sites drew 46.2% of them, and traffic 9.8%.\n\n"
        "By 2025, the share of complaints about noise should fall to 30 percent.\n\n"
        "Night-time noise met the standard at 71.5 percent of stations.\n"
    )
    year = (date(2019, 1, 1), date(2019, 12, 31))
    for value in ("46.2", "9.8", "71.5"):
        figure = one(document, value)
        assert (figure.period_start, figure.period_end) == year, value
    planned = one(document, "30")
    assert (planned.kind, planned.period_end) == ("target", date(2025, 12, 31))


def test_a_dated_header_line_is_not_the_opening_that_dates_the_report():
    document = pipeline.read(
        "Shandong's air improves\n\nXinhua) 08:15, February 2, 2024\n\n"
        "JINAN, Feb. 2 (Xinhua) -- Shandong reported more good air days in 2023.\n\n"
        "The share of good days reached 70.8 percent during the period.\n"
    )
    assert (document.period_start, document.period_end) == (date(2023, 1, 1), date(2023, 12, 31))
    share = one(document, "70.8")
    assert (share.period_start, share.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_this_year_is_the_year_of_publication_and_days_from_one_date_to_another():
    document = pipeline.read(
        "Liuzhou keeps clean air\n updatetime:2024-05-06 10:01:27 Source:gx.example.cn/liuzhou\n\n"
        "In 2023, the share of good days in Liuzhou was 93.1 percent.\n\n"
        "In the first quarter of this year, the share of good days was 95.0 percent.\n"
    )
    assert document.publisher == "gx.example.cn"
    quarter = one(document, "95.0")
    assert (quarter.period_start, quarter.period_end) == (date(2024, 1, 1), date(2024, 3, 31))
    document = pipeline.read(
        "Cleaner air this spring\n\nUpdated: 2024-06-12 08:00\n\n"
        "From January 20 to June 6, the share of good days was 90.2 percent.\n"
    )
    spring = one(document, "90.2")
    assert (spring.period_start, spring.period_end) == (date(2024, 1, 20), date(2024, 6, 6))


def test_a_region_then_the_country_in_apposition_keeps_the_region():
    document = pipeline.read(
        "Regions report cleaner air\n\n"
        "The Pearl River Delta, one of the country's busiest regions, saw the share of good "
        "days rise by 2.1 percentage points to 91.4 percent, while the average PM2.5 density "
        "declined 6.2 percent from the previous year. In Beijing-Tianjin-Hebei and the "
        "neighboring regions, the share of good days was rising 3.3 percentage points to "
        "61.0 percent.\n"
    )
    for value in ("2.1", "91.4", "-6.2"):
        assert one(document, value).region.name == "珠三角地区", value
    rising = one(document, "3.3")
    assert (rising.kind, rising.indicator, rising.region.name) == (
        "change",
        "air-good-days-ratio",
        "京津冀及周边地区",
    )


def test_the_grouping_written_as_a_list_of_its_three_members_is_the_grouping():
    document = pipeline.read(
        "Northern air report\n\n"
        "In March, the share of good days in cities in Beijing, Tianjin, Hebei and surrounding "
        "areas was 58.4 percent, while the PM2.5 density in Hebei province was 49 micrograms "
        "per cubic meter.\n"
    )
    assert one(document, "58.4").region.name == "京津冀及周边地区"
    assert one(document, "49").region.name == "河北省"


def test_points_said_right_after_a_number_of_days_move_the_days_not_their_share():
    document = pipeline.read(
        "Air report\n\n"
        "The 150 cities being monitored had 24.1 days on average with good air quality in "
        "April, up 2 percentage points year-on-year. Good days made up 80.4 percent of the "
        "month, up 1.5 percentage points.\n"
    )
    moved = one(document, "2")
    assert (moved.kind, moved.indicator) == ("change", "air-good-days")
    share = one(document, "1.5")
    assert (share.kind, share.indicator) == ("change", "air-good-days-ratio")


def test_a_share_of_days_that_names_no_grade_is_the_share_of_good_days():
    document = pipeline.read(
        "Air report\n\n"
        "In May, the average number of days in the 20 cities in the Fenwei Plain was 71.3%, "
        "an increase of 2.0 percentage points year-on-year. Valid monitoring days made up "
        "98.2% of the month.\n"
    )
    assert (one(document, "71.3").kind, one(document, "71.3").indicator) == (
        "level",
        "air-good-days-ratio",
    )
    assert one(document, "2.0").indicator == "air-good-days-ratio"
    assert one(document, "98.2").indicator != "air-good-days-ratio"


def test_that_figure_said_for_another_subject_keeps_the_unit_of_the_one_before():
    document = pipeline.read(
        "Noise report\n\n"
        "Six percent of the sites watched by day broke the national limits last year, while "
        "that figure rose to 19.4 for the sites watched at night.\n"
    )
    assert one(document, "19.4").unit == one(document, "6").unit


# Targets. ---------------------------------------------------------------------------------


def test_what_a_plan_says_next_is_planned_and_of_the_plans_year():
    document = pipeline.read(
        "Air plan unveiled\n\nUpdated: 2023-09-10 09:00\n\n"
        "The average PM2.5 density was 27 micrograms per cubic meter in August.\n\n"
        "According to the plan, by 2025, PM2.5 density should drop by more than 10 percent.\n\n"
        "Meanwhile, cities should see good days reach 87 percent and heavily polluted days "
        "decrease by more than 20 percent from 2020 levels.\n"
    )
    plan_year = (date(2025, 1, 1), date(2025, 12, 31))
    good = one(document, "87")
    assert (good.kind, (good.period_start, good.period_end)) == ("target", plan_year)
    heavy = one(document, "-20")
    assert (heavy.kind, (heavy.period_start, heavy.period_end)) == ("target", plan_year)
    august = one(document, "27")
    assert (august.kind, august.period_end) == ("level", date(2023, 8, 31))


def test_a_result_after_a_target_in_one_sentence_stays_a_result():
    document = pipeline.read(
        "Shenzhen beats its goal\n\n"
        "The city aims to keep good days above 95 percent, and the share reached 96.9 "
        "percent in 2023.\n"
    )
    assert one(document, "96.9").kind == "level"


def test_a_plan_still_to_come_dates_no_later_paragraph():
    document = pipeline.read(
        "Rivers to be watched closer\n\nUpdated: 2025-08-28 09:29\n\n"
        "China will expand water monitoring during the 15th Five-Year Plan (2026-30) period.\n\n"
        "More than 90 percent of the outlets found have been rectified, he said.\n"
    )
    rectified = one(document, "90")
    assert rectified.period_start is None or rectified.period_start.year < 2026


def test_an_english_list_said_respectively_gives_each_value_its_item():
    document = pipeline.read(
        "Cleaner air in spring\n\n"
        "The average PM2.5 density fell 8.1 percent in the first quarter, while the average "
        "density of PM10 and nitrogen dioxide dropped 12.4 percent and 6.5 percent, "
        "respectively. The shares of good days in Nantong, Wuxi and Changzhou were 81.2 "
        "percent, 78.4 percent and 79.9 percent, respectively.\n"
    )
    assert one(document, "-12.4").indicator == "pm10"
    assert one(document, "-6.5").indicator == "no2"
    places = {value: one(document, value).region.name for value in ("81.2", "78.4", "79.9")}
    assert places == {"81.2": "南通市", "78.4": "无锡市", "79.9": "常州市"}


def test_a_count_in_words_out_of_a_total_that_attained_something():
    document = pipeline.read(
        "More cities meet the standard\n\n"
        "Ninety-one out of the 339 cities attained the national air quality standard in 2023. "
        "In the first half, 6 out of 20 cities with the worst air were in Hebei.\n"
    )
    attained = one(document, "91")
    assert (attained.unit, attained.kind) == ("cities", "level")
    assert not figures_of(document, "6") and not figures_of(document, "339")


def test_a_header_line_of_date_and_outlet_byline_dates_the_report_and_names_its_source():
    # "Month D,YYYY" without a space after the comma, and the outlet after "By:".
    wire = pipeline.read(
        "Guangxi rivers run cleaner\n"
        "March 4,2024   By:Xinhua\n"
        "Mar.4, 2024-- Water quality in Guangxi improved last month, the regional "
        "environment authorities said on Monday.\n"
        "The share of sections of Grade I-III stood at 97.2 percent last month.\n"
    )
    assert (wire.publisher, wire.date) == ("Xinhua", date(2024, 3, 4))
    assert (one(wire, "97.2").period_start, one(wire, "97.2").period_end) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    paper = pipeline.read(
        "Dust complaints fall in Lanzhou\n"
        "By: China Daily | Sep 9,2023\n"
        "Complaints about dust fell by 12 percent in August, the city said.\n"
    )
    assert (paper.publisher, paper.date) == ("China Daily", date(2023, 9, 9))


def test_a_byline_naming_a_reporter_names_no_source():
    document = pipeline.read(
        "Dust complaints fall in Lanzhou\n"
        "By: Zhang Wei   October 2,2023\n"
        "Complaints about dust fell by 12 percent in September, the Ministry of Ecology and "
        "Environment said.\n"
    )
    assert document.publisher == "Ministry of Ecology and Environment"
    assert document.date == date(2023, 10, 2)


def test_an_agencys_story_on_the_ministrys_figures_naming_no_place_is_about_the_country():
    document = pipeline.read(
        "Rivers run cleaner\n"
        "May 14,2021   By:Xinhua\n"
        "The share of surface water of Grade I-III rose to 83.4 percent in April, the "
        "Ministry of Ecology and Environment said.\n"
    )
    assert (document.publisher, document.region.name) == ("Xinhua", "全国")


def test_things_closed_counted_in_words_or_with_several_words_before_the_noun():
    document = pipeline.read(
        "Hebei cuts pollution\nIn 2031, the province shut down three iron and steel factories "
        "while it removed 64 badly polluting facilities.\n"
        "Last year Tianjin closed five cement plants, and Twelve coal and gas boilers were removed."
    )
    assert one(document, "3").unit == "factories"
    assert one(document, "64").unit == "facilities"
    assert one(document, "5").unit.endswith("plants")
    assert one(document, "12").unit == "boilers"
    # numbers in words before what is not counted stay words
    document = pipeline.read(
        "Hebei cuts pollution\nIn 2031, one of the three rivers improved under a three-year plan."
    )
    assert not document.figures
    # deeds said in the present perfect with no time of their own are of no period said before
    document = pipeline.read(
        "Shanxi air\nFrom January to June 2031, PM2.5 averaged 38 micrograms per cubic meter.\n"
        "Since then the province has closed 17 coking plants. In June it removed 9 boilers."
    )
    assert one(document, "17").period_end is None
    assert one(document, "9").period_end is not None
