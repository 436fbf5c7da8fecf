"""Indexes of the staff queue (workflow.queue): open complaints first, then the earliest
response deadline, in each scope and filter; newest/oldest received; and on PostgreSQL a GIN
index for the full-text search whose expression is `workflow.queue.SEARCH_VECTOR` word for word (SQLite searches with
`icontains` and gets no such index)."""

from django.db import migrations, models
from django.db.models import BooleanField, ExpressionWrapper, F, Q

# workflow.queue.IS_CLOSED: the deadline orders put open complaints first
IS_CLOSED = ExpressionWrapper(Q(closed_at__isnull=False), output_field=BooleanField())

SEARCH_EXPRESSION = (
    "to_tsvector('simple'::regconfig, "
    "COALESCE(\"reference\", '') || ' ' || COALESCE(\"subject\", '') || ' ' || "
    "COALESCE(\"description\", '') || ' ' || COALESCE(\"contact_name\", '') || ' ' || "
    "COALESCE(\"contact_email\", ''))"
)


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS complaint_search_idx ON workflow_complaint "
            f"USING gin ({SEARCH_EXPRESSION})"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS complaint_search_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0009_complaint_field_labels"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                IS_CLOSED, F("response_due_at"), F("received_at"), F("id"), name="complaint_due_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                F("unit"), IS_CLOSED, F("response_due_at"), name="complaint_unit_due_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                F("status"), IS_CLOSED, F("response_due_at"), name="complaint_status_due_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                F("sla_state"), IS_CLOSED, F("response_due_at"), name="complaint_sla_due_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(
                F("assignee"), IS_CLOSED, F("response_due_at"), name="complaint_assignee_due_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="complaint",
            index=models.Index(fields=["received_at", "id"], name="complaint_received_idx"),
        ),
        migrations.RunPython(create_search_index, drop_search_index, elidable=False),
    ]
