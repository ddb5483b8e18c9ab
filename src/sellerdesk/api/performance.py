"""API: Seller performance — contacts and account health."""

from ninja import Router

router = Router(tags=["Seller performance — contacts and account health"])
