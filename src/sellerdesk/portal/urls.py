from django.urls import include, path

from sellerdesk.assistant import views as assistant_views
from sellerdesk.knowledge import urls as knowledge_urls

from . import account_views, health_views, views

app_name = "portal"
urlpatterns = [
    path("", views.case_list, name="cases"),
    # The help centre (knowledge/views.py)
    path("help/", include(knowledge_urls.portal_patterns)),
    path("cases/new/", views.case_new, name="new"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/timeline/", views.case_timeline, name="timeline"),
    path("cases/<int:case_id>/reply/", views.case_reply, name="reply"),
    path("cases/<int:case_id>/resolve/", views.case_resolve, name="resolve"),
    path("cases/<int:case_id>/reopen/", views.case_reopen, name="reopen"),
    path("cases/<int:case_id>/escalate/<slug:kind>/", views.case_escalate, name="escalate"),
    path("commitments/", views.commitment_list, name="commitments"),
    # The virtual assistant (assistant/views.py)
    path("assistant/", assistant_views.chat_start, name="assistant"),
    path("assistant/<int:conversation_id>/", assistant_views.chat_conversation, name="assistant_conversation"),
    # Account health (portal/health_views.py)
    path("health/", health_views.health_page, name="health"),
    # Account status, enforcement actions and appeals (portal/account_views.py)
    path("account/", account_views.account, name="account"),
    path("account/actions/<int:action_id>/appeal/", account_views.appeal_new, name="account_appeal_new"),
    path("account/appeals/<int:appeal_id>/", account_views.appeal_detail, name="account_appeal"),
    path("account/appeals/<int:appeal_id>/escalate/", account_views.appeal_escalate, name="account_appeal_escalate"),
]
