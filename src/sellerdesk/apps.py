from django.apps import AppConfig


class SellerdeskConfig(AppConfig):
    """Holds the project-wide management commands (demo, ...) and base templates."""

    name = "sellerdesk"
    verbose_name = "Sellerdesk"
