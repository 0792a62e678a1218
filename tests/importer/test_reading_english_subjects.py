"""read() on English reports: what each figure measures when the words naming it stand in
another clause, or in the phrasing of a translation. Invented texts, in the style of China
Daily, Xinhua and machine-translated news items.
"""

from decimal import Decimal

import pytest

from importer import pipeline
from tests.importer.test_reading_english_habits import one


def test_a_change_named_as_a_noun_after_a_level_is_of_the_levels_measure():
    document = pipeline.read(
        "Shanxi air in the first half\n\n"
        "Across the province, the average concentration of PM10 was 58 micrograms/cubic meter, "
        "a decrease of 4.9% year -on -year; the share of good days was 81.2%, an increase of "
        "2.6 percentage points.\n"
    )
    level = one(document, "58")
    assert (level.indicator, level.unit_code) == ("pm10", "ug/m3")
    change = one(document, "-4.9")
    assert (change.kind, change.indicator) == ("change", "pm10")
    points = one(document, "2.6")
    assert (points.kind, points.indicator) == ("change", "air-good-days-ratio")


def test_a_level_reached_by_a_change_is_of_the_changes_measure():
    document = pipeline.read(
        "Cleaner air in Anhui\n\n"
        "The PM2.5 density in Hefei fell by 9.1 percent from a year ago to 38 micrograms per "
        "cubic meter, the bureau said.\n"
    )
    level = one(document, "38")
    assert (level.kind, level.indicator) == ("level", "pm25")


def test_translated_names_of_the_good_days_share_and_of_heavy_pollution():
    document = pipeline.read(
        "Air quality in the first quarter\n\n"
        "In the first quarter, the proportion of excellent days in the 13 cities was 88.4%, and "
        "the proportion of the number of days of severe and above was 1.2%. Lishui achieved an "
        "excellent air quality rate of 95.3 percent. The air quality in the old town, the "
        "centre of the city, was reported to have reached an excellent rate of 92.0 percent.\n"
    )
    assert one(document, "88.4").indicator == "air-good-days-ratio"
    assert one(document, "1.2").indicator == "heavy-pollution-days-ratio"
    assert one(document, "95.3").indicator == "air-good-days-ratio"
    assert one(document, "92.0").indicator == "air-good-days-ratio"


def test_the_share_of_time_at_the_excellent_grade_alone_is_no_good_days_share():
    document = pipeline.read(
        "Island air\n\n"
        "The proportion of time that stations reported excellent air quality amounted to 60.5%. "
        "For the rest of the time the air was good.\n"
    )
    assert one(document, "60.5").indicator is None


def test_water_classes_up_to_iii_however_the_range_is_written():
    document = pipeline.read(
        "Water quality improves\n\n"
        "The proportion of excellent water quality (Class I ~ III) was 76.5%. Over ten years the "
        "proportion of water at or above Grade III in the basin increased 4.2 percentage points "
        "to 88.0 percent. All nine sections of the county met or exceeded the Class III water "
        "quality standard with a 100 percent excellent rate.\n"
    )
    assert one(document, "76.5").indicator == "water-good-sections-ratio"
    change = one(document, "4.2")
    assert (change.kind, change.indicator) == ("change", "water-good-sections-ratio")
    assert one(document, "88.0").indicator == "water-good-sections-ratio"
    assert one(document, "100").indicator == "water-good-sections-ratio"


def test_an_excellent_rate_is_of_air_unless_the_sentence_is_about_water():
    document = pipeline.read(
        "County report\n\n"
        "In 2031, the air quality in the county seat, a hillside town of some forty thousand "
        "people on the river bend, was reported to have reached an excellent rate of 96.1 "
        "percent. All seven sections of the river met the Class II standard with a 100 percent "
        "excellent rate.\n"
    )
    assert one(document, "96.1").indicator == "air-good-days-ratio"
    assert one(document, "100").indicator != "air-good-days-ratio"


def test_a_share_of_time_is_named_by_the_clause_after_it():
    document = pipeline.read(
        "Island air\n\n"
        "For about 98.7% of the time in 2030, monitors recorded excellent and good air quality "
        "on the island.\n"
    )
    assert one(document, "98.7").indicator == "air-good-days-ratio"


def test_a_measure_named_after_its_share_as_a_noun():
    document = pipeline.read(
        "City report\n\n"
        "The city achieved a 100 percent safe utilization rate of key construction land, and "
        "reached a 93.2 percent forest coverage in the hills.\n"
    )
    assert one(document, "100").indicator == "construction-land-safe-use-rate"
    assert one(document, "93.2").indicator == "forest-cover"


