"""Background tasks of the portal, run by the task worker (`manage.py db_worker`)."""

from django.tasks import task


@task()
def render_tracking_form(complaint_id: int, language: str) -> str:
    from .tracking_forms import render_and_keep

    return render_and_keep(complaint_id, language)


@task()
def prepare_data_export(export_id: int) -> str:
    from .data_exports import prepare

    return prepare(export_id)
