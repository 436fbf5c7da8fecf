"""Turn EMAIL_URL into a Django 6.1 MAILERS entry."""

from urllib.parse import parse_qs, unquote, urlsplit

_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "consolemail": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}

_TRUE = {"1", "true", "yes", "on"}


def parse_email_url(url: str) -> dict:
    """`smtp://user:pass@host:587?tls=1&timeout=10` -> {"BACKEND": ..., "OPTIONS": {...}}."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _BACKENDS:
        raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r} (use one of {sorted(_BACKENDS)})")
    backend = _BACKENDS[scheme]
    options: dict = {}
    if backend.endswith("smtp.EmailBackend"):
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        options["host"] = parts.hostname or "localhost"
        options["port"] = parts.port or {"smtps": 465, "submission": 587}.get(scheme, 25)
        if parts.username:
            options["username"] = unquote(parts.username)
        if parts.password:
            options["password"] = unquote(parts.password)
        options["use_ssl"] = scheme == "smtps" or query.get("ssl", "").lower() in _TRUE
        options["use_tls"] = scheme == "submission" or query.get("tls", "").lower() in _TRUE
        options["timeout"] = int(query.get("timeout", "10"))
    elif scheme == "file":
        options["file_path"] = unquote(parts.path) or "sent-mail"
    return {"BACKEND": backend, "OPTIONS": options}
