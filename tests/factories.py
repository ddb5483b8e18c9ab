"""factory-boy factories for every model."""

import datetime as dt

import factory

from sellerdesk.accounts.models import ApiToken, Role, SellerAccount, Team, TeamMembership, User
from sellerdesk.accounts.services import hash_token
from sellerdesk.cases.categories import Category
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Attachment, Case, CaseEvent, Message, Notification
from sellerdesk.core import clock


class SellerAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SellerAccount

    name = factory.Sequence(lambda n: f"Seller {n}")
    marketplace_seller_id = factory.Sequence(lambda n: f"A{n:010d}")
    country = "US"
    timezone = "America/New_York"
    languages = ["en"]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = factory.LazyAttribute(lambda u: u.username.capitalize())
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class SellerFactory(UserFactory):
    role = Role.SELLER
    seller_account = factory.SubFactory(SellerAccountFactory)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    tier = "tier1"
    languages = ["en"]
    categories = []


class AgentFactory(UserFactory):
    role = Role.AGENT
    timezone = "Europe/Madrid"

    @factory.post_generation
    def teams(obj, create, extracted, **kwargs):
        for team in extracted or []:
            TeamMembership.objects.create(team=team, user=obj, is_lead=obj.role == Role.LEAD)


class LeadFactory(AgentFactory):
    role = Role.LEAD


class AdminFactory(UserFactory):
    role = Role.ADMIN
    is_staff = True
    is_superuser = True


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(AgentFactory)
    is_lead = False


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """A token whose raw value is `raw` (default: a fresh one); only its hash is stored."""

    class Meta:
        model = ApiToken
        exclude = ("raw",)

    user = factory.SubFactory(SellerFactory)
    raw = factory.Sequence(lambda n: f"sd_test_token_{n}")
    key_hash = factory.LazyAttribute(lambda t: hash_token(t.raw))
    expires_at = factory.LazyFunction(lambda: clock.now() + dt.timedelta(days=30))


