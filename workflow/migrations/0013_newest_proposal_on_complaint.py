import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Exists, OuterRef, Subquery


def fill(apps, schema_editor):
    """Each complaint with proposals gets its newest one and whether any was rejected."""
    Complaint = apps.get_model("workflow", "Complaint")
    ResolutionProposal = apps.get_model("workflow", "ResolutionProposal")
    database = schema_editor.connection.alias
    proposals = ResolutionProposal.objects.using(database).filter(complaint=OuterRef("pk"))
    newest = proposals.order_by("-proposed_at", "-pk").values("pk")[:1]
    Complaint.objects.using(database).filter(Exists(proposals)).update(
        newest_proposal=Subquery(newest),
        proposal_rejected=Exists(proposals.filter(decision="rejected")),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0012_open_complaint_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="newest_proposal",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="workflow.resolutionproposal",
                verbose_name="en yeni çözüm önerisi",
            ),
        ),
        migrations.AddField(
            model_name="complaint",
            name="proposal_rejected",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="bir öneri reddedildi"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
