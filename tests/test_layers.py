"""The apps depend one way, over the whole project's import graph (lazy imports included).

The contract is in pyproject.toml (``[tool.importlinter]``): bench, search, importer,
indicators, bulletins, ecoportal, each importing only those after it, so no two apps import each
other. Its ``ignore_imports`` lists the exceptions still to remove; one that no longer matches an
import fails the check too.
"""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_no_app_imports_an_app_above_it_and_no_exception_is_stale():
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
