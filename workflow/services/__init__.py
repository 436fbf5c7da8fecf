"""Every state change of a complaint, one function per action (CONVENTIONS.md).

Each is keyword-only, atomic, row-locked, permission-checked; each writes its
`ComplaintEvent` and queues its notifications in the same transaction.
"""

from .attachments import add_attachment
from .corrective import (
    add_corrective_action,
    complete_corrective_action,
    record_effectiveness_check,
)
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
from .recorded import record_acceptance, record_rejection
from .review import approve_final_decision, return_final_decision, review_rejection
from .sla import check_deadlines
from .staff import (
    acknowledge,
    assign,
    mark_implemented,
    propose_resolution,
    reopen,
    request_information,
    resume,
    set_estimate,
)

__all__ = [
    "accept_resolution",
    "acknowledge",
    "add_attachment",
    "add_corrective_action",
    "add_note",
    "answer_information",
    "approve_final_decision",
    "assign",
    "check_deadlines",
    "claim_complaint",
    "complete_corrective_action",
    "file_complaint",
    "mark_implemented",
    "propose_resolution",
    "record_acceptance",
    "record_effectiveness_check",
    "record_rejection",
    "record_route_application",
    "reject_resolution",
    "reopen",
    "request_information",
    "resume",
    "return_final_decision",
    "review_rejection",
    "set_estimate",
    "submit_survey",
    "update_profile",
    "withdraw",
]
