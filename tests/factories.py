"""factory-boy factories for every model."""

import factory

from sellerdesk.accounts.models import Role, SellerAccount, Team, TeamMembership, User


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
