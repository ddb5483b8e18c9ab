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
