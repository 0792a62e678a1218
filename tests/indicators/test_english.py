"""Periods and qualifiers of figures in English, and what stays Chinese, marked as such."""

from datetime import date

import pytest
from django.utils import translation

from indicators.english import period_from_label, qualifier_text
from indicators.periods import period_text
from tests.factories import make_bulletin, make_indicator, make_observation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "label, end, english",
    [
        ("2023年", date(2023, 12, 31), "2023"),
        ("1—11月", date(2021, 11, 30), "January–November 2021"),
        ("1至10月份", None, "January–October"),
        ("截至12月28日", date(2021, 12, 28), "to 28 December 2021"),
        ("截止2020年底", date(2020, 12, 31), "to the end of 2020"),
        ("“十三五”期间", date(2020, 12, 31), "the 13th Five-Year Plan period (2016–2020)"),
        ("去年同期以来", None, None),
    ],
)
def test_period_labels_of_the_usual_shapes_read_in_english(label, end, english):
    assert period_from_label(label, end) == english


def test_a_period_of_another_shape_reads_from_its_dates_or_points_to_the_sentence():
    indicator = make_indicator()
    bulletin = make_bulletin()
    dated = make_observation(bulletin=bulletin, indicator=indicator, period_label="统计期内",
                             period_start=date(2021, 3, 1), period_end=date(2021, 9, 30))
    undated = make_observation(bulletin=bulletin, indicator=indicator, period_label="统计期内", period_start=None, period_end=None)
    with translation.override("en"):
        assert period_text(dated) == "March–September 2021"
        assert period_text(undated) == "period as stated in the sentence"
    assert period_text(dated) == "统计期内（2021年）"


def test_a_qualifier_not_in_the_glossary_stays_chinese_and_is_labelled_so(client, city, bulletin, ratio):
    make_observation(bulletin=bulletin, indicator=ratio, region=city, value="90", unit="%", qualifier="某新口径")
    make_observation(bulletin=bulletin, indicator=ratio, region=city, value="91", unit="%", qualifier="扣除沙尘异常超标天数后",
                     period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_label="2022年")
    assert qualifier_text("扣除沙尘异常超标天数后", english=True).lang == "en"
    client.cookies["django_language"] = "en"
    html = client.get(ratio.get_absolute_url()).content.decode()
    assert '<span class="qualifier" lang="zh-Hans">某新口径</span> <span class="lang-label">(in Chinese, as in the source)</span>' in html
    assert '<span class="qualifier" lang="en">excluding days over the limits because of sand and dust</span>' in html
