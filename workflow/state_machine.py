"""The complaint state machine of DESIGN.md, declared with django-fsm-2.

The transition methods only declare which moves exist; they do nothing else.
`workflow.services` calls them, records the event and queues the notifications.
"""

from django_fsm import transition

from .states import OPEN_STATUSES, Status

S = Status


class ComplaintStateMachine:
    @transition(field="status", source=S.RECEIVED, target=S.ACKNOWLEDGED)
    def to_acknowledged(self):
        """R5: the complainant was told the complaint was received."""

    @transition(field="status", source=S.ACKNOWLEDGED, target=S.INVESTIGATING)
    def to_investigating(self):
        """R3/R4: routed to a unit, the investigation starts."""

    @transition(
        field="status", source=[S.ACKNOWLEDGED, S.INVESTIGATING], target=S.AWAITING_CUSTOMER
    )
    def to_awaiting_customer(self):
        """R7: staff asked the complainant for details."""

    @transition(field="status", source=S.AWAITING_CUSTOMER, target=S.INVESTIGATING)
    def resume_investigation(self):
        """R7: the answer came (or staff resume without it)."""

    @transition(
        field="status", source=[S.ACKNOWLEDGED, S.INVESTIGATING], target=S.RESOLUTION_PROPOSED
    )
    def to_resolution_proposed(self):
        """R12: a decision/action is proposed (from acknowledged: a quick fix)."""

    @transition(field="status", source=S.RESOLUTION_PROPOSED, target=S.IMPLEMENTING)
    def to_implementing(self):
        """R13: accepted, to be carried out."""

    @transition(field="status", source=S.RESOLUTION_PROPOSED, target=S.REJECTED)
    def to_rejected(self):
        """R14: rejected; stays open."""

    @transition(field="status", source=S.REJECTED, target=S.INVESTIGATING)
    def reinvestigate(self):
        """R14: review of a rejection sends it back to investigation."""

    @transition(field="status", source=S.REJECTED, target=S.RESOLUTION_PROPOSED)
    def revise_proposal(self):
        """R14: review of a rejection proposes a revised resolution."""

    @transition(field="status", source=S.REJECTED, target=S.CLOSED)
    def close_with_final_decision(self):
        """R14: final decision, alternative routes offered."""

    @transition(field="status", source=S.IMPLEMENTING, target=S.CLOSED)
    def close_resolved(self):
        """R11/R13: the accepted resolution was carried out."""

    @transition(field="status", source=OPEN_STATUSES, target=S.CLOSED)
    def close_withdrawn(self):
        """The complainant withdrew the complaint."""

    @transition(field="status", source=S.CLOSED, target=S.INVESTIGATING)
    def reopen(self):
        """A closed complaint is investigated again."""
