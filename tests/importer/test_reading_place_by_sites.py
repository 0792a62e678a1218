"""read() on invented monitoring reports whose copy lost their city's name ("市水质自动监测周报",
"全市"): sites named after counties ("溧阳上黄桥", "金坛 钱资荡取水口"), at least two counties of
one city and none of another, place the report in that city; sites of two cities' counties
place nothing."""

import pytest

from importer import pipeline


@pytest.mark.parametrize(
    "sites",
    [
        "溧阳上黄桥、溧阳 前留水厂、金坛 钱资荡取水口",
        "金坛 钱资荡取水口 2 15.4% 类 溧阳上黄桥 1 7.7%",
    ],
)
def test_sites_named_after_counties_of_one_city_place_the_report(sites):
    document = pipeline.read(
        "市水质自动监测周报(2023年第15周)\n"
        "全市在线运行的13个水质自动站中,Ⅲ类以上断面占92.3%。"
        f"与上周相比,{sites}断面水质持平。\n"
    )
    assert document.region is not None and document.region.name == "常州市"


def test_sites_named_after_counties_of_two_cities_place_nothing():
    document = pipeline.read(
        "市水质自动监测周报(2023年第15周)\n"
        "全市在线运行的13个水质自动站中,Ⅲ类以上断面占92.3%。"
        "与上周相比,溧阳上黄桥、金坛 钱资荡取水口、宜兴 横山水库断面水质持平。\n"
    )
    assert document.region is None
