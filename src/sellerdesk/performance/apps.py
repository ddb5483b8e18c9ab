from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    name = "sellerdesk.performance"
    verbose_name = _("Seller performance")
