"""The seller-support assistant: offline triage of seller messages (language, category, urgency, tier, references).

Nothing here needs the database: the Django side calls :func:`sellerdesk.assistant.triage.triage`.
"""
