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


@task()
def send_recovery_code(request_id: int) -> int:
    """Sends a recovery request's one-time code to the registered e-mail address or phone (or, after
    an accepted document review, to the contact address given). Does nothing for a request that
    matched no account, so that such requests look the same from outside. Returns 1 if sent."""
    from django.utils.module_loading import import_string

    from .models import RecoveryMethod, ReviewStatus
    from .recovery import issue_code

    issued = issue_code(request_id)
    if issued is None:
        from .models import RecoveryRequest

        request = RecoveryRequest.objects.filter(pk=request_id, review=ReviewStatus.REJECTED).first()
        if request is not None and request.contact_email:
            with translation.override(request.seller_account.primary_language if request.seller_account else "en"):
                send_mail(
                    subject=_("Your identity documents could not be accepted"),
                    message=_("We could not confirm your identity from the documents you sent:")
                    + f"\n\n{request.review_reason}\n\n"
                    + _("You can send other documents from the account recovery page:")
                    + f" {settings.SITE_URL.rstrip('/')}/recovery/",
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[request.contact_email],
                )
            return 1
        return 0
    request, code = issued
    account = request.seller_account
    minutes = settings.SELLERDESK["RECOVERY"]["CODE_MINUTES"]
    link = f"{settings.SITE_URL.rstrip('/')}/recovery/{request.token}/"
    with translation.override(account.primary_language):
        text = _("Your Sellerdesk recovery code is %(code)s. It expires in %(minutes)d minutes.") % {
            "code": code,
            "minutes": minutes,
        }
        if request.method == RecoveryMethod.PHONE:
            import_string(settings.SELLERDESK["RECOVERY"]["SMS_SENDER"])(account.registered_phone, text)
            return 1
        to = account.registered_email if request.method == RecoveryMethod.EMAIL else request.contact_email
        send_mail(
            subject=_("Your account recovery code"),
            message=text
            + "\n\n"
            + _("Enter it here:")
            + f" {link}\n\n"
            + _("If you did not ask for it, ignore this message: nobody can use your account without the code."),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[to],
        )
    return 1


@task()
def notify_overdue_identity_reviews(request_ids: list[int]) -> int:
    """E-mails the staff who review identity documents (the leads of the teams whose tier may change
    account statuses, or all their members if they have no lead) that these reviews are overdue:
    a seller is locked out and waiting. The sweep claims each request once before queueing this."""
    from sellerdesk.accounts.capabilities import Capability
    from sellerdesk.accounts.models import TeamMembership, TierCapability

    from .models import RecoveryRequest, ReviewStatus

    waiting = list(
        RecoveryRequest.objects.filter(pk__in=request_ids, review=ReviewStatus.PENDING)
        .select_related("seller_account")
        .order_by("review_due_at", "pk")
    )
    if not waiting:
        return 0
    tiers = TierCapability.objects.filter(capability=Capability.CHANGE_ACCOUNT_STATUS).values("tier")
    memberships = TeamMembership.objects.filter(team__tier__in=tiers, user__is_active=True).select_related("user")
    leads = [m.user for m in memberships if m.is_lead]
    recipients = sorted({u.email for u in (leads or [m.user for m in memberships]) if u.email})
    if not recipients:
        return 0
    base = settings.SITE_URL.rstrip("/")
    lines = [
        f"- {r.seller_account.marketplace_seller_id if r.seller_account else '(no account has the seller id given)'}, "
        f"due {r.review_due_at:%Y-%m-%d %H:%M} UTC: {base}/workspace/performance/identity-reviews/{r.pk}/"
        for r in waiting
    ]
    send_mail(
        subject=f"Overdue identity reviews: {len(waiting)}",
        message="These sellers cannot sign in and are waiting for their identity documents to be reviewed:\n\n"
        + "\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )
    return len(waiting)
