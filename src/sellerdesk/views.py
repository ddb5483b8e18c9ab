from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from sellerdesk.cases import selectors


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    return redirect("workspace:queue" if request.user.is_agent else "portal:cases")


@login_required
def download_attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    attachment = selectors.attachment_for(request.user, attachment_id)
    if attachment is None:
        raise Http404
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
