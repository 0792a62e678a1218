"""read() on invented reports of a county's environmental monitoring station ("甲县生态环境监测
站发布", "乙县环境监测站…开展监测"): the station is the publisher, as a monitoring centre is. A
count of monitoring sites ("环境监测站点3个") names no publisher."""

from importer import pipeline

_BODY = "一、监测情况\n\n3月,全县环境空气优良天数比例为93.5%,同比上升3.2个百分点。\n"


def test_a_station_releasing_the_report_under_its_title_publishes_it():
    document = pipeline.read(
        f"甲县环境空气质量月报(2024年3月)\n\n甲县生态环境监测站发布 2024年4月3日\n\n{_BODY}"
    )
    assert document.publisher == "甲县生态环境监测站"


def test_a_station_named_monitoring_in_the_opening_publishes_the_report():
    document = pipeline.read(
        "乙县环境空气质量月报\n\n"
        "乙县环境监测站对县城2个点位开展了自动监测。3月,全县环境空气优良天数比例为93.5%。\n"
    )
    assert document.publisher == "乙县环境监测站"


def test_a_count_of_monitoring_sites_names_no_publisher():
    document = pipeline.read(
        "丙县环境空气质量月报\n\n丙县共有环境监测站点3个。3月,全县环境空气优良天数比例为93.5%。\n"
    )
    assert "监测站" not in document.publisher


def test_a_count_of_monitoring_stations_names_no_publisher():
    document = pipeline.read(
        "丁县环境空气质量月报\n\n全县共有环境监测站4个,其中自动站3个。"
        "3月,全县环境空气优良天数比例为93.5%。\n"
    )
    assert "监测站" not in document.publisher
