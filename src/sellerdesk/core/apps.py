from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sellerdesk.core"
    label = "core"
