"""Customer portal: /portal/ (DESIGN.md "customer portal")."""

from django.urls import path

from workflow.actions import CUSTOMER, all_actions

from . import attachments, guest, pdf_views, profile, views

app_name = "portal"

urlpatterns = [
    path("", views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/new/", views.FileComplaintView.as_view(), name="file"),
    path("profile/", profile.ProfileView.as_view(), name="profile"),
    path("my-data/", profile.MyDataView.as_view(), name="my_data"),
    path(
        "my-data/export/<int:export_id>/download/",
        profile.MyDataDownloadView.as_view(),
        name="my_data_download",
    ),
    path("complaints/<str:reference>/", views.ComplaintDetailView.as_view(), name="detail"),
    # one URL per customer action of the registry (workflow.actions), all served alike
    *[
        path(
            f"complaints/<str:reference>/{views.url_name(action.name)}/",
            views.ComplaintActionView.as_view(action_name=action.name),
            name=views.url_name(action.name),
        )
        for action in all_actions(CUSTOMER)
    ],
    path(
        "complaints/<str:reference>/attachments/",
        attachments.AddAttachmentView.as_view(),
        name="add_attachment",
    ),
    path(
        "complaints/<str:reference>/attachments/<int:attachment_id>/",
        attachments.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
    path(
        "complaints/<str:reference>/tracking-form.pdf",
        pdf_views.TrackingFormView.as_view(),
        name="tracking_form",
    ),
    # without an account: file, then follow by the e-mailed link, then claim into an account
    path("guest/file/", guest.GuestFileView.as_view(), name="guest_file"),
    path("guest/thanks/", guest.GuestThanksView.as_view(), name="guest_thanks"),
    path("track/<slug:token>/", guest.TrackView.as_view(), name="track"),
    path("track/<slug:token>/claim/", guest.ClaimView.as_view(), name="claim"),
    path(
        "track/<slug:token>/attachments/<int:attachment_id>/",
        guest.TrackAttachmentView.as_view(),
        name="track_attachment",
    ),
]
