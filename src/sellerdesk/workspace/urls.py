from django.urls import path

from . import views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/reply/", views.case_reply, name="reply"),
    path("cases/<int:case_id>/note/", views.case_note, name="note"),
    path("cases/<int:case_id>/status/", views.case_status, name="status"),
    path("cases/<int:case_id>/assign/", views.case_assign, name="assign"),
    path("cases/<int:case_id>/reopen/", views.case_reopen, name="reopen"),
]
