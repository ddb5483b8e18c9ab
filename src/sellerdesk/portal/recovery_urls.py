from django.urls import path

from . import recovery_views as views

app_name = "recovery"
urlpatterns = [
    path("", views.start, name="start"),
    path("account/", views.account, name="account"),
    path("account/cases/new/", views.case_new, name="case_new"),
    path("account/cases/<int:case_id>/", views.case, name="case"),
    path("account/actions/<int:action_id>/appeal/", views.appeal, name="appeal"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("<uuid:token>/", views.verify, name="verify"),
]