class CaseFactory(factory.django.DjangoModelFactory):
    """A case written straight to the table (no opening message, no events): for tests that need a
    case in a given state. Tests of opening go through `services.open_case`."""

    class Meta:
        model = Case

    seller_account = factory.SubFactory(SellerAccountFactory)
    opened_by = factory.SubFactory(SellerFactory, seller_account=factory.SelfAttribute("..seller_account"))
    subject = factory.Sequence(lambda n: f"Case subject {n}")
    category = Category.OTHER
    status = Status.NEW
    team = factory.SubFactory(TeamFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    case = factory.SubFactory(CaseFactory)
    author = factory.SelfAttribute("case.opened_by")
    author_role = Message.AuthorRole.SELLER
    body = factory.Sequence(lambda n: f"Message body {n}")
    internal = False


class CaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseEvent

    case = factory.SubFactory(CaseFactory)
    actor = factory.SelfAttribute("case.opened_by")
    kind = EventType.CASE_OPENED
    public = True
    data = factory.LazyFunction(dict)


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    message = factory.SubFactory(MessageFactory)
    case = factory.SelfAttribute("message.case")
    file = factory.django.FileField(filename="note.txt", data=b"hello")
    filename = "note.txt"
    content_type = "text/plain"
    size = 5


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    event = factory.SubFactory(CaseEventFactory)
    recipient = factory.SelfAttribute("event.case.opened_by")
    email = factory.SelfAttribute("recipient.email")


# --- tiered support: playbooks, transfers, escalation requests, commitments, the capability matrix --
# Models are named as "app.Model" so that this appended section needs no imports of its own.

# A realistic first-line playbook ("order not picked up") with one field of every type.
PICKUP_STEPS = [
    {"key": "open_order", "title": "Open the order and read its timeline", "help": "Note the ship-by date."},
    {"key": "check_carrier", "title": "Check the carrier's pickup scan", "help": "Carrier portal."},
    {"key": "request_repickup", "title": "Request a re-pickup", "help": "Tier 1 may do this itself."},
]
PICKUP_FIELDS = [
    {"name": "order_id", "label": "Order id", "type": "order_id", "required": True},
    {"name": "ship_by", "label": "Ship-by date", "type": "date", "required": True},
    {"name": "carrier", "label": "Carrier", "type": "choice", "required": True, "choices": ["UPS", "DHL", "USPS"]},
    {"name": "pickup_slot", "label": "Pickup slot", "type": "datetime", "required": False},
    {"name": "tracking_id", "label": "Tracking id", "type": "text", "required": False, "max_length": 12},
    {"name": "tried", "label": "What the seller tried", "type": "textarea", "required": False},
    {"name": "listing", "label": "Listing", "type": "listing_id", "required": False},
    {"name": "order_value", "label": "Order value", "type": "money", "required": False},
    {"name": "parcels", "label": "Parcels", "type": "number", "required": False},
    {"name": "contact_email", "label": "Contact e-mail", "type": "email", "required": False},
    {"name": "contact_phone", "label": "Contact phone", "type": "phone", "required": False},
    {"name": "label_printed", "label": "Label printed", "type": "yes_no", "required": False},
]
# Values that complete PICKUP_FIELDS' required fields.
PICKUP_VALUES = {"order_id": "112-1234567-1234567", "ship_by": "2030-05-02", "carrier": "UPS"}


def _transfer_reason(code: str):
    from sellerdesk.routing.models import TransferReason

    return TransferReason.objects.get(code=code)


class PlaybookFactory(factory.django.DjangoModelFactory):
    """The category's general playbook unless a `subtype` is given (one playbook per kind)."""

    class Meta:
        model = "routing.Playbook"

    category = Category.ORDER_FULFILLMENT
    subtype = ""
    name = factory.Sequence(lambda n: f"Order not picked up {n}")
    summary = "The carrier did not collect a seller-fulfilled order."
    resolution_capability = ""
    steps = factory.LazyFunction(lambda: [dict(s) for s in PICKUP_STEPS])
    fields = factory.LazyFunction(lambda: [dict(f) for f in PICKUP_FIELDS])
    active = True


class CasePlaybookFactory(factory.django.DjangoModelFactory):
    """Progress of a playbook on a case; `completed=True` makes it a completed one."""

    class Meta:
        model = "routing.CasePlaybook"

    class Params:
        completed = factory.Trait(
            values=factory.LazyFunction(lambda: dict(PICKUP_VALUES)),
            completed_steps=factory.LazyAttribute(lambda o: [s["key"] for s in o.playbook.steps]),
            completed_at=factory.LazyFunction(clock.now),
        )

    case = factory.SubFactory(CaseFactory, category=Category.ORDER_FULFILLMENT)
    playbook = factory.SubFactory(PlaybookFactory, category=factory.SelfAttribute("..case.category"))
    values = factory.LazyFunction(dict)
    completed_steps = factory.LazyFunction(list)
    completed_at = None
    updated_at = factory.LazyFunction(clock.now)


class TransferFactory(factory.django.DjangoModelFactory):
    """A transfer row as the service writes it (the case itself is not moved: set `case.team`)."""

    class Meta:
        model = "routing.Transfer"

    case = factory.SubFactory(CaseFactory)
    kind = "transfer"
    from_team = factory.SelfAttribute("case.team")
    to_team = factory.SubFactory(TeamFactory, tier="tier2")
    from_agent = factory.SubFactory(AgentFactory)
    reason = factory.LazyFunction(lambda: _transfer_reason("wrong_category"))
    capability = ""
    note = ""
    business_deadline = factory.SelfAttribute("case.business_deadline")
    expected_reply_by = factory.LazyFunction(lambda: clock.now() + dt.timedelta(hours=24))
    avoidable = ""
    created_at = factory.LazyFunction(clock.now)


class EscalationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "routing.EscalationRequest"

    case = factory.SubFactory(CaseFactory)
    kind = "urgent"
    reason = "The order ships today."
    phone = ""
    requested_by = factory.SelfAttribute("case.opened_by")
    team = factory.SelfAttribute("case.team")
    created_at = factory.LazyFunction(clock.now)
    target_at = factory.LazyAttribute(lambda r: r.created_at + dt.timedelta(hours=4))
    state = "open"


class CommitmentFactory(factory.django.DjangoModelFactory):
    """An open follow-up promise due tomorrow, owned by an agent of the case's team."""

    class Meta:
        model = "commitments.Commitment"

    case = factory.SubFactory(CaseFactory)
    kind = "follow_up"
    description = factory.Sequence(lambda n: f"We will check with the carrier and write back ({n}).")
    owner = factory.LazyAttribute(lambda c: AgentFactory(teams=[c.case.team] if c.case.team else []))
    team = factory.SelfAttribute("case.team")
    created_by = factory.SelfAttribute("owner")
    created_at = factory.LazyFunction(clock.now)
    due_at = factory.LazyAttribute(lambda c: c.created_at + dt.timedelta(days=1))
    state = "open"


class TierCapabilityFactory(factory.django.DjangoModelFactory):
    """A row of the capability matrix. The seeded rows are reused as they are, never doubled: to change
    a seeded limit, update the returned row."""

    class Meta:
        model = "accounts.TierCapability"
        django_get_or_create = ("tier", "capability")

    tier = "tier1"
    capability = "reinstate_listing"
    max_amount_usd = None
