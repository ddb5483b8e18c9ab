"""Background jobs for commitments; each is safe to retry."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from sellerdesk.core import clock


@task()
def notify_broken_commitments(commitment_ids: list[int]) -> int:
    """E-mails each broken commitment's owner and the leads of its team, once: a commitment is
    claimed (a conditional UPDATE) before its e-mail goes out, so a retry skips it."""
    from sellerdesk.accounts.models import TeamMembership

    from .models import Commitment, State

    broken = list(
        Commitment.objects.filter(
            pk__in=commitment_ids, state=State.BROKEN, broken_notified_at__isnull=True
        ).select_related("owner", "case", "team")
    )
    leads_by_team: dict[int, list] = {}
    for membership in TeamMembership.objects.filter(
        team_id__in={c.team_id for c in broken}, is_lead=True
    ).select_related("user"):
        leads_by_team.setdefault(membership.team_id, []).append(membership.user)
    sent = 0
    for commitment in broken:
        claimed = Commitment.objects.filter(pk=commitment.pk, broken_notified_at__isnull=True).update(
            broken_notified_at=clock.now()
        )
        if not claimed:
            continue
        leads = leads_by_team.get(commitment.team_id, [])
        recipients = sorted({u.email for u in [commitment.owner, *leads] if u.email and u.is_active})
        if not recipients:
            continue
        case = commitment.case
        send_mail(
            subject=f"[{case.number}] Broken promise: {commitment.get_kind_display()}",
            message=(
                f'The commitment "{commitment.description}" was due {commitment.due_at:%Y-%m-%d %H:%M} UTC and '
                "was not kept. Unless it was already resolved, its case has been moved one level up.\n\n"
                f"{settings.SITE_URL.rstrip('/')}/workspace/cases/{case.pk}/"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        sent += 1
    return sent
