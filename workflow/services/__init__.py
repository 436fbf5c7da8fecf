"""Every state change of a complaint, one function per action (CONVENTIONS.md).

Each is keyword-only, atomic, row-locked, permission-checked; each writes its
`ComplaintEvent` and queues its notifications in the same transaction.
"""

from .attachments import add_attachment
from .customer import (
    accept_resolution,
    add_note,
    answer_information,
    claim_complaint,
    record_route_application,
    reject_resolution,
    submit_survey,
    withdraw,
)
from .intake import file_complaint
from .profile import update_profile
from .sla import check_deadlines
from .staff import (
    acknowledge,
    assign,
    mark_implemented,
    propose_resolution,
    reopen,
    request_information,
    resume,
    review_rejection,
    set_estimate,
)

__all__ = [
    "accept_resolution",
    "acknowledge",
    "add_attachment",
    "add_note",
    "answer_information",
    "assign",
    "check_deadlines",
    "claim_complaint",
    "file_complaint",
    "mark_implemented",
    "propose_resolution",
    "record_route_application",
    "reject_resolution",
    "reopen",
    "request_information",
    "resume",
    "review_rejection",
    "set_estimate",
    "submit_survey",
    "update_profile",
    "withdraw",
]
