"""Play the demo scenarios through `workflow.services`, exactly as the portal and console do.

Nothing here sets a status or writes an event: every step is a service call, so the demo
complaints carry the same events, hash chains and queued notifications as real ones. Each step
is taken by someone whose role allows it: the demo handler of the complaint's unit (the quality
manager where a unit has none), a manager for reassignments, and a second manager to approve a
final decision (R14, four eyes).
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from workflow import services
from workflow.models import AlternativeRoute, Complaint
from workflow.services._base import display_name
from workflow.states import InvestigationLevel, Visibility

from .reference_data import root_cause_action
from .scenario import Scenario
from .users import CUSTOMER, CUSTOMER_EN, MANAGER, STAFF, STAFF_BILLING, UNIT_MANAGER

_FILED_BY = {"customer": CUSTOMER, "customer_en": CUSTOMER_EN}


class DemoComplaints:
    """Files each scenario's complaint and takes its steps, in one transaction per scenario."""

    def __init__(self, users: dict, now: datetime | None = None):
        self.staff = users[STAFF]
        self.manager = users[MANAGER]
        self.unit_manager = users[UNIT_MANAGER]
        self.users = users
        # unit slug → its demo handler
        self.handlers = {
            unit.slug: users[email]
            for email in (STAFF, STAFF_BILLING)
            for unit in users[email].complaint_units.all()
        }
        self.now = now or timezone.now()

    def load(self, scenarios: Iterable[Scenario]) -> tuple[int, int]:
        """Returns (created, already present). A scenario whose complaint exists is skipped."""
        created = skipped = 0
        for index, scenario in enumerate(scenarios):
            if self._exists(scenario):
                skipped += 1
                continue
            with transaction.atomic():
                complaint = self._file(scenario, index)
                for step in scenario.steps:
                    complaint = self._take(complaint, step)
            created += 1
        return created, skipped

    # --- filing -------------------------------------------------------------------------

    def _customer(self, scenario: Scenario):
        email = _FILED_BY.get(scenario.by) or scenario.customer
        return self.users[email] if email else None

    def _contact_name(self, scenario: Scenario) -> str:
        customer = self._customer(scenario)
        return scenario.contact_name or display_name(customer)

    def _marker(self, scenario: Scenario) -> Q:
        """What identifies a demo complaint: subject, channel and who it is from."""
        customer = self._customer(scenario)
        if scenario.by != "staff":
            return Q(subject=scenario.subject, channel="portal", customer=customer)
        return Q(
            subject=scenario.subject,
            channel=scenario.channel,
            customer=customer,
            contact_name=self._contact_name(scenario),
            contact_email=scenario.contact_email or (customer.email if customer else ""),
            contact_phone=scenario.contact_phone,
        )

    def _exists(self, scenario: Scenario) -> bool:
        return Complaint.objects.filter(self._marker(scenario)).exists()

    def existing(self, scenarios: Iterable[Scenario]):
        """The demo complaints of these scenarios that are in the database."""
        match = Q(pk__in=[])
        for scenario in scenarios:
            match |= self._marker(scenario)
        return Complaint.objects.filter(match)

    def _received_at(self, scenario: Scenario, index: int) -> datetime:
        """A staff-logged contact `days_ago` days back, during office hours when a day or more."""
        if scenario.days_ago < 1:
            return self.now - timedelta(days=scenario.days_ago)
        local = timezone.localtime(self.now) - timedelta(days=scenario.days_ago)
        minutes = (index * 47) % (8 * 60)  # spread between 09:00 and 17:00
        local = local.replace(hour=9 + minutes // 60, minute=minutes % 60, second=index % 60)
        # In UTC, as `timezone.now()` is: the event hash covers the ISO text of the time.
        return local.astimezone(UTC)

    def _file(self, scenario: Scenario, index: int) -> Complaint:
        customer = self._customer(scenario)
        fields = {
            "category": scenario.category,
            "subject": scenario.subject,
            "description": scenario.description,
            "preferred_contact_method": scenario.preferred,
            "contact_phone": scenario.contact_phone,
            "language": scenario.language,
        }
        if scenario.by != "staff":
            return services.file_complaint(actor=customer, **fields)
        return services.file_complaint(
            actor=self.staff,
            channel=scenario.channel,
            customer=customer,
            contact_name=self._contact_name(scenario),
            contact_email=scenario.contact_email or (customer.email if customer else ""),
            received_at=self._received_at(scenario, index),
            **fields,
        )

    # --- steps --------------------------------------------------------------------------

    def _handler(self, complaint: Complaint):
        """Who handles the complaint: its unit's demo handler, else the quality manager."""
        return self.handlers.get(complaint.unit.slug if complaint.unit else "", self.manager)

    def _manager_of(self, complaint: Complaint):
        """A manager for the complaint's unit: its unit manager, else the quality manager."""
        if self.unit_manager.complaint_units.filter(pk=complaint.unit_id).exists():
            return self.unit_manager
        return self.manager

    def _complainant(self, complaint: Complaint):
        """The customer acts for themselves; without an account, staff record their answer."""
        return complaint.customer or self._handler(complaint)

    def _take(self, complaint: Complaint, step: tuple) -> Complaint:
        action, *args = step
        handler = getattr(self, f"_step_{action}")
        return handler(complaint, *args)

    def _step_ack(self, complaint, method, note):
        return services.acknowledge(
            complaint=complaint, actor=self._handler(complaint), method=method, note=note
        )

    def _step_assign(self, complaint, unit):
        # starting in its own unit is the handler's job; another unit is a manager's (R3)
        own = complaint.unit is not None and complaint.unit.slug == unit
        return services.assign(
            complaint=complaint,
            actor=self._handler(complaint) if own else self._manager_of(complaint),
            unit=unit,
            assignee=self.handlers.get(unit),
        )

    def _step_ask(self, complaint, question):
        return services.request_information(
            complaint=complaint, actor=self._handler(complaint), question=question
        )

    def _step_answer(self, complaint, answer):
        return services.answer_information(
            complaint=complaint, actor=self._complainant(complaint), answer=answer
        )

    def _step_resume(self, complaint, note):
        return services.resume(complaint=complaint, actor=self._handler(complaint), note=note)

    def _step_estimate(self, complaint, days, message):
        return services.set_estimate(
            complaint=complaint,
            actor=self._handler(complaint),
            estimated_resolution_at=timezone.now() + timedelta(days=days),
            message=message,
        )

    def _step_propose(self, complaint, text):
        return services.propose_resolution(
            complaint=complaint, actor=self._handler(complaint), text=text
        )

    def _step_accept(self, complaint):
        return services.accept_resolution(complaint=complaint, actor=self._complainant(complaint))

    def _step_reject(self, complaint, reason):
        return services.reject_resolution(
            complaint=complaint, actor=self._complainant(complaint), reason=reason
        )

    def _step_review(self, complaint, decision, note, text):
        reviewer = self._handler(complaint)
        complaint = services.review_rejection(
            complaint=complaint, actor=reviewer, decision=decision, note=note, text=text
        )
        if decision != "final":
            return complaint
        # R14 four eyes: a manager other than the proposer approves the final decision
        approver = self._manager_of(complaint)
        if approver == reviewer:
            approver = self.manager if reviewer != self.manager else self.unit_manager
        return services.approve_final_decision(complaint=complaint, actor=approver)

    def _step_propose_final(self, complaint, note, text):
        """A final decision left waiting for the second manager's approval."""
        return services.review_rejection(
            complaint=complaint,
            actor=self._handler(complaint),
            decision="final",
            note=note,
            text=text,
        )

    def _step_implemented(self, complaint, note):
        if (
            complaint.investigation_level == InvestigationLevel.ROOT_CAUSE
            and not complaint.corrective_actions.exists()
        ):
            # R6/R9: a root-cause complaint closes only with a corrective action.
            services.add_corrective_action(
                complaint=complaint,
                actor=self._handler(complaint),
                existing=root_cause_action(complaint.category, self.manager),
            )
        return services.mark_implemented(
            complaint=complaint, actor=self._handler(complaint), note=note
        )

    def _step_withdraw(self, complaint, reason):
        return services.withdraw(
            complaint=complaint, actor=self._complainant(complaint), reason=reason
        )

    def _step_reopen(self, complaint, reason):
        return services.reopen(complaint=complaint, actor=self._handler(complaint), reason=reason)

    def _step_note(self, complaint, text):
        return services.add_note(
            complaint=complaint,
            actor=self._handler(complaint),
            text=text,
            visibility=Visibility.INTERNAL,
        )

    def _step_message(self, complaint, text):
        return services.add_note(
            complaint=complaint,
            actor=self._handler(complaint),
            text=text,
            visibility=Visibility.CUSTOMER,
        )

    def _step_customer_message(self, complaint, text):
        return services.add_note(complaint=complaint, actor=self._complainant(complaint), text=text)

    def _step_survey(self, complaint, resolution_score, process_score, comment):
        if complaint.customer is None:
            raise ValueError(f"{complaint.subject}: only a customer with an account is surveyed.")
        return services.submit_survey(
            complaint=complaint,
            actor=complaint.customer,
            resolution_score=resolution_score,
            process_score=process_score,
            comment=comment,
        )

    def _step_route(self, complaint, url, days_ago, external_reference, note):
        return services.record_route_application(
            complaint=complaint,
            actor=self._complainant(complaint),
            route=AlternativeRoute.objects.get(url=url),
            applied_on=timezone.localdate() - timedelta(days=days_ago),
            external_reference=external_reference,
            note=note,
        )

    def _step_corrective(self, complaint, kind, title, description, due_in_days):
        return services.add_corrective_action(
            complaint=complaint,
            actor=self._handler(complaint),
            kind=kind,
            title=title,
            description=description,
            owner=self._handler(complaint),
            due_date=timezone.localdate() + timedelta(days=due_in_days),
        )
