"""read() on the pollutants or parameters counted in 项 ("六项污染物中有4项同比下降", "监测项目
为…,共6项").

A count in 项 in a sentence about the pollutants or the parameters measured says how many of
them rose, fell or were measured: the survey's frame, not a measure of the environment. The
pollutants' own figures in the sentence stay, and so does a count of works done ("完成污染物减排
工程12项").

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from importer import pipeline


def read(text):
    return sorted(f"{f.value}{f.unit}" for f in pipeline.read(text).figures if not f.derived)


def test_how_many_pollutants_rose_and_fell():
    assert read(
        "青禾市2031年1-10月空气质量\n"
        "六项污染物浓度中有4项同比下降,分别是:PM2.5浓度38微克/立方米,下降9.5%;"
        "有2项同比上升。"
    ) == ["-9.5%", "38微克/立方米"]


def test_the_parameters_monitored_listed_then_counted():
    assert read(
        "云栖县2031年3月空气质量\n"
        "监测项目为臭氧、二氧化氮、一氧化碳和细颗粒物,共4项。"
        "本月PM2.5平均浓度为27微克/立方米。"
    ) == ["27微克/立方米"]


def test_near_miss_works_done_on_pollutants_stay_a_count():
    assert read("云栖县2031年环境工作\n全年完成大气污染物减排工程12项。") == ["12项"]
