from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sellerdesk.accounts"
    label = "accounts"
    verbose_name = "Accounts"
