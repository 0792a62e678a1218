"""read() on a ranked list whose places tie: "甲县、乙县并列(19微克/立方米)".

"并列" says the places share a value; it names no measure, so each tied place takes the
measure the list is of, like the places listed alone.

The bulletin is invented (our own sentences and numbers).
"""

from decimal import Decimal

from importer import pipeline


def test_tied_places_take_the_lists_measure():
    document = pipeline.read(
        "2031年第二季度安徽省县域空气质量\n"
        "二季度,全省细颗粒物(PM2.5)浓度最低的5个县依次是:歙县(15微克/立方米),"
        "泾县、旌德县并列(18微克/立方米),五河县(21微克/立方米),霍山县(22微克/立方米)。"
    )
    by_place = {f.region.name: f for f in document.figures if f.region}
    for county, value in (("歙县", "15"), ("泾县", "18"), ("旌德县", "18"), ("五河县", "21")):
        assert by_place[county].indicator == "pm25"
        assert by_place[county].value == Decimal(value)
