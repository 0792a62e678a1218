"""What the browser tests do again and again: sign in, run axe, read what a reader sees."""

import os
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

SERIOUS = {"serious", "critical"}


def log_in(page, username, password):
    """Sign in through the admin's login form, as an editor does."""
    page.goto("/admin/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")


def perform(page, action, comment="", at=None):
    """Press a workflow button on the change form, with its comment (and time); the message shown."""
    from playwright.sync_api import expect

    form = page.locator(f"#transition-{action}")
    if at:
        form.locator('input[name="at"]').fill(at)
    if comment:
        form.locator('textarea[name="comment"]').fill(comment)
    form.get_by_role("button").click()
    expect(page.locator(".messagelist")).to_be_visible()
    return page.locator(".messagelist").inner_text()


def serious_violations(page):
    """axe-core's serious and critical violations on the page, one line per offending node.

    The page's context must bypass the CSP: axe is injected as a script the policy would block.
    """
    page.add_script_tag(path=AXE)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for rule in result["violations"]
        if rule["impact"] in SERIOUS
        for node in rule["nodes"]
    ]


def report(problems):
    """``{page: [problem, …]}`` as lines that read well in a failed assertion."""
    return "\n".join(f"{page}: {problem}" for page, found in problems.items() for problem in found)
