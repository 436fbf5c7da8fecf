"""The managers' group becomes the quality managers' group (the roles were split into
handler, unit manager and quality manager): members and permissions stay."""

from django.db import migrations

OLD, NEW = "Şikâyet yöneticileri", "Kalite yöneticileri"


def rename(apps, schema_editor, old=OLD, new=NEW):
    group_model = apps.get_model("auth", "Group")
    if not group_model.objects.filter(name=new).exists():
        group_model.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("workflow", "0005_roles_four_eyes_corrective_actions"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
