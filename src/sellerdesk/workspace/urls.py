from django.urls import include, path

from sellerdesk.assistant import views as assistant_views
from sellerdesk.knowledge import urls as knowledge_urls

from . import appeal_views, insights_views, performance_views, recovery_views, views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.next_case, name="next_case"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/reply/", views.case_reply, name="reply"),
    path("cases/<int:case_id>/note/", views.case_note, name="note"),
    path("cases/<int:case_id>/status/", views.case_status, name="status"),
    path("cases/<int:case_id>/assign/", views.case_assign, name="assign"),
    path("cases/<int:case_id>/reopen/", views.case_reopen, name="reopen"),
    path("cases/<int:case_id>/triage/", views.case_triage_review, name="triage_review"),
    # Tiered support
    path("cases/<int:case_id>/playbook/", views.case_playbook, name="playbook"),
    path("cases/<int:case_id>/action/", views.case_action, name="action"),
    path("cases/<int:case_id>/transfer/", views.case_transfer, name="transfer"),
    path("cases/<int:case_id>/transfers/<int:transfer_id>/bounce/", views.transfer_bounce, name="bounce"),
    path("cases/<int:case_id>/deadline/", views.case_deadline, name="deadline"),
    path("cases/<int:case_id>/commitments/", views.case_commitment, name="commitment"),
    path("cases/<int:case_id>/commitments/<int:commitment_id>/keep/", views.commitment_keep, name="commitment_keep"),
    path(
        "cases/<int:case_id>/commitments/<int:commitment_id>/cancel/", views.commitment_cancel, name="commitment_cancel"
    ),
    path("cases/<int:case_id>/commitments/<int:commitment_id>/call/", views.commitment_call, name="commitment_call"),
    # Seller performance: sellers, enforcement, complaints, detectors (workspace/performance_views.py)
    path("performance/", performance_views.sellers, name="performance"),
    path("performance/sellers/<int:account_id>/", performance_views.seller, name="performance_seller"),
    path("performance/sellers/<int:account_id>/status/", performance_views.seller_status, name="performance_status"),
    path("performance/sellers/<int:account_id>/actions/", performance_views.seller_action, name="performance_action"),
    path("performance/actions/<int:action_id>/reverse/", performance_views.action_reverse, name="performance_reverse"),
    path("performance/complaints/", performance_views.complaints, name="performance_complaints"),
    path(
        "performance/complaints/<int:complaint_id>/decision/",
        performance_views.complaint_decide,
        name="performance_decide",
    ),
    path("performance/detectors/", performance_views.detectors, name="performance_detectors"),
    # Appeals: the decision on an appeal's case (workspace/appeal_views.py)
    path("cases/<int:case_id>/appeal/decide/", appeal_views.appeal_decide, name="appeal_decide"),
    # Recovery: identity documents review (workspace/recovery_views.py)
    path("performance/identity-reviews/", recovery_views.review_list, name="performance_identity_reviews"),
    path(
        "performance/identity-reviews/<int:request_id>/",
        recovery_views.review_detail,
        name="performance_identity_review",
    ),
    path(
        "performance/identity-reviews/<int:request_id>/decide/",
        recovery_views.review_decide,
        name="performance_identity_review_decide",
    ),
    path(
        "performance/identity-reviews/<int:request_id>/documents/<int:document_id>/",
        recovery_views.review_document,
        name="performance_identity_document",
    ),
    # Insights: similar cases, spike alerts, incident banners (workspace/insights_views.py)
    path("cases/<int:case_id>/similar/", insights_views.case_similar, name="similar"),
    path("alerts/", insights_views.alerts, name="alerts"),
    path("alerts/<int:alert_id>/acknowledge/", insights_views.alert_acknowledge, name="alert_acknowledge"),
    path("incidents/", insights_views.incidents, name="incidents"),
    path("incidents/<int:incident_id>/end/", insights_views.incident_end, name="incident_end"),
    path("lead/insights/", insights_views.lead_summary, name="lead_insights"),
    path("lead/", views.lead, name="lead"),
    # The help centre (knowledge/views.py)
    path("knowledge/", include(knowledge_urls.workspace_patterns)),
    path("assistant/", assistant_views.metrics, name="assistant_metrics"),
    path("lead/escalation-requests/<int:request_id>/handle/", views.escalation_handle, name="handle_escalation"),
]
