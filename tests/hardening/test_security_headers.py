"""Security headers on every response, a CSP that the portal's own pages satisfy, and a
production configuration that passes `check --deploy`."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_bulletin

ROOT = Path(__file__).resolve().parents[2]
HTML_PAGES = ["/", "/bulletins/", "/achievements/", "/indicators/", "/admin/login/", "/api/docs/", "/no-such-page/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")([^>]*)>", re.IGNORECASE)


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", HTML_PAGES)
def test_every_html_page_carries_a_strict_content_security_policy(client, url):
    make_bulletin()
    response = client.get(url)
    assert response.status_code in (200, 404)
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name]
        assert "'unsafe-eval'" not in directives[name]
        assert all(source == "'self'" or source.startswith("'nonce-") for source in directives[name])


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/api/v1/bulletins/", "/admin/login/", "/healthz"])
def test_responses_forbid_sniffing_framing_and_leaky_referrers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_every_inline_script_on_a_page_carries_the_nonce_of_its_header(client):
    make_bulletin()
    for url in HTML_PAGES:
        response = client.get(url)
        html = response.content.decode()
        nonces = [s for s in csp_directives(response)["script-src"] if s.startswith("'nonce-")]
        for attributes in INLINE_SCRIPT.findall(html):
            assert nonces, f"{url} has an inline script but its policy allows none"
            assert f'nonce="{nonces[0][7:-1]}"' in attributes, f"inline script without the nonce on {url}"
        assert not re.search(r"\sstyle=\"", html), f"style attribute on {url} (blocked by the CSP)"


@pytest.mark.django_db
def test_api_docs_inline_init_script_and_style_use_a_fresh_nonce_per_request(client):
    first, second = client.get("/api/docs/"), client.get("/api/docs/")
    nonce = re.search(r"'nonce-([^']+)'", first["Content-Security-Policy"]).group(1)
    html = first.content.decode()
    assert f'<script nonce="{nonce}">' in html
    assert f'<style nonce="{nonce}">' in html
    assert "SwaggerUIBundle" in html
    assert "cdn." not in html and "//unpkg" not in html
    assert nonce not in second["Content-Security-Policy"]


def test_no_template_of_the_site_has_an_inline_script_or_style_without_a_nonce():
    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<(script|style)\b([^>]*)>", text, re.IGNORECASE):
            tag, attributes = match.groups()
            if tag.lower() == "script" and "src=" in attributes:
                continue
            if "type=\"application/json\"" in attributes or "nonce=" in attributes:
                continue
            offenders.append(f"{path.relative_to(ROOT)}: <{tag}{attributes}>")
        if re.search(r"\sstyle=[\"']", text):
            offenders.append(f"{path.relative_to(ROOT)}: style attribute")
        if re.search(r"\son[a-z]+=[\"']", text):
            offenders.append(f"{path.relative_to(ROOT)}: inline event handler")
    assert not offenders, "\n".join(offenders)


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "ECOPORTAL_TESTING", "DATABASE_URL", "PYTEST_CURRENT_TEST"}
    }
    env.update(
        DEBUG="0",
        ECOPORTAL_TESTING="0",
        SECRET_KEY="deploy-check-" + "k3y" * 20,
        ALLOWED_HOSTS="portal.example.org",
        **extra,
    )
    return env


@pytest.mark.separate_processes
def test_production_settings_pass_check_deploy_with_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.separate_processes
def test_production_turns_on_hsts_secure_cookies_and_the_login_lockout():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='ecoportal.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.AXES_ENABLED,"
        " s.AXES_FAILURE_LIMIT, s.LOCKOUT_PROXY_COUNT, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    hsts, session_secure, csrf_secure, axes_enabled, limit, proxies, debug = result.stdout.split()
    assert int(hsts) >= 31536000
    assert (session_secure, csrf_secure, axes_enabled, limit, proxies, debug) == (
        "True", "True", "True", "20", "1", "False",
    )


@pytest.mark.separate_processes
def test_postgresql_connections_time_out_instead_of_hanging():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='ecoportal.settings'; django.setup();"
        "from django.conf import settings as s; print(s.DATABASES['default']['OPTIONS']['connect_timeout'])"
    )
    env = production_env(DATABASE_URL="postgres://postgres@127.0.0.1:5432/ecoportal")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 1 <= int(result.stdout) <= 10


def test_settings_module_keeps_the_csp_in_the_new_django_csp_format():
    assert not [name for name in dir(settings) if name.startswith("CSP_")]
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
