"""What the complaint row keeps of its proposals (`newest_proposal`, `proposal_rejected`):
written by the services, filled by the migration, and what the customer's readers use."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from tests.workflow.helpers import (
    EVERY_STATE,
    assert_proposal_fields_agree,
    complaint_in,
    reload,
)
from workflow import services
from workflow.models import Complaint, ResolutionProposal
from workflow.selectors import RoutesStage, complaints_for_customer, current_proposal, routes_stage
from workflow.states import Status

Decision = ResolutionProposal.Decision
fill = importlib.import_module("workflow.migrations.0013_newest_proposal_on_complaint").fill


def rejected(customer, staff, category):
    return complaint_in(Status.REJECTED, customer=customer, staff=staff, category=category)


def test_every_state_keeps_what_its_proposals_say(customer, staff, category):
    for status, closure in EVERY_STATE:
        complaint = complaint_in(
            status, customer=customer, staff=staff, category=category, closure=closure
        )
        assert_proposal_fields_agree(complaint)  # complaint_in checks it too
    proposed = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    assert proposed.newest_proposal.decision == Decision.PENDING
    assert not proposed.proposal_rejected


def test_a_revised_proposal_after_a_rejection_is_the_newest_and_routes_stay_shown(
    customer, staff, category
):
    complaint = rejected(customer, staff, category)
    first = complaint.newest_proposal
    assert first.decision == Decision.REJECTED
    assert complaint.proposal_rejected
    assert routes_stage(complaint) == RoutesStage.AWAITING_REVIEW

    services.review_rejection(
        complaint=complaint, actor=staff, decision="revise", text="Tutarın tamamı iade edilecek."
    )
    complaint = reload(complaint)
    assert_proposal_fields_agree(complaint)
    assert complaint.newest_proposal != first
    assert complaint.newest_proposal.decision == Decision.PENDING
    assert routes_stage(complaint) == RoutesStage.NEW_PROPOSAL

    services.accept_resolution(complaint=complaint, actor=customer)
    complaint = reload(complaint)
    assert_proposal_fields_agree(complaint)
    assert complaint.proposal_rejected  # once rejected, always: the history does not change
    assert current_proposal(complaint).decision == Decision.ACCEPTED
    assert routes_stage(complaint) is None  # a later proposal was accepted


def test_reinvestigating_after_a_rejection(customer, staff, category):
    complaint = rejected(customer, staff, category)
    services.review_rejection(complaint=complaint, actor=staff, decision="reinvestigate")
    complaint = reload(complaint)
    assert_proposal_fields_agree(complaint)
    assert routes_stage(complaint) == RoutesStage.REINVESTIGATING


def test_the_customers_reads_join_the_newest_proposal_without_a_query(
    customer, staff, category, django_assert_num_queries
):
    complaint_in(Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category)
    rejected(customer, staff, category)
    with django_assert_num_queries(1):
        complaints = list(complaints_for_customer(customer))
        stages = {c.status: (routes_stage(c), current_proposal(c).decision) for c in complaints}
    assert stages == {
        Status.RESOLUTION_PROPOSED: (None, Decision.PENDING),
        Status.REJECTED: (RoutesStage.AWAITING_REVIEW, Decision.REJECTED),
    }


def test_the_migration_fills_complaints_written_before_it(customer, staff, category):
    complaints = [rejected(customer, staff, category)]
    complaints.append(
        complaint_in(Status.IMPLEMENTING, customer=customer, staff=staff, category=category)
    )
    complaints.append(
        complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    )
    kept = {c.pk: (c.newest_proposal_id, c.proposal_rejected) for c in complaints}
    Complaint.objects.update(newest_proposal=None, proposal_rejected=False)

    fill(apps, SimpleNamespace(connection=connection))

    for complaint in complaints:
        complaint = reload(complaint)
        assert_proposal_fields_agree(complaint)
        assert (complaint.newest_proposal_id, complaint.proposal_rejected) == kept[complaint.pk]
    assert kept[complaints[0].pk][1] is True
    assert kept[complaints[2].pk] == (None, False)
