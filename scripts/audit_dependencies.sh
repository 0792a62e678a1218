#!/usr/bin/env bash
# Known vulnerabilities in the locked dependencies (requirements.lock), with pip-audit installed
# into a throwaway virtualenv so that it never touches the project's own.
#
#   exit 0  no known vulnerability (or the vulnerability service could not be reached: said loudly;
#           set AUDIT_REQUIRE_SERVICE=1 to make that an error, exit 3)
#   exit 1  at least one locked package has a known vulnerability (listed)
#   exit 2  pip-audit itself could not be installed
set -uo pipefail
cd "$(dirname "$0")/.."

LOCK=${1:-requirements.lock}
PYTHON=${PYTHON:-python3}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "pip-audit: installing into a throwaway virtualenv"
if ! "$PYTHON" -m venv "$work/venv" || ! "$work/venv/bin/pip" install --quiet --disable-pip-version-check "pip-audit>=2.7,<3" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    echo "pip-audit: could not be installed" >&2
    exit 2
fi
audit=("$work/venv/bin/pip-audit" -r "$LOCK" --no-deps --disable-pip --progress-spinner off)

# The lock pins every package exactly, so no resolution is needed (--no-deps --disable-pip).
echo "pip-audit: $("$work/venv/bin/pip-audit" --version) on $LOCK ($(grep -c '==' "$LOCK") pinned packages)"
if "${audit[@]}" --strict 2>"$work/strict.err"; then
    echo "pip-audit: no known vulnerability in $LOCK"
    exit 0
fi

# --strict failed: either real findings, or packages the service could not look up. Tell which.
"${audit[@]}" --format json --output "$work/report.json" 2>"$work/report.err"
"$work/venv/bin/python" - "$work/report.json" "$work/strict.err" <<'PY'
import json
import os
import sys

try:
    with open(sys.argv[1]) as handle:
        report = json.load(handle)
except (OSError, ValueError):
    print(open(sys.argv[2]).read(), file=sys.stderr)
    print("pip-audit: FAILED without a report (see above)", file=sys.stderr)
    sys.exit(3)
deps = report.get("dependencies", [])
vulnerable = [d for d in deps if d.get("vulns")]
skipped = [d for d in deps if d.get("skip_reason")]
for dep in vulnerable:
    for vuln in dep["vulns"]:
        fixed = ", ".join(vuln.get("fix_versions") or []) or "no fix yet"
        print(f"VULNERABLE {dep['name']} {dep.get('version', '')}: {vuln['id']} (fixed in {fixed})")
if vulnerable:
    print(f"pip-audit: {len(vulnerable)} vulnerable package(s) in the lock file")
    sys.exit(1)
if skipped:
    reasons = sorted({d["skip_reason"].split(":")[0] for d in skipped})
    print(
        f"pip-audit: WARNING: {len(skipped)} of {len(deps)} locked packages could NOT be audited "
        f"({'; '.join(reasons)}). The vulnerability service did not answer for these versions, "
        "so this run proves nothing about them. Run it where PyPI's JSON API (or OSV) is reachable."
    )
    for dep in skipped:
        print(f"  not audited: {dep['skip_reason'].split(': ', 1)[-1]}")
    sys.exit(3 if os.environ.get("AUDIT_REQUIRE_SERVICE") == "1" else 0)
print("pip-audit: no known vulnerability found")
PY
