"""The UI tells what the sensor and the schedule do."""

from orchestration.definitions import defs


def test_the_sensor_and_the_schedule_describe_themselves() -> None:
    sensor = defs.resolve_sensor_def("inbox_sensor")
    schedule = defs.resolve_schedule_def("feeds_schedule")
    assert "inbox" in (sensor.description or "")
    assert "feeds" in (schedule.description or "")
