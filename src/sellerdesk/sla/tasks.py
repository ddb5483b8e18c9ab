"""Background jobs of the SLA engine; each is safe to retry."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tasks import task


@task()
def notify_sla_steps(event_ids: list[int]) -> int:
    """E-mails what the ladder steps of these events ask for: the case's owner when warned, the
    team's leads when notified, the leads and the administrators at a hard ceiling. One e-mail per
    event and person (a Notification row), so a retry never sends twice."""
    from sellerdesk.accounts.models import Role, TeamMembership, User
    from sellerdesk.cases.models import CaseEvent, Notification

    from .models import LadderAction, TargetKind

    events = list(CaseEvent.objects.filter(pk__in=event_ids).select_related("case", "case__assignee"))
    # The team and owner when the step fired (a later step of the same sweep may have moved the case).
    team_ids = {e.data.get("team_id", e.case.team_id) for e in events} | {e.case.team_id for e in events}
    leads: dict[int, list[User]] = {}
    for membership in TeamMembership.objects.filter(
        team_id__in=team_ids, is_lead=True, user__is_active=True
    ).select_related("user"):
        leads.setdefault(membership.team_id, []).append(membership.user)
    owners = User.objects.in_bulk({e.data["assignee_id"] for e in events if e.data.get("assignee_id")})
    admins = list(User.objects.filter(role=Role.ADMIN, is_active=True))
    already = set(Notification.objects.filter(event__in=events).values_list("event_id", "recipient_id"))
    sent = 0
    for event in events:
        case, actions = event.case, event.data.get("actions", [])
        team_leads = leads.get(event.data.get("team_id", case.team_id), [])
        owner = owners.get(event.data.get("assignee_id"))
        recipients: list[User] = []
        if LadderAction.WARN_OWNER in actions:
            recipients += [owner] if owner and owner.is_active else team_leads
        if LadderAction.NOTIFY_LEAD in actions:
            recipients += team_leads
        if LadderAction.REASSIGN in actions and case.assignee_id:
            recipients.append(case.assignee)  # whoever has the case now
        if "ceiling" in actions:
            recipients += team_leads + admins
        target = TargetKind(event.data["target"]).label
        if event.data.get("ceiling"):
            headline = f"Hard ceiling reached ({target})"
        elif event.data.get("breached"):
            headline = f"{target} target breached ({event.data['percent']}%)"
        else:
            headline = f"{target} target at risk ({event.data['percent']}%)"
        for person in {p.pk: p for p in recipients}.values():
            if not person.email or (event.pk, person.pk) in already:
                continue
            try:
                with transaction.atomic():
                    Notification.objects.create(event=event, recipient=person, email=person.email)
            except IntegrityError:
                continue
            send_mail(
                subject=f"[{case.number}] {headline}",
                message=(
                    f"{case.subject}\n{headline}; due {event.data.get('due_at') or '-'} (UTC).\n"
                    f"Steps taken: {', '.join(actions) or 'none'}.\n\n"
                    f"{settings.SITE_URL.rstrip('/')}/workspace/cases/{case.pk}/"
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[person.email],
            )
            sent += 1
    return sent


@task()
def escalate_to_senior(items: list[list]) -> int:
    """The SLA ladder's escalations of one sweep batch: `[case id, target kind, percent]` each.
    Safe to retry: a case already with the senior tier (or done) stays where it is."""
    from .services import escalate_case_to_senior

    return sum(escalate_case_to_senior(case_id, target_kind=kind, percent=percent) for case_id, kind, percent in items)
