"""Concurrent writers: no "database is locked" on SQLite."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 6
TRANSACTIONS = 40

pytestmark = pytest.mark.separate_processes


def test_several_processes_writing_one_sqlite_file_never_see_database_is_locked(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_CURRENT_TEST"}}
    env.update(DEBUG="1", ECOPORTAL_TESTING="0", ECOPORTAL_DATA_DIR=str(tmp_path), REDIS_URL="")
    subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c",
         "from django.core.management import call_command; call_command('migrate', interactive=False, verbosity=0);"
         "from tests.factories import make_bulletin; make_bulletin(slug='shared')"],
        cwd=ROOT, env=env, check=True, timeout=300,
    )
    writers = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests/hardening/sqlite_writer.py"), str(TRANSACTIONS)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for _ in range(WRITERS)
    ]
    try:
        # All at once, as soon as the last has started: each waits for its line.
        started = [writer.stdout.readline() for writer in writers]
        assert started == ["ready\n"] * WRITERS, started
        for writer in writers:
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outputs = [writer.communicate(timeout=240)[0] for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    assert all(writer.returncode == 0 for writer in writers), outputs
    assert not [line for out in outputs for line in out.splitlines() if "ERROR" in line], outputs
    assert all(f"done {TRANSACTIONS}" in out for out in outputs), outputs

    check = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c",
         "from bulletins.models import Bulletin, Transition;"
         "print(Bulletin.objects.get(slug='shared').version, Transition.objects.count())"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    )
    assert check.stdout.split() == [str(1 + WRITERS * TRANSACTIONS), str(WRITERS * TRANSACTIONS)]
