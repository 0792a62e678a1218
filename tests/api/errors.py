"""Reading the API's error shape in tests (``ecoportal/api/errors.py``)."""


def by_parameter(response):
    """A 400's ``errors`` as ``{parameter: [detail, …]}``, after checking the shape around them."""
    body = response.json()
    assert response.status_code == 400, body
    assert body["status"] == 400 and body["code"] == "invalid_request", body
    assert set(body) == {"status", "code", "detail", "errors"}, body
    errors = {}
    for error in body["errors"]:
        assert set(error) == {"parameter", "code", "detail"}, error
        assert error["parameter"] in body["detail"], body
        errors.setdefault(error["parameter"], []).append(error["detail"])
    return errors


def codes(response):
    """``{parameter: code}`` of a 400 (the last code of each)."""
    return {error["parameter"]: error["code"] for error in response.json()["errors"]}
