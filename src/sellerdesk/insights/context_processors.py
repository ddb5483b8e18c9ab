"""The incident banner on every portal page: the active incidents that concern the signed-in
seller, in the language the page is shown in. Looked up only when a page renders the banner."""

from django.utils import translation
from django.utils.functional import SimpleLazyObject

from .incidents import active_for


def incident_banners(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_seller or not user.seller_account_id:
        return {}

    def banners() -> list[dict]:
        language = translation.get_language() or "en"
        return [
            {"id": i.pk, "title": i.title_in(language), "message": i.message_in(language), "since": i.starts_at}
            for i in active_for(user.seller_account)
        ]

    return {"incident_banners": SimpleLazyObject(banners)}
