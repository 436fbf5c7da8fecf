"""Domain errors. The web layers turn them into HTTP answers (400 / 403 / 404 / 409 / 413)."""


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


class TooLarge(InvalidInput):
    """An upload over a size or count limit (413); nothing was stored."""

    http_status = 413


class NotPermitted(WorkflowError):
    """The actor may not do this to this complaint."""

    http_status = 403


class ComplaintNotFound(WorkflowError):
    """No such complaint for this actor: it does not exist, or it is another person's.

    Both answer the same way (404, same message), so nobody learns which references exist.
    """

    http_status = 404


class TransitionNotAllowed(WorkflowError):
    """The action is not allowed from the complaint's current state (or it was closed)."""

    http_status = 409


class ConcurrentChange(TransitionNotAllowed):
    """Somebody else changed the complaint first."""
