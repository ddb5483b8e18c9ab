from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "sellerdesk.cases"
    label = "cases"
    verbose_name = "Cases"
