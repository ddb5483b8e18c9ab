"""API: Seller performance — enforcement, complaints, detectors."""

from ninja import Router

router = Router(tags=["Seller performance — enforcement, complaints, detectors"])
