"""The registry of actions: what a person may do to a complaint, its input and its service."""

from . import customer, staff  # noqa: F401  (registers the actions)
from .base import CUSTOMER, STAFF, Action, form_errors
from .registry import all_actions, available_actions, get_action, register

__all__ = [
    "CUSTOMER",
    "STAFF",
    "Action",
    "all_actions",
    "available_actions",
    "form_errors",
    "get_action",
    "register",
]
