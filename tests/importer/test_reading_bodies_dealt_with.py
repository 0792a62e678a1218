"""read() on a province's yearbook entry that names the ministry only as a body it dealt with.

"环境保护部转办81件", "被环境保护部…采用": the ministry passed cases on or took up reports; the
text speaks for the province (省本级, 省委), so the ministry is no publisher and the figures
are the province's. "各市和省环境保护厅" names the province's bureau, not "和省…".

The entry is invented (our own sentences and numbers).
"""

from importer import pipeline

TEXT = (
    "环境信访工作\n"
    "全年省本级受理环境信访案件352件,办结341件,办结率96.9%。其中,环境保护部转办37件,"
    "来访29件,来电118件。各市和省环境保护厅机关共报送信息420篇,被环境保护部、吉林省委采用"
    "150余篇。"
)


def test_the_ministry_dealt_with_is_no_publisher():
    document = pipeline.read(TEXT)
    assert "环境保护部" not in document.publisher
    assert not document.publisher.startswith("和")
    assert document.region.name == "吉林省"


def test_a_county_ending_in_he_and_a_bureau_that_commends_keep_their_names():
    assert pipeline.read(
        "平和县生态环境局关于2031年1月空气质量的通报\n1月,全县PM2.5为21微克/立方米。"
    ).publisher == ("平和县生态环境局")
    assert (
        "浙江省生态环境厅"
        in pipeline.read(
            "通报表扬\n近日,浙江省生态环境厅通报表扬了一批2031年度环境监测先进单位,共23家。"
        ).publisher
    )


def test_a_list_before_the_provinces_bureau_is_no_part_of_its_name():
    document = pipeline.read(
        "关于2031年环境监测工作的通报\n各市、县和省生态环境厅各处室:2031年全省完成监测任务1200项。"
    )
    assert document.publisher == "省生态环境厅"