def test_reports_the_authorities_received_are_complaints_but_reports_released_are_not():
    document = pipeline.read(
        "Complaints in May\n\n"
        "Of the 21,406 reports that environmental authorities received in May, most concerned "
        "noise. The total number of environment-related reports fell by 12 percent year on "
        "year. The ministry released 4 reports on river basins.\n"
    )
    assert one(document, "21406").indicator == "petitions"
    change = one(document, "-12")
    assert (change.kind, change.indicator) == ("change", "petitions")
    assert one(document, "4").indicator != "petitions"


def test_one_number_of_two_measures_joined_by_and_is_a_figure_for_each():
    document = pipeline.read(
        "Plan for cleaner air\n\n"
        "By 2030, emissions of sulfur dioxide and nitrogen oxides should have dropped by more "
        "than 12 percent. In May, PM2.5 and PM10 concentrations fell 6.4 percent. Beijing and "
        "Tianjin saw ozone rise 3.3 percent. The share of good days rose to 84.1 percent and "
        "PM2.5 fell by 2.2 percent.\n"
    )
    targets = sorted(f.indicator for f in document.figures if f.value == -12)
    assert targets == ["nox-reduction", "so2-emission-reduction"]
    assert sorted(f.indicator for f in document.figures if f.value == Decimal("-6.4")) == [
        "pm10",
        "pm25",
    ]
    assert {f.indicator for f in document.figures if f.value == Decimal("3.3")} == {"o3"}
    assert one(document, "84.1").indicator == "air-good-days-ratio"
    assert one(document, "-2.2").indicator == "pm25"


def test_micrograms_alone_and_a_subject_said_as_that_of():
    document = pipeline.read(
        "Air in the capital\n\n"
        "The PM2.5 level fell to 29 micrograms. That of PM10 dropped to 51 micrograms, and "
        "the ozone concentration was 141 micrograms per cubic meter, while that of nitrogen "
        "dioxide was 27 micrograms.\n"
    )
    for value, code in (("29", "pm25"), ("51", "pm10"), ("141", "o3"), ("27", "no2")):
        figure = one(document, value)
        assert (figure.indicator, figure.unit_code) == (code, "ug/m3"), value


def test_intensities_per_unit_of_gdp_and_complaints_handled():
    document = pipeline.read(
        "Green growth\n\n"
        "Energy consumption per unit of GDP fell 2.7 percent, and carbon dioxide emissions per "
        "unit of GDP dropped 3.6 percent. The province handled 2,918 environmental complaints "
        "last year.\n"
    )
    assert one(document, "-2.7").indicator == "energy-intensity-reduction"
    assert one(document, "-3.6").indicator == "carbon-intensity-reduction"
    assert one(document, "2918").indicator == "petitions"


def test_days_that_account_for_a_share_and_noise_by_day_and_by_night():
    document = pipeline.read(
        "City report\n\n"
        "Days with heavy pollution accounted for 2.1 percent of the year. Average noise levels "
        "in urban areas were 53.8 decibels during the day and 44.9 decibels at night, and road "
        "traffic noise was 66.2 decibels during the day.\n"
    )
    assert one(document, "2.1").indicator == "heavy-pollution-days-ratio"
    assert one(document, "53.8").indicator == "noise-day"
    assert one(document, "44.9").indicator == "noise-night"
    assert one(document, "66.2").indicator == "noise-traffic-day"


def test_more_english_phrasings_of_the_national_measures():
    document = pipeline.read(
        "National report\n\n"
        "The number of days with severe air pollution dropped to 6 days. Water quality in 88.4 "
        "percent of the monitored sections met Grade III standards or better. Nationwide, 339 "
        "cities recorded an average of 86.9 percent good air days. The city received 1,402 "
        "complaints about the environment, 97.6 percent of which were resolved.\n"
    )
    assert one(document, "6").indicator == "heavy-pollution-days"
    assert one(document, "88.4").indicator == "water-good-sections-ratio"
    assert one(document, "86.9").indicator == "air-good-days-ratio"
    assert one(document, "1402").indicator == "petitions"
    assert one(document, "97.6").indicator == "petitions-resolved-ratio"


def test_complaints_about_one_kind_of_pollution_are_a_breakdown():
    document = pipeline.read(
        "Noise report\n\n"
        "In 2030, the ministry received 281,000 public complaints about noise pollution. The "
        "city received 1,306 complaints about the environment.\n"
    )
    noise = one(document, "281000")
    assert noise.indicator is None and noise.proposed
    assert one(document, "1306").indicator == "petitions"


def test_a_list_of_values_whose_unit_follows_the_last_one():
    document = pipeline.read(
        "Air in May\n\n"
        "PM2.5 and PM10 averaged 31 and 57 micrograms per cubic meter, respectively. Readings "
        "at the stations ranged between 22 and 48 micrograms per cubic meter.\n"
    )
    assert one(document, "31").indicator == "pm25"
    assert one(document, "57").indicator == "pm10"
    assert not [f for f in document.figures if f.value == 22]


