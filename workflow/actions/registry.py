"""The registry of actions (as `wagtail/actions/` and Wagtail's own registries): register once,
ask everywhere. `available_actions` is the one answer to "what may this user do now"."""

from django.utils.functional import LazyObject, empty

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
    The answer is each action's `check()`; a list asks it for every complaint, so the role
    part is worked out once per complaint for the actions that share it (the same
    `role_refusal` and audience: all the customer's actions, most of staff's) instead of once
    per action, and no refusal is built for a role that passes.
    """
    user = unwrapped(user)
    roles: dict[tuple, bool] = {}
    names = []
    for action in all_actions(audience):
        cls = type(action)
        if cls.check is not Action.check:  # an action with its own check: ask it
            if action.check(complaint, user) is None:
                names.append(action.name)
            continue
        key = (cls.role_refusal, action.audience)
        allowed = roles.get(key)
        if allowed is None:
            allowed = roles[key] = action.role_refusal(complaint, user) is None
        if allowed and action.state_refusal(complaint) is None:
            names.append(action.name)
    return names


def unwrapped(user):
    """`request.user` is a `SimpleLazyObject`: each attribute read goes through the proxy
    (about 1 µs). A queue of 25 complaints asks its rules some 1,400 such reads; they read the
    user itself."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user
