"""A small HTTP client for the drill: plain HTTP to gunicorn as if through the TLS proxy.

Requests carry ``X-Forwarded-Proto: https`` (so production settings take them as secure) and
cookies are kept by hand, because the secure session and CSRF cookies are never sent over
plain HTTP by a standard cookie jar. Every request is counted.
"""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    def __init__(self, base, *, language="zh-hans"):
        self.base = base
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.language = language
        self.cookies = {}
        self.requests = 0

    def request(self, method, path, *, data=None, headers=None):
        """(status, headers, text) of one request; never raises on an HTTP error status."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        origin = f"https://{self.host}:{self.port}"
        sent = {
            "X-Forwarded-Proto": "https",
            "Host": f"{self.host}:{self.port}",
            "Accept-Language": self.language,
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            sent.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path})
        self.requests += 1
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, text

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def csrf_token(self, path):
        _, _, text = self.get(path)
        match = CSRF_INPUT.search(text)
        return match.group(1) if match else ""

    def post(self, path, data, *, token_from=None):
        """POST ``data`` with a CSRF token taken from a form page the user may open (or the
        admin index), as a forged request from a signed-in browser would."""
        token = self.csrf_token(token_from or "/admin/")
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **data})

    def login(self, username, password):
        token = self.csrf_token("/admin/login/")
        status, headers, _ = self.request(
            "POST", "/admin/login/?next=/admin/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{username} could not sign in (status {status})")
