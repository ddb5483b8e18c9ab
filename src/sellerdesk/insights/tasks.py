"""Background jobs of insights. Each is idempotent: a retry never sends twice."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from sellerdesk.accounts.models import User
from sellerdesk.core import clock


def _language_of(person: User) -> str:
    offered = {code for code, _name in settings.LANGUAGES}
    return next((code for code in person.languages or [] if code in offered), settings.LANGUAGE_CODE)


@task()
def notify_alert(alert_id: int) -> int:
    """E-mails every team lead about a spike alert, once (however often the sweep sees the spike
    again that day). Returns how many were sent."""
    from .models import Alert

    # The alert row is locked while the leads are e-mailed: a second run of the task (a retry, or
    # two sweeps enqueueing it at once) waits, then finds the alert notified and sends nothing.
    with transaction.atomic():
        alert = Alert.objects.select_for_update().filter(pk=alert_id).first()
        if alert is None or alert.notified_at is not None:
            return 0
        sent = _email_leads(alert)
        Alert.objects.filter(pk=alert.pk).update(notified_at=clock.now())
    return sent


def _email_leads(alert) -> int:
    from .models import AlertNotification
    from .selectors import alert_label

    link = f"{settings.SITE_URL.rstrip('/')}/workspace/alerts/#alert-{alert.pk}"
    leads = User.objects.filter(is_active=True, memberships__is_lead=True).distinct().order_by("pk")
    sent = 0
    for person in leads:
        if not person.email or AlertNotification.objects.filter(alert=alert, recipient=person).exists():
            continue
        with translation.override(_language_of(person)):
            label = alert_label(alert)
            subject = _("Spike alert: %(what)s") % {"what": label}
            body = _(
                "%(what)s: %(count)d on %(day)s, against a daily average of %(mean).1f over the %(days)d days before."
            ) % {
                "what": label,
                "count": alert.count,
                "day": alert.day.isoformat(),
                "mean": alert.baseline_mean,
                "days": settings.SELLERDESK.get("ALERTS", {}).get("BASELINE_DAYS", 28),
            }
            body += "\n\n" + _("Examples, acknowledgement and the incident banner for affected sellers:") + f" {link}"
        send_mail(subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[person.email])
        AlertNotification.objects.create(alert=alert, recipient=person, email=person.email)
        sent += 1
    return sent
