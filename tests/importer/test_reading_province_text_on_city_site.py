"""A province's text posted by one of its cities' bureaus: the text says 我省, the source line
names the city's bureau. The text is the province's; a city's own text is the city's.
Invented texts."""

from importer import pipeline

BODY = "2022年10月,我省{}监测的河流断面中,Ⅰ~Ⅲ类水质断面比例为91.2%。\n\n来源:九江市生态环境局\n"


def test_a_text_saying_our_province_is_the_provinces_on_a_city_bureaus_site():
    document = pipeline.read(BODY.format("共"))
    assert document.publisher == "九江市生态环境局"
    assert document.region.name == "江西省"
    assert {f.region.name for f in document.figures} == {"江西省"}


def test_a_city_bureaus_own_text_stays_the_citys():
    document = pipeline.read(BODY.replace("我省", "我市").format("共"))
    assert document.region.name == "九江市"


def test_a_city_text_comparing_itself_with_the_province_stays_the_citys():
    text = BODY.replace("我省{}监测", "我市监测").replace("91.2%。", "91.2%,高于我省平均水平。")
    assert pipeline.read(text).region.name == "九江市"
