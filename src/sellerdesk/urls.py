from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from . import views
from .api.api import api
from .api.errors import not_found_view

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("attachments/<int:attachment_id>/", views.download_attachment, name="attachment"),
    path("portal/", include("sellerdesk.portal.urls")),
    path("workspace/", include("sellerdesk.workspace.urls")),
    path("recovery/", include("sellerdesk.portal.recovery_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/", not_found_view),
]
