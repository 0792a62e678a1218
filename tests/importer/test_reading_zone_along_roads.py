"""read() on invented noise reports that describe the functional zone of class 4 by the roads it
lines ("4类区(交通干线两侧)"): its level is the zone's, not the road traffic noise, which is
measured on the roads themselves."""

import pytest

from importer import pipeline
from tests.importer.test_reading_periods_places import one


@pytest.mark.parametrize(
    "sentence, value, traffic",
    [
        ("城区4类区(交通干线两侧)昼间等效声级为65.2分贝。", "65.2", False),
        ("全市4a类功能区(交通干线两侧区域)昼间平均等效声级63.9分贝。", "63.9", False),
        # near miss: the roads measured, no zone's class
        ("全市道路交通干线两侧昼间平均等效声级为67.4分贝。", "67.4", True),
    ],
    ids=["class-4-zone", "class-4a-functional-zone", "the-roads-themselves"],
)
def test_only_the_roads_own_level_is_road_traffic_noise(sentence, value, traffic):
    document = pipeline.read(f"某市2022年声环境质量状况\n{sentence}\n")
    assert (one(document, value).indicator == "noise-traffic-day") is traffic
