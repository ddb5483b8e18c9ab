from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "sellerdesk.commitments"
    label = "commitments"
    verbose_name = "Commitments"
