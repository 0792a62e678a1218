"""Schema inspectors held per view instance, so that concurrent schema builds share none."""


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
