"""API: Account recovery (locked-out sellers)."""

from ninja import Router

router = Router(tags=["Account recovery (locked-out sellers)"])
