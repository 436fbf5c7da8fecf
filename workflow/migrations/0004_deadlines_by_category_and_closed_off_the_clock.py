"""Existing complaints get the deadlines the workflow now computes (R10):

- a personal-data request (`calendar_30_days`) had its 30 days stored as the first-response
  deadline: the first response is due within one business day and the 30 days become
  `final_response_due_at`;
- a certificate problem report (`calendar_24_hours`) is due at the earlier of 24 hours and one
  business day;
- a closed complaint leaves every SLA queue (`sla_state` back to on_track).
"""

from django.db import migrations

from workflow import deadlines

PROFILES = ("calendar_24_hours", "calendar_30_days")


def forwards(apps, schema_editor):
    Complaint = apps.get_model("workflow", "Complaint")
    calendar = deadlines.BusinessCalendar.from_settings()
    rows = (
        Complaint.objects.filter(category__deadline_profile__in=PROFILES)
        .values_list("pk", "received_at", "category__deadline_profile")
        .iterator(chunk_size=2000)
    )
    batch = []
    for pk, received_at, profile in rows:
        batch.append(
            Complaint(
                pk=pk,
                response_due_at=deadlines.response_due_at(received_at, profile, calendar),
                final_response_due_at=deadlines.final_response_due_at(
                    received_at, profile, calendar
                ),
            )
        )
        if len(batch) == 2000:
            Complaint.objects.bulk_update(batch, ["response_due_at", "final_response_due_at"])
            batch = []
    if batch:
        Complaint.objects.bulk_update(batch, ["response_due_at", "final_response_due_at"])
    Complaint.objects.filter(status="closed").exclude(sla_state="on_track").update(
        sla_state="on_track"
    )


class Migration(migrations.Migration):
    dependencies = [("workflow", "0003_final_response_due_at")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
