"""Identity reviews of the recovery channel: staff who may change account statuses check the
documents a locked-out seller sent and accept them (a code goes to the seller's contact address)
or not (the seller is told why)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.core.errors import SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.views import paginate
from sellerdesk.performance import recovery, selectors
from sellerdesk.performance.models import ReviewStatus
from sellerdesk.performance.services import REASON_MIN, TEXT_MAX

from .performance_views import enforcement_staff

# The same staff as the other seller performance pages: others get the page that says who can.
reviewers_only = enforcement_staff


class ReviewForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("1", gettext_lazy("Accept: the documents prove who they are")), ("0", gettext_lazy("Do not accept"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("What you checked, or what is missing (the seller reads it if you do not accept)."),
        min_length=REASON_MIN,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


TABS = [
    (ReviewStatus.PENDING, gettext_lazy("Waiting for review")),
    (ReviewStatus.ACCEPTED, gettext_lazy("Accepted")),
    (ReviewStatus.REJECTED, gettext_lazy("Not accepted")),
]


@reviewers_only
def review_list(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", ReviewStatus.PENDING)
    if tab not in ReviewStatus.values:
        tab = ReviewStatus.PENDING
    page = paginate(request, selectors.identity_reviews(review=tab))
    return render(
        request,
        "workspace/recovery/list.html",
        {"page": page, "tab": tab, "tabs": TABS, "review_hours": settings.SELLERDESK["RECOVERY"]["REVIEW_HOURS"]},
    )


def _detail(request: HttpRequest, request_id: int, form: ReviewForm, status: int = 200) -> HttpResponse:
    review = selectors.identity_review(request_id)
    return render(request, "workspace/recovery/detail.html", {"review": review, "form": form}, status=status)


@reviewers_only
def review_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    return _detail(request, request_id, ReviewForm())


@reviewers_only
@require_POST
def review_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            recovery.review_documents(
                actor=request.user,
                request_id=request_id,
                accept=form.cleaned_data["accept"],
                reason=form.cleaned_data["reason"],
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            if form.cleaned_data["accept"]:
                messages.success(request, _("Accepted: a one-time code is on its way to the seller's contact address."))
            else:
                messages.success(request, _("Not accepted: the seller is told why at their contact address."))
            return redirect("workspace:performance_identity_reviews")
    return _detail(request, request_id, form, status=400)


@reviewers_only
def review_document(request: HttpRequest, request_id: int, document_id: int) -> FileResponse:
    document = selectors.identity_review(request_id).documents.filter(pk=document_id).first()
    if document is None:
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename, content_type=document.content_type
    )
