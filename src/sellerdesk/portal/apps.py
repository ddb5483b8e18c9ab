from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The seller portal: web pages for seller users."""

    name = "sellerdesk.portal"
    label = "portal"
