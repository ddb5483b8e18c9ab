"""API: Seller performance — appeals."""

from ninja import Router

router = Router(tags=["Seller performance — appeals"])
