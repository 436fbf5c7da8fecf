"""The registry of actions (as `wagtail/actions/` and Wagtail's own registries): register once,
ask everywhere. `available_actions` is the one answer to "what may this user do now"."""

from ..models import Complaint
from .base import Action

_actions: dict[str, Action] = {}


def register(action_class: type[Action]) -> type[Action]:
    """Class decorator: one instance per action name, in registration order."""
    if action_class.name in _actions:
        raise ValueError(f"Action {action_class.name!r} is already registered.")
    _actions[action_class.name] = action_class()
    return action_class


def get_action(name: str, audience: str | None = None) -> Action | None:
    action = _actions.get(name)
    if action is None or (audience is not None and action.audience != audience):
        return None
    return action


def all_actions(audience: str | None = None) -> list[Action]:
    return [a for a in _actions.values() if audience is None or a.audience == audience]


def available_actions(complaint: Complaint, user, audience: str | None = None) -> list[str]:
    """The names of the actions `user` may take on `complaint` now, in registration order.

    The portal, the console, the API's `available_actions` field and the e-mails all ask this.
    """
    return [
        action.name for action in all_actions(audience) if action.check(complaint, user) is None
    ]
