"""Background jobs of the cases domain. Each is idempotent: a retry never sends twice."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tasks import task

from sellerdesk.accounts.models import Role, User


@task()
def notify_case_event(event_id: int) -> int:
    """E-mails the other side of the conversation about a public event: the seller account's users
    when support acts, the assigned agent when the seller writes. Returns how many were sent."""
    from .events import EventType
    from .models import CaseEvent, Notification

    event = (
        CaseEvent.objects.select_related("case", "case__assignee", "actor", "message")
        .filter(pk=event_id, public=True)
        .first()
    )
    if event is None:
        return 0
    case = event.case
    by_seller = event.actor is not None and event.actor.role == Role.SELLER
    if by_seller:
        recipients = [case.assignee] if case.assignee_id and event.kind != EventType.CASE_OPENED else []
    else:
        recipients = list(User.objects.filter(seller_account_id=case.seller_account_id, is_active=True))
    sent = 0
    link = f"{settings.SITE_URL.rstrip('/')}/{'workspace' if by_seller else 'portal'}/cases/{case.pk}/"
    for person in recipients:
        if not person.email or Notification.objects.filter(event=event, recipient=person).exists():
            continue
        text = event.message.body if event.message_id else event.get_kind_display()
        send_mail(
            subject=f"[{case.number}] {case.subject}",
            message=f"{text}\n\n{link}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[person.email],
        )
        try:
            with transaction.atomic():
                Notification.objects.create(event=event, recipient=person, email=person.email)
        except IntegrityError:
            continue
        sent += 1
    return sent
