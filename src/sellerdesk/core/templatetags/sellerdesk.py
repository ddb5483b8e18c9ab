from django import template

from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import Status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    return Status(value).label if value in Status.values else value


@register.filter
def category_label(value: str) -> str:
    return Category(value).label if value in Category.values else value
