"""System checks: the prepared "my data" ZIPs must never be reachable by URL."""

from django.core.checks import register

from workflow.checks import private_storage_errors


@register("security", deploy=False)
def data_exports_not_public(app_configs, **kwargs):
    """A customer's ZIP goes out only through its owner's download view."""
    return private_storage_errors("data_exports")
