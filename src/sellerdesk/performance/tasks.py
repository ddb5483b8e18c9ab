"""Background jobs of seller performance. Each is idempotent: a retry never sends twice."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from sellerdesk.accounts.models import Role, User


@task()
def notify_account_event(event_id: int) -> int:
    """E-mails the account's seller users about a public change to their account (a status change,
    an enforcement action and its notice, an appeal decision). Returns how many were sent."""
    from .models import AccountEvent, AccountNotification, EnforcementAction

    event = AccountEvent.objects.select_related("seller_account").filter(pk=event_id, public=True).first()
    if event is None:
        return 0
    account = event.seller_account
    action = None
    if event.data.get("action_id"):
        action = EnforcementAction.objects.filter(pk=event.data["action_id"]).first()
    link = f"{settings.SITE_URL.rstrip('/')}/portal/account/"
    sent = 0
    for person in User.objects.filter(seller_account=account, role=Role.SELLER, is_active=True).order_by("pk"):
        if not person.email or AccountNotification.objects.filter(event=event, recipient=person).exists():
            continue
        with translation.override(account.primary_language):
            subject = f"[{account.marketplace_seller_id}] {event.get_kind_display()}"
            if event.kind == "action_taken" and action is not None:
                body = action.notice
            else:
                body = str(event.get_kind_display())
                if event.data.get("reason"):
                    body += "\n\n" + str(event.data["reason"])
            body += "\n\n" + _("Your account page:") + " " + link
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[person.email])
        try:
            with transaction.atomic():
                AccountNotification.objects.create(event=event, recipient=person, email=person.email)
        except IntegrityError:
            continue
        sent += 1
    return sent
