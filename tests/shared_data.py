"""Data built once for several tests: Django's ``setUpTestData``, for pytest fixtures."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def shared_by_tests(django_db_blocker, build):
    """For a fixture of class or module scope: ``build()``'s writes are kept in a transaction of
    their own, rolled back once the last test of the scope is done; the block gets what it
    returned. Each test runs inside that transaction in one of its own, rolled back after it as
    ever, so no test sees another's changes::

        @pytest.fixture(scope="class")
        def data(django_db_setup, django_db_blocker):
            with shared_by_tests(django_db_blocker, build) as built:
                yield built

    Nothing commits: on-commit callbacks run only if ``build`` runs them. Transactional tests
    (which empty the database) cannot share the scope.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