def test_that_of_another_pollutant_and_the_figure_of_the_sentence_before():
    document = pipeline.read(
        "Air in the province\n\n"
        "The concentration of PM2.5 was 34 micrograms per cubic meter, and that of PM10 was 61. "
        "The proportion of good air days was 82.6 percent. The figure was 79.3 percent a year "
        "earlier.\n"
    )
    pm10 = one(document, "61")
    assert (pm10.indicator, pm10.unit_code) == ("pm10", "ug/m3")
    assert one(document, "79.3").indicator == "air-good-days-ratio"


def test_such_days_are_the_days_the_sentence_before_named():
    document = pipeline.read(
        "Winter air\n\n"
        "Heavily polluted days fell by 35 percent. The city saw 9 such days in the winter.\n"
    )
    days = one(document, "9")
    assert (days.indicator, days.unit_code, days.kind) == ("heavy-pollution-days", "day", "level")


@pytest.mark.parametrize(
    ("verb", "sign"),
    [
        ("jumping by", 1),
        ("soaring by", 1),
        ("surging", 1),
        ("dipping by", -1),
        ("slumping", -1),
        ("plummeting by", -1),
    ],
)
def test_a_change_said_with_a_livelier_verb_is_a_change(verb, sign):
    document = pipeline.read(
        "Cleaner air in Hefei\n\n"
        f"Hefei reported good air quality on 81.4 percent of the days in 2031, {verb} "
        "6.2 percentage points year on year.\n"
    )
    change = one(document, str(Decimal("6.2") * sign))
    assert (change.kind, change.indicator) == ("change", "air-good-days-ratio")


def test_what_a_share_is_of_may_run_long_before_its_clause_ends():
    document = pipeline.read(
        "Water quality in 2031\n\n"
        'Figures released on Monday put the share of checked river sections with "good" '
        "water -- meaning Grade III or better on the national scale, which runs from I to V -- "
        "at 81.7 percent, up 2.3 percentage points from the year before.\n"
    )
    assert one(document, "81.7").indicator == "water-good-sections-ratio"
    change = one(document, "2.3")
    assert (change.kind, change.indicator) == ("change", "water-good-sections-ratio")


@pytest.mark.parametrize(
    "said",
    [
        "registering year-on-year decreases of 2.4 percent and 3.1 percent, respectively",
        "recording drops of 2.4 percent and 3.1 percent, respectively",
        "down 2.4 percent and 3.1 percent, respectively",
    ],
)
def test_changes_listed_after_the_levels_of_two_measures_are_theirs_in_order(said):
    document = pipeline.read(
        "Emissions in the first half\n\n"
        "The total volume of ammonia nitrogen emissions stood at 1.3 million tonnes "
        f"and nitrogen oxide emissions came to 9.6 million tonnes, {said}.\n"
    )
    first, second = one(document, "-2.4"), one(document, "-3.1")
    assert (first.kind, first.indicator) == ("change", "nh3n-reduction")
    assert (second.kind, second.indicator) == ("change", "nox-reduction")


@pytest.mark.parametrize(
    "change", ["a 2.4-percent drop", "a 2.4 percent drop", "a drop of 2.4 percent"]
)
def test_a_change_introduced_by_representing_is_of_the_level_before(change):
    document = pipeline.read(
        "Emissions in the first half\n\n"
        "Chemical oxygen demand, which gauges how much organic matter fouls the water, came to "
        f"8.7 million tonnes for the six months, representing {change} year on year.\n"
    )
    figure = one(document, "-2.4")
    assert (figure.kind, figure.indicator, figure.unit) == ("change", "cod-reduction", "%")


@pytest.mark.parametrize(
    "flat", ["the same as last year", "unchanged from a year earlier", "flat year on year"]
)
def test_an_english_level_said_unchanged_is_a_nil_change_in_its_measures_unit(flat):
    document = pipeline.read(
        "Air quality in 2031\n\n"
        f"In 2031, the average concentration of PM2.5 was 42 micrograms per cubic meter, {flat}. "
        f"The share of good days was 85.2 percent, {flat}.\n"
    )
    nil = [f for f in document.figures if f.value == 0]
    assert [(f.kind, f.indicator, f.unit) for f in nil] == [
        ("change", "pm25", "%"),
        ("change", "air-good-days-ratio", "percentage points"),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Nanjing and Suzhou recorded 29 and 33 micrograms per cubic meter, respectively",
        "The figures for Nanjing and Suzhou were 29 and 33 micrograms per cubic meter, respectively",
        "Nanjing and Suzhou reported 29 and 33 micrograms per cubic meter, respectively",
    ],
)
def test_places_listed_with_respectively_keep_the_measure_of_the_sentence_before(said):
    document = pipeline.read(
        "Air in Jiangsu\n\n"
        "In 2031, the average PM2.5 concentration in Jiangsu was 31 micrograms per cubic meter. "
        f"{said}.\n"
    )
    for value, city in (("29", "南京市"), ("33", "苏州市")):
        figure = one(document, value)
        assert (figure.indicator, figure.region.name) == ("pm25", city)


