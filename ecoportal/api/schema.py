"""Schema inspectors held per view instance, so that concurrent schema builds share none, and the
schema hook that makes the schema fit strict validators and generated clients."""


class PerViewSchema:
    """A viewset's ``schema``: each view instance gets an inspector of its own.

    DRF's inspectors are descriptors that remember the view they were last read from
    (``schema.view``). One inspector set on a class is therefore shared by every thread that
    builds the schema: a build reads another thread's view, or None after a read from the
    class ("Schema generation REQUIRES a view instance"), and documents the wrong view.
    """

    def __init__(self, inspector_class):
        self.inspector_class = inspector_class

    def __set_name__(self, owner, name):
        self.attribute = f"_{name}_inspector"

    def __get__(self, view, owner=None):
        if view is None:
            # Read from the class (drf-spectacular asks which inspector class a view uses).
            return self.inspector_class
        inspector = view.__dict__.get(self.attribute)
        if inspector is None:
            inspector = self.inspector_class()
            self.__set__(view, inspector)
        return inspector

    def __set__(self, view, inspector):
        # drf-spectacular sets an action's own inspector (``@extend_schema``) on the view.
        view.__dict__[self.attribute] = inspector
        inspector.view = view


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


NULL = {"$ref": "#/components/schemas/NullEnum"}


def for_strict_clients(result, generator, request, public):
    """Schema hook: what strict OpenAPI 3.0.3 validators and generated clients need.

    * A nullable reference is ``oneOf`` the reference and ``NullEnum`` (``enum: [null]``), as
      drf-spectacular writes nullable enums: ``nullable`` beside ``allOf`` has no ``type`` to
      qualify, and strict validators refuse a null there.
    * Every operation is anonymous: ``security: []``, not ``[{}]`` (optional authentication).
    * A descending ordering gets a readable name (``x-enum-varnames``: ``ISSUED_ON_DESC``).
    * ``page`` is a number from 1 or ``last``, both of which the API accepts.
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for node in _walk(result):
        all_of = node.get("allOf")
        if node.get("nullable") and isinstance(all_of, list) and len(all_of) == 1:
            del node["nullable"], node["allOf"]
            node["oneOf"] = [all_of[0], NULL]
            schemas.setdefault("NullEnum", {"enum": [None]})
        elif node.get("nullable") and "type" not in node and NULL in node.get("oneOf", ()):
            # A nullable enum: NullEnum already says it (drf-spectacular leaves both).
            del node["nullable"]
    for operations in result["paths"].values():
        for operation in operations.values():
            operation["security"] = []
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                if parameter["name"] == "ordering":
                    items = parameter["schema"].get("items", parameter["schema"])
                    items["x-enum-varnames"] = [
                        value.lstrip("-").upper() + ("_DESC" if value.startswith("-") else "")
                        for value in items.get("enum", [])
                    ]
                elif parameter["name"] == "page":
                    parameter["schema"] = {
                        "anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "enum": ["last"]}]
                    }
    return result
