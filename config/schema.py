def only_api_v1(endpoints):
    """drf-spectacular hook: document memnun's REST API, not Wagtail's content API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