@pytest.mark.parametrize(
    "text",
    [
        "In 2031, PM2.5 and PM10 concentrations were 31 and 58 micrograms per cubic meter, "
        "down 6.1 percent and 3.3 percent respectively.",
        "In the first half of this year, the average concentrations of PM2.5 and PM10 were 31 and "
        "58 micrograms per cubic meter, decreasing by 6.1 percent and 3.3 percent year on year, "
        "respectively.",
        "The concentrations of PM2.5 and PM10 stood at 31 and 58 micrograms per cubic meter, "
        "dropping 6.1 percent and 3.3 percent, respectively.",
    ],
)
def test_two_lists_said_respectively_give_each_measure_its_level_and_its_change(text):
    document = pipeline.read(f"Air quality\n\n{text}\n")
    assert [(str(f.value), f.kind, f.indicator) for f in document.figures if not f.derived] == [
        ("31", "level", "pm25"),
        ("58", "level", "pm10"),
        ("-6.1", "change", "pm25"),
        ("-3.3", "change", "pm10"),
    ]


def test_a_share_of_days_says_what_days_before_the_speaker_is_named():
    document = pipeline.read(
        "Air quality in May\n\n"
        "The 12 cities saw 81.3 percent of days with good air in May, said Wang Fang, deputy "
        "director of the provincial environmental monitoring center.\n"
        "Monitors rated 76.4 percent of days in June as having good air quality, said Zhou "
        "Lan, who heads the provincial monitoring station.\n"
    )
    assert one(document, "81.3").indicator == "air-good-days-ratio"
    assert one(document, "76.4").indicator == "air-good-days-ratio"
    # near miss: a share of the time is named by the clause after it, not by the speaker
    document = pipeline.read(
        "Air quality in 2030\n\n"
        "For about 98.7% of the time in 2030, monitors in the city recorded excellent and good "
        "air quality, said Li Ming, head of the bureau's environmental monitoring department.\n"
    )
    assert one(document, "98.7").indicator == "air-good-days-ratio"


def test_an_aside_between_dashes_does_not_name_the_measure():
    document = pipeline.read(
        "Air quality in 2031\n\n"
        "Readings of PM10 — coarse dust particles no wider than ten microns "
        "- fell by 11.5 percent year-on-year, the bureau said.\n"
        "Levels of PM2.5 -- fine particles that reach deeper into the lungs than PM10 -- "
        "dropped by 9.2 percent in 2031.\n"
    )
    assert one(document, "-11.5").indicator == "pm10"
    assert one(document, "-9.2").indicator == "pm25"
    # near miss: a measure named by words of its own keeps them
    document = pipeline.read(
        "Air quality in 2031\n\nLevels of fine particulate matter dropped by 7.1 percent.\n"
    )
    assert one(document, "-7.1").indicator == "pm25"


def test_respectively_said_before_the_values_gives_each_item_its_own_in_order():
    document = pipeline.read(
        "Hunan air quality in 2023\n\n"
        "In 2023, the concentrations of fine particulate matter (PM2.5), sulfur dioxide (SO2) "
        "and nitrogen dioxide (NO2) in Hunan fell respectively by 4.2%, 3.1% and 6.0% "
        "year-on-year.\n"
    )
    assert [
        (f.indicator, f.kind) for f in (one(document, v) for v in ("-4.2", "-3.1", "-6.0"))
    ] == [
        ("pm25", "change"),
        ("so2", "change"),
        ("no2", "change"),
    ]
    # as many values as items only: three items and two values pair nothing in order
    document = pipeline.read(
        "Hunan air quality in 2023\n\n"
        "In 2023, the concentrations of PM2.5, SO2 and NO2 in Hunan fell respectively by "
        "4.2% and 3.1% year-on-year.\n"
    )
    assert not any(f.indicator == "so2" and f.value == Decimal("-4.2") for f in document.figures)


def test_items_then_as_many_values_after_the_verb_pair_in_order_without_respectively():
    document = pipeline.read(
        "Yunnan air quality in 2031\n\n"
        "Last year, the share of good days in Yunnan (covering 16 cities, excluding Kunming) was "
        "98.1%. NO2, PM10 and PM2.5 in average concentration were 11, 33, 21 micrograms per "
        "cubic meter.\n"
    )
    assert [one(document, v).indicator for v in ("11", "33", "21")] == ["no2", "pm10", "pm25"]
    share = one(document, "98.1")
    assert share.region is None or share.region.name != "昆明市"  # the city left out
