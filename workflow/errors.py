"""Domain errors. The web layers turn them into HTTP answers (400 / 403 / 404 / 409)."""


class WorkflowError(Exception):
    """Base class of every error a service raises on purpose."""

    http_status = 400

    def __init__(self, message: str = "", *, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class InvalidInput(WorkflowError):
    """The input is wrong; nothing was changed."""

    http_status = 400


class NotPermitted(WorkflowError):
    """The actor may not do this to this complaint."""

    http_status = 403


class TransitionNotAllowed(WorkflowError):
    """The action is not allowed from the complaint's current state (or it was closed)."""

    http_status = 409


class ConcurrentChange(TransitionNotAllowed):
    """Somebody else changed the complaint first."""
