"""Open pages of a running portal in headless Chromium and report Content-Security-Policy
violations, console errors and what rendered; signs in to the admin first.

    python csp_browser_check.py http://127.0.0.1:8099 USER PASSWORD OUT_DIR

Talks to Chromium over the DevTools protocol; needs the websocket-client package (the drill
installs it into a throwaway virtualenv). Prints one RESULT line per page and saves a
screenshot of each in OUT_DIR. Exits 1 if any page had a violation or did not render.
"""

import base64
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""
# page, JavaScript that must be true once it has rendered, what that means
PAGES = [
    ("/", "!!document.querySelector('main h1, main h2')", "home page"),
    ("/bulletins/drill-1/", "!!document.querySelector('main h1')", "bulletin page"),
    ("/indicators/drill-good-days/", "!!document.querySelector('main svg, main table')", "indicator chart page"),
    ("/search/?q=%E6%BC%94%E7%BB%83", "!!document.querySelector('main')", "search results"),
    ("/api/docs/", "!!document.querySelector('.swagger-ui .opblock')", "Swagger UI with its operations"),
    ("/admin/", "!!document.querySelector('#user-tools') && !!document.querySelector('#content-main')", "admin index"),
    ("/admin/bulletins/bulletin/", "!!document.querySelector('#result_list, #changelist')", "bulletin changelist"),
    ("/admin/bulletins/bulletin/add/", "!!document.querySelector('#bulletin_form') && typeof django !== 'undefined'", "add form with admin JS"),
    ("/admin/bulletins/bulletin/?q=x", "!!document.querySelector('#changelist-search')", "changelist search"),
]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="csp-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333",
             "--remote-allow-origins=*", f"--user-data-dir={self.profile}", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json", timeout=1))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:  # noqa: BLE001 - Chromium is still starting
                time.sleep(0.1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.console = []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Log.enable")
        self.call("Page.addScriptToEvaluateOnNewDocument", source=LISTENER)

    def call(self, method, **params):
        message_id = next(self.ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == message_id:
                return message.get("result", {})
            self.event(message)

    def event(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            self.console.append(params["entry"]["text"])
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning"):
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            self.console.append(params["exceptionDetails"].get("text", "exception"))

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True).get("result", {}).get("value")

    def goto(self, url, ready, timeout=15):
        self.console = []
        self.call("Page.navigate", url=url)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(f"document.readyState === 'complete' && ({ready})"):
                time.sleep(0.5)  # let late scripts run and report
                return True
            time.sleep(0.2)
        return False

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main(base, username, password, out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    failures = 0
    try:
        browser.goto(f"{base}/admin/login/", "!!document.querySelector('#login-form')")
        browser.evaluate(
            f"document.querySelector('#id_username').value = {json.dumps(username)};"
            f"document.querySelector('#id_password').value = {json.dumps(password)};"
            "document.querySelector('#login-form').submit(); true"
        )
        deadline = time.time() + 30
        while time.time() < deadline and not browser.evaluate("!!document.querySelector('#user-tools')"):
            time.sleep(0.3)
        if not browser.evaluate("!!document.querySelector('#user-tools')"):
            print("RESULT csp_browser signed_in=False")
            return 1
        browser.goto(f"{base}/admin/bulletins/bulletin/", "!!document.querySelector('#result_list')")
        change = browser.evaluate("new URL(document.querySelector('#result_list tbody th a, #result_list tbody td a').href).pathname")
        pages = PAGES + [
            (change, "!!document.querySelector('#bulletin_form') && typeof django !== 'undefined'", "change form with workflow panel"),
            (change.replace("/change/", "/preview/"), "!!document.querySelector('main, body')", "preview of the public page"),
            (change.replace("/change/", "/history/"), "!!document.querySelector('#content-main')", "history"),
        ]
        for path, ready, meaning in pages:
            rendered = browser.goto(base + path, ready)
            violations = browser.evaluate("window.__csp || []") or []
            csp_console = [line for line in browser.console if "Content Security Policy" in line or "Refused to" in line]
            shot = browser.call("Page.captureScreenshot", format="png")
            name = path.strip("/").replace("/", "_").replace("?", "_") or "home"
            (out / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
            ok = rendered and not violations and not csp_console
            failures += not ok
            print(f"RESULT csp_browser page={path} rendered={rendered} violations={len(violations) + len(csp_console)} ({meaning})")
            for line in violations + csp_console:
                print(f"  {line}")
        # Control: an inline script without the nonce must be caught, or the check proves nothing.
        browser.goto(f"{base}/", "true")
        browser.evaluate("var s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                         "document.body.appendChild(s); true")
        time.sleep(0.5)
        caught = bool(browser.evaluate("window.__csp.length")) and not browser.evaluate("window.__ran === 1")
        print(f"RESULT csp_browser control_inline_script_blocked_and_reported={caught}")
        failures += not caught
    finally:
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
