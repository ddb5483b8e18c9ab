"""Tier-1 playbooks for the fictional "Mercado Nimbus" marketplace.

Plain data only. ``PLAYBOOKS`` is a list of dicts, one per case category and optional sub-type
(``subtype == ""`` is the category's general playbook). Each playbook lists the steps a first-line
agent takes, in order, and the form fields they must complete before they may transfer the case to
another team. ``resolution_capability`` is the action that usually resolves the case, or "" when a
good reply does.

Field types: text, textarea, date, datetime, number, money, choice (with ``choices``), order_id,
listing_id, email, phone, yes_no. A ``money`` field carries the amount only; a separate ``currency``
choice field records the currency.
"""

from __future__ import annotations

PLAYBOOKS: list[dict] = []

# ---------------------------------------------------------------------------
# Order fulfilment
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "order_fulfillment",
        "subtype": "",
        "name": "Order fulfilment: general",
        "summary": (
            "Any question about getting an order to the buyer that no sub-type covers (cannot confirm shipment, "
            "split parcels, auto-cancelled orders, address changes). A good outcome is the order shipped or "
            "cancelled correctly before its ship-by date, with no unfair metric hit."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_order",
                "title": "Open the order and read its timeline",
                "help": (
                    "Note the order status, fulfilment channel (seller-fulfilled or Fulfilled by Nimbus), ship-by "
                    "and deliver-by dates, and when shipment was confirmed, if at all."
                ),
            },
            {
                "key": "check_tracking",
                "title": "Check the tracking in the carrier portal",
                "help": (
                    "Confirm the tracking id is valid for the carrier selected on the order and note the first "
                    "carrier scan. An id that the carrier does not recognise within 24 hours counts against the "
                    "valid tracking rate."
                ),
            },
            {
                "key": "check_deadlines",
                "title": "Check what deadline is at risk",
                "help": (
                    "Orders not confirmed by the ship-by deadline (23:59) are auto-cancelled overnight; one "
                    "whose first carrier scan is on or before the ship-by date can be reinstated. If the ship-by "
                    "date is today and the cause is on our side or the carrier's, you may extend it by 24 hours "
                    "once per order."
                ),
            },
            {
                "key": "match_subtype",
                "title": "Switch to a sub-type playbook if one fits",
                "help": (
                    "Missed pickup, 'delivered but not received' and late shipment disputes have their own playbooks "
                    "with the evidence those teams need."
                ),
            },
            {
                "key": "answer_seller",
                "title": "Tell the seller what happens next and by when",
                "help": "Give the exact date or time of the next action, and what the seller must do, if anything.",
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {
                "name": "order_status",
                "label": "Order status",
                "type": "choice",
                "required": True,
                "choices": ["Pending", "Unshipped", "Shipped", "Delivered", "Cancelled"],
            },
            {
                "name": "fulfilment_channel",
                "label": "Fulfilment channel",
                "type": "choice",
                "required": True,
                "choices": ["Seller-fulfilled", "Fulfilled by Nimbus"],
            },
            {"name": "ship_by", "label": "Ship-by date", "type": "date", "required": True},
            {
                "name": "carrier",
                "label": "Carrier",
                "type": "choice",
                "required": False,
                "choices": [
                    "Nimbus Shipping",
                    "UPS",
                    "DHL",
                    "Correos",
                    "Estafeta",
                    "Royal Mail",
                    "Canada Post",
                    "SF Express",
                ],
            },
            {"name": "tracking_id", "label": "Tracking id", "type": "text", "required": False, "max_length": 40},
            {
                "name": "issue_summary",
                "label": "What went wrong, in one or two sentences",
                "type": "textarea",
                "required": True,
            },
        ],
    },
    {
        "category": "order_fulfillment",
        "subtype": "order_not_picked_up",
        "name": "Order not picked up by the carrier",
        "summary": (
            "The seller booked a carrier pickup and nobody came, or the driver closed the stop without collecting. A "
            "good outcome is a re-pickup before the ship-by date, or a late-shipment exemption on the order when the "
            "miss was the carrier's fault."
        ),
        "resolution_capability": "request_carrier_repickup",
        "steps": [
            {
                "key": "verify_order",
                "title": "Check the order and its ship-by date",
                "help": "Open the order; note the ship-by date and whether a pickup was booked through Mercado Nimbus.",
            },
            {
                "key": "check_pickup",
                "title": "Look up the pickup booking in the carrier portal",
                "help": (
                    "Search the pickup confirmation (PU-...). Note whether the driver visited and the reason code on "
                    "the closed stop (no access, business closed, package not ready)."
                ),
            },
            {
                "key": "check_address",
                "title": "Check the pickup address and access instructions",
                "help": (
                    "Compare the pickup address, opening hours and gate or dock instructions with what the seller "
                    "says. A 'no access' stop almost always means a missing gate code."
                ),
            },
            {
                "key": "book_repickup",
                "title": "Book a priority re-pickup",
                "help": (
                    "Book the earliest slot that still makes the ship-by date and add any access instructions. If no "
                    "slot makes it, extend the ship-by date by 24 hours and note why."
                ),
            },
            {
                "key": "protect_metric",
                "title": "Flag the order if the carrier missed the pickup",
                "help": (
                    "Only when the carrier portal shows the miss was on the carrier side (no visit, or a visit "
                    "outside the slot): set the late-shipment exemption flag on the order."
                ),
            },
            {
                "key": "tell_seller",
                "title": "Give the seller the new slot and confirmation",
                "help": (
                    "Include the new PU- confirmation, the time window and what to do if there is no pickup scan 30 "
                    "minutes after the window closes."
                ),
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {"name": "ship_by", "label": "Ship-by date", "type": "date", "required": True},
            {
                "name": "carrier",
                "label": "Carrier",
                "type": "choice",
                "required": True,
                "choices": [
                    "Nimbus Shipping",
                    "UPS",
                    "DHL",
                    "Correos",
                    "Estafeta",
                    "Royal Mail",
                    "Canada Post",
                    "SF Express",
                ],
            },
            {
                "name": "pickup_confirmation",
                "label": "Pickup confirmation",
                "type": "text",
                "required": True,
                "max_length": 20,
                "help": "e.g. PU-5530917",
            },
            {
                "name": "pickup_slot",
                "label": "Booked pickup slot",
                "type": "text",
                "required": True,
                "help": "e.g. 14:00-18:00",
            },
            {
                "name": "carrier_reason",
                "label": "Reason recorded by the carrier",
                "type": "choice",
                "required": True,
                "choices": [
                    "No driver visit recorded",
                    "No access",
                    "Business closed",
                    "Package not ready",
                    "Other / unknown",
                ],
            },
            {"name": "tracking_id", "label": "Tracking id", "type": "text", "required": False},
            {"name": "seller_tried", "label": "What the seller already tried", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "order_fulfillment",
        "subtype": "delivered_not_received",
        "name": "Tracking shows delivered, buyer says not received",
        "summary": (
            "The carrier scanned the parcel as delivered but the buyer reports they never got it. A good outcome is "
            "a carrier investigation opened with proof of delivery, and the seller protected from the guarantee "
            "claim when the delivery evidence is solid."
        ),
        "resolution_capability": "open_investigation",
        "steps": [
            {
                "key": "check_delivery_scan",
                "title": "Read the delivery scan and proof of delivery",
                "help": (
                    "In the carrier portal note the delivery date and time, and what proof exists: signature, "
                    "doorstep photo, or GPS only. Check the GPS point against the address."
                ),
            },
            {
                "key": "check_address",
                "title": "Compare the shipping label with the order address",
                "help": (
                    "The label must match the order address exactly (street number, unit, postcode). A seller-side "
                    "address error means the seller is not protected."
                ),
            },
            {
                "key": "check_claim",
                "title": "Check for an open guarantee claim and its deadline",
                "help": (
                    "If the buyer opened a claim, note the seller's response deadline (3 calendar days). Orders over "
                    "500 USD (or equivalent) need signature confirmation for seller protection."
                ),
            },
            {
                "key": "check_window",
                "title": "Confirm the 45-day investigation window",
                "help": "Carrier investigations can only be opened within 45 days of the delivery scan.",
            },
            {
                "key": "open_investigation",
                "title": "Open the carrier investigation",
                "help": (
                    "Attach the tracking id, delivery scan, proof of delivery and the buyer's statement. Split "
                    "shipments: list every tracking id on the order."
                ),
            },
            {
                "key": "advise_seller",
                "title": "Tell the seller what to do meanwhile",
                "help": (
                    "Ask them not to refund or reship before the carrier answers (usually 5-8 business days), unless "
                    "the claim deadline forces a decision; then explain the options."
                ),
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {
                "name": "carrier",
                "label": "Carrier",
                "type": "choice",
                "required": True,
                "choices": [
                    "Nimbus Shipping",
                    "UPS",
                    "DHL",
                    "Correos",
                    "Estafeta",
                    "Royal Mail",
                    "Canada Post",
                    "SF Express",
                ],
            },
            {"name": "tracking_id", "label": "Tracking id", "type": "text", "required": True},
            {"name": "delivered_at", "label": "Delivery scan (date and time)", "type": "datetime", "required": True},
            {
                "name": "proof_of_delivery",
                "label": "Proof of delivery available",
                "type": "choice",
                "required": True,
                "choices": ["Signature", "Doorstep photo", "GPS scan only", "None"],
            },
            {"name": "address_matches", "label": "Label address matches the order", "type": "yes_no", "required": True},
            {"name": "claim_open", "label": "Buyer has an open guarantee claim", "type": "yes_no", "required": True},
            {
                "name": "claim_deadline",
                "label": "Seller's claim response deadline",
                "type": "date",
                "required": False,
                "help": "Only if a claim is open.",
            },
        ],
    },
    {
        "category": "order_fulfillment",
        "subtype": "late_shipment_metric",
        "name": "Late shipment counted against the seller",
        "summary": (
            "The seller disputes orders counted as late in the late shipment rate (target under 4%). A good outcome "
            "is an exclusion request for the orders where the delay was not the seller's fault, and a clear "
            "explanation for the ones that stay."
        ),
        "resolution_capability": "open_investigation",
        "steps": [
            {
                "key": "list_orders",
                "title": "Get the list of disputed orders",
                "help": "Ask for the order ids if the seller did not give them; do not work from 'all of them'.",
            },
            {
                "key": "compare_dates",
                "title": "Compare ship-by, confirmation and first scan for each order",
                "help": (
                    "An order is late when shipment is confirmed after the ship-by date. Note the confirmation time "
                    "and the first carrier scan for each order."
                ),
            },
            {
                "key": "find_cause",
                "title": "Find evidence that the carrier or the marketplace caused the delay",
                "help": (
                    "Eligible: missed pickup on record, carrier strike or service notice for the seller's area, "
                    "portal outage on our status page. Not eligible: confirmed late because the seller forgot, even "
                    "if the drop-off scan was on time; note those separately."
                ),
            },
            {
                "key": "check_rate",
                "title": "Recalculate the rate without the eligible orders",
                "help": (
                    "Use the metric window shown on Account Health (10 and 30 days) and note the rate before and after."
                ),
            },
            {
                "key": "request_exclusion",
                "title": "Request the exclusion for the eligible orders",
                "help": "Attach the evidence per order. Exclusions take 3-5 business days.",
            },
            {
                "key": "tell_seller",
                "title": "Explain which orders qualify and which do not",
                "help": (
                    "For orders that do not qualify, say why in one line each, and suggest confirming shipment when "
                    "the parcel is handed over, not at the end of the day."
                ),
            },
        ],
        "fields": [
            {
                "name": "order_ids",
                "label": "Disputed order ids",
                "type": "textarea",
                "required": True,
                "help": "One per line, 112-1234567-1234567",
            },
            {
                "name": "late_orders_in_window",
                "label": "Late orders in the metric window",
                "type": "number",
                "required": True,
            },
            {
                "name": "orders_in_window",
                "label": "Total orders in the metric window",
                "type": "number",
                "required": True,
            },
            {"name": "current_rate", "label": "Current late shipment rate (%)", "type": "number", "required": True},
            {
                "name": "carrier",
                "label": "Carrier",
                "type": "choice",
                "required": False,
                "choices": [
                    "Nimbus Shipping",
                    "UPS",
                    "DHL",
                    "Correos",
                    "Estafeta",
                    "Royal Mail",
                    "Canada Post",
                    "SF Express",
                ],
            },
            {
                "name": "cause",
                "label": "Cause of the delay",
                "type": "choice",
                "required": True,
                "choices": [
                    "Missed carrier pickup",
                    "Carrier strike or service disruption",
                    "Marketplace outage",
                    "Seller confirmed late",
                    "Mixed / unclear",
                ],
            },
            {
                "name": "evidence",
                "label": "Evidence per order",
                "type": "textarea",
                "required": True,
                "help": "Pickup confirmations, carrier notices, status page incident ids.",
            },
            {"name": "eligible_count", "label": "Orders eligible for exclusion", "type": "number", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Returns and refunds
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "returns_refunds",
        "subtype": "",
        "name": "Returns and refunds: general",
        "summary": (
            "Questions about a buyer return or a refund: late returns, used or wrong items, partial refunds, return "
            "policy. A good outcome is the seller knowing what they can do under the return policy, with any claim "
            "filed inside its window."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_return",
                "title": "Open the order and its return request",
                "help": (
                    "Note the return id, return reason chosen by the buyer, return status and refund amount, if any."
                ),
            },
            {
                "key": "check_policy",
                "title": "Check the return against the policy",
                "help": (
                    "Standard window is 30 days from delivery (extended holiday window applies to orders delivered 1 "
                    "Nov-31 Dec). Seller must answer a return request within 48 hours."
                ),
            },
            {
                "key": "check_refund",
                "title": "Check how and when the refund was made",
                "help": (
                    "Auto-refund on first carrier scan of the return label, seller-issued, or via a guarantee claim. "
                    "Note the amount and whether shipping was included."
                ),
            },
            {
                "key": "check_condition",
                "title": "Ask about the item's condition if it matters",
                "help": (
                    "For used, damaged or wrong items returned, the seller may deduct up to 50% (partial refund) "
                    "with photos taken on receipt, within 2 business days of receiving the return."
                ),
            },
            {
                "key": "answer_seller",
                "title": "Answer, or switch to the empty-box or refund-without-return playbook",
                "help": "Those two need evidence collected in a specific way.",
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {"name": "return_id", "label": "Return id", "type": "text", "required": False, "max_length": 30},
            {
                "name": "return_reason",
                "label": "Return reason given by the buyer",
                "type": "choice",
                "required": True,
                "choices": [
                    "No longer needed",
                    "Defective / does not work",
                    "Not as described",
                    "Wrong item sent",
                    "Arrived damaged",
                    "Other",
                ],
            },
            {
                "name": "return_status",
                "label": "Return status",
                "type": "choice",
                "required": True,
                "choices": ["Requested", "Authorised", "In transit", "Delivered to seller", "Closed"],
            },
            {"name": "refund_amount", "label": "Refund amount", "type": "money", "required": False},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": False,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {"name": "seller_question", "label": "What the seller is asking for", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "returns_refunds",
        "subtype": "empty_box_return",
        "name": "Buyer returned an empty box or a different item",
        "summary": (
            "The return arrived empty, or with a different, cheaper or used item. A good outcome is a return-abuse "
            "claim filed with the evidence the buyer-abuse team needs, inside the 45-day window, so the seller is "
            "reimbursed for the refund."
        ),
        "resolution_capability": "issue_reimbursement",
        "steps": [
            {
                "key": "check_return_tracking",
                "title": "Confirm the return was delivered to the seller",
                "help": "Note the return tracking id and the delivery date of the return at the seller's address.",
            },
            {
                "key": "check_window",
                "title": "Check the 45-day claim window",
                "help": (
                    "The claim must be filed within 45 days of the return's delivery date. Past that, tell the "
                    "seller plainly."
                ),
            },
            {
                "key": "compare_weights",
                "title": "Compare outbound and return weights",
                "help": (
                    "Read the weight on the seller's outbound label and the carrier weight at the return's first "
                    "scan. A big gap supports the claim; write both down."
                ),
            },
            {
                "key": "collect_evidence",
                "title": "Ask for the evidence",
                "help": (
                    "Uncut unboxing video with the return label and tracking visible before opening; photos of the "
                    "outer box, the label and the contents; a photo on a scale if possible; for wrong items, serial "
                    "number or model photos. Uploads through Attach, up to 500 MB."
                ),
            },
            {
                "key": "file_claim",
                "title": "File the return-abuse claim",
                "help": "Include both weights, the evidence list and the refund amount. Note the RTA- reference.",
            },
            {
                "key": "tell_seller",
                "title": "Tell the seller the reference and timing",
                "help": (
                    "Decision normally within 5 business days; the reimbursement arrives in the next disbursement. "
                    "We never tell sellers what action is taken on a buyer account."
                ),
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {"name": "return_tracking_id", "label": "Return tracking id", "type": "text", "required": True},
            {"name": "return_delivered_on", "label": "Return delivered to seller on", "type": "date", "required": True},
            {"name": "outbound_weight_kg", "label": "Outbound weight (kg)", "type": "number", "required": True},
            {
                "name": "return_weight_kg",
                "label": "Return weight at first scan (kg)",
                "type": "number",
                "required": False,
            },
            {"name": "refund_amount", "label": "Amount refunded to the buyer", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "evidence_received",
                "label": "Evidence received",
                "type": "textarea",
                "required": True,
                "help": "e.g. '3-min video, label visible at 0:12; 4 photos; scale photo 0.4 kg'",
            },
        ],
    },
    {
        "category": "returns_refunds",
        "subtype": "refund_without_return",
        "name": "Buyer refunded but the item never came back",
        "summary": (
            "The buyer got a refund (usually an auto-refund on the return label's first scan) and the item never "
            "reached the seller or the fulfilment centre. A good outcome is a reimbursement once 45 days have passed "
            "since the refund with no return received, or a clear date when it becomes eligible."
        ),
        "resolution_capability": "issue_reimbursement",
        "steps": [
            {
                "key": "check_refund",
                "title": "Find the refund date, amount and trigger",
                "help": "Auto-refund on first return scan, seller-issued, guarantee claim, or returnless refund rule.",
            },
            {
                "key": "check_returnless",
                "title": "Rule out a returnless refund",
                "help": (
                    "If the seller's returnless-refund rule covers this SKU or price, the buyer was allowed to keep "
                    "the item and nothing is owed. Show the seller where the rule is set."
                ),
            },
            {
                "key": "check_return_tracking",
                "title": "Check the return tracking and, for Fulfilled by Nimbus, the inventory ledger",
                "help": (
                    "Look for a delivery scan at the seller's address or a customer-return receipt at the fulfilment "
                    "centre for the same order."
                ),
            },
            {
                "key": "check_45_days",
                "title": "Check that 45 days have passed since the refund",
                "help": (
                    "Before day 45, tell the seller the exact date it becomes eligible. After day 45 with no "
                    "receipt, the refunded item is reimbursed (item price, without shipping)."
                ),
            },
            {
                "key": "check_duplicates",
                "title": "Check for an existing reimbursement",
                "help": "Search the order in reimbursements; never raise a second RMB- for the same unit.",
            },
            {
                "key": "reimburse",
                "title": "Raise the reimbursement and tell the seller",
                "help": (
                    "Give the RMB- reference and when it appears in the disbursement. If the return turns up later, "
                    "the unit is added back and the reimbursement reversed; say so."
                ),
            },
        ],
        "fields": [
            {
                "name": "order_id",
                "label": "Order id",
                "type": "order_id",
                "required": True,
                "help": "112-1234567-1234567",
            },
            {"name": "refund_date", "label": "Refund date", "type": "date", "required": True},
            {"name": "refund_amount", "label": "Refund amount", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "refund_trigger",
                "label": "What triggered the refund",
                "type": "choice",
                "required": True,
                "choices": ["Auto-refund on return scan", "Seller-issued", "Guarantee claim", "Returnless refund rule"],
            },
            {"name": "return_tracking_id", "label": "Return tracking id", "type": "text", "required": False},
            {
                "name": "return_tracking_status",
                "label": "Return tracking status",
                "type": "choice",
                "required": True,
                "choices": [
                    "No scan",
                    "In transit / stalled",
                    "Delivered to another address",
                    "Delivered to seller or centre",
                ],
            },
            {
                "name": "existing_reimbursement",
                "label": "Existing reimbursement reference",
                "type": "text",
                "required": False,
                "help": "RMB-123456, if one exists",
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Reimbursement
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "reimbursement",
        "subtype": "",
        "name": "Reimbursement: general",
        "summary": (
            "The seller thinks they are owed money for Fulfilled by Nimbus inventory or a fee: a missing "
            "reimbursement, a wrong amount, or an unclear adjustment. A good outcome is each event either matched to "
            "an existing RMB- reference or raised as a new claim inside its window."
        ),
        "resolution_capability": "open_investigation",
        "steps": [
            {
                "key": "identify_events",
                "title": "Identify the events the seller means",
                "help": (
                    "Get the listing or SKU, dates and units. Lost, damaged, customer return not received, or fee "
                    "overcharge."
                ),
            },
            {
                "key": "read_ledger",
                "title": "Read the inventory ledger for those units",
                "help": (
                    "Match each adjustment (misplaced, damaged, found, disposed) and note any later 'found' entries "
                    "that cancel a loss."
                ),
            },
            {
                "key": "match_reimbursements",
                "title": "Match the events to existing reimbursements",
                "help": (
                    "Search the Reimbursements report by SKU and date; list the RMB- references that already cover "
                    "units."
                ),
            },
            {
                "key": "check_windows",
                "title": "Check each open event against its claim window",
                "help": "Claims are accepted within 45 days of the event becoming eligible; note anything outside it.",
            },
            {
                "key": "explain_amount",
                "title": "Explain amounts the seller disputes",
                "help": (
                    "Value = average sale price over the last 90 days minus the fees we would have charged. With no "
                    "sales in 90 days a category estimate is used; a supplier invoice raises it to at least the "
                    "documented unit cost."
                ),
            },
            {
                "key": "route",
                "title": "Use the lost or damaged playbook, or open an investigation",
                "help": "Fee overcharges and mixed cases go to Payments specialists with the ledger lines attached.",
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": False,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": True},
            {
                "name": "claim_type",
                "label": "Claim type",
                "type": "choice",
                "required": True,
                "choices": [
                    "Lost in warehouse",
                    "Damaged in warehouse",
                    "Customer return not received",
                    "Fee overcharge",
                    "Reimbursement amount dispute",
                ],
            },
            {"name": "event_date", "label": "Date of the event", "type": "date", "required": True},
            {"name": "units", "label": "Units concerned", "type": "number", "required": True},
            {
                "name": "existing_reimbursements",
                "label": "Existing reimbursement references",
                "type": "text",
                "required": False,
                "help": "RMB-123456, comma-separated",
            },
            {"name": "seller_evidence", "label": "Evidence from the seller", "type": "textarea", "required": False},
        ],
    },
    {
        "category": "reimbursement",
        "subtype": "lost_in_warehouse",
        "name": "Units lost or misplaced in a fulfilment centre",
        "summary": (
            "The ledger shows units misplaced or lost after check-in and the seller was not paid. A good outcome is "
            "a reimbursement for the units still missing after the 30-day search, or the date when they become "
            "eligible."
        ),
        "resolution_capability": "issue_reimbursement",
        "steps": [
            {
                "key": "read_ledger",
                "title": "Find the 'Misplaced' / 'Lost' adjustments in the ledger",
                "help": "Note the fulfilment centre, date and units of each adjustment for the SKU.",
            },
            {
                "key": "check_found",
                "title": "Check for later 'Found' adjustments",
                "help": "Net the found units against the lost ones; only the net loss is owed.",
            },
            {
                "key": "check_search_period",
                "title": "Check the 30-day search period and the 45-day claim window",
                "help": (
                    "Units are searched for 30 days before they are eligible. After that the seller has 45 days to "
                    "claim. Before day 30, tell the seller the eligibility date."
                ),
            },
            {
                "key": "check_duplicates",
                "title": "Check for existing reimbursements",
                "help": "Search the Reimbursements report for the SKU and dates; automatic reimbursements are common.",
            },
            {
                "key": "calculate_value",
                "title": "Calculate the value per unit",
                "help": (
                    "Average sale price over the last 90 days minus referral and fulfilment fees. With no sales, use "
                    "the category estimate unless the seller sends a supplier invoice."
                ),
            },
            {
                "key": "reimburse",
                "title": "Raise the reimbursement and explain the amount",
                "help": (
                    "Give the RMB- reference, units, value per unit and the disbursement it lands in. Offer a "
                    "physical recount only if the seller prefers the units back (10-14 days)."
                ),
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": True},
            {
                "name": "fulfilment_centre",
                "label": "Fulfilment centre code",
                "type": "text",
                "required": True,
                "max_length": 8,
            },
            {
                "name": "lost_adjustment_date",
                "label": "Date of the lost / misplaced adjustment",
                "type": "date",
                "required": True,
            },
            {"name": "units_lost", "label": "Net units lost (after found)", "type": "number", "required": True},
            {"name": "unit_value", "label": "Reimbursement value per unit", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "inbound_shipment_id",
                "label": "Inbound shipment id",
                "type": "text",
                "required": False,
                "help": "FBN1234ABCD, if the loss is tied to one shipment",
            },
        ],
    },
    {
        "category": "reimbursement",
        "subtype": "damaged_in_warehouse",
        "name": "Units damaged in a fulfilment centre",
        "summary": (
            "Units were marked damaged while in Nimbus's care and the seller was not paid, or was paid too little. A "
            "good outcome is a reimbursement for warehouse-damaged units at the right value, or a clear reason when "
            "the damage code is not reimbursable."
        ),
        "resolution_capability": "issue_reimbursement",
        "steps": [
            {
                "key": "read_reason_code",
                "title": "Read the damage reason code in the ledger",
                "help": (
                    "Warehouse damaged and carrier damaged on inbound to us are reimbursable. Customer damaged, "
                    "defective and expired are not."
                ),
            },
            {
                "key": "check_disposition",
                "title": "Check where the damaged units are now",
                "help": (
                    "Unsellable inventory, disposed, or already in a removal order. Units returned to the seller are "
                    "not reimbursed."
                ),
            },
            {
                "key": "check_window",
                "title": "Check the 45-day claim window",
                "help": "Claims must be filed within 45 days of the damage adjustment.",
            },
            {
                "key": "check_duplicates",
                "title": "Check for existing reimbursements",
                "help": "Search by SKU and date; if the seller disputes the amount, note the existing RMB- reference.",
            },
            {
                "key": "value_units",
                "title": "Value the units",
                "help": (
                    "Average sale price over 90 days minus fees; with no sales, the category estimate. A supplier "
                    "invoice (SKU, quantity, unit price, date visible) sets a floor at the unit cost."
                ),
            },
            {
                "key": "reimburse",
                "title": "Reimburse, or explain and offer a removal",
                "help": (
                    "For non-reimbursable codes, tell the seller they can create a removal order for the unsellable "
                    "units."
                ),
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": True},
            {
                "name": "damage_reason",
                "label": "Damage reason code",
                "type": "choice",
                "required": True,
                "choices": [
                    "Warehouse damaged",
                    "Carrier damaged (inbound)",
                    "Customer damaged",
                    "Defective",
                    "Expired",
                ],
            },
            {"name": "adjustment_date", "label": "Damage adjustment date", "type": "date", "required": True},
            {"name": "units", "label": "Units damaged", "type": "number", "required": True},
            {"name": "unit_value", "label": "Value per unit", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "existing_reimbursement",
                "label": "Existing reimbursement reference",
                "type": "text",
                "required": False,
                "help": "RMB-123456",
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Payments
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "payments",
        "subtype": "",
        "name": "Payments: general",
        "summary": (
            "Questions about disbursements, balances, reserves, failed payouts or tax withholdings. A good outcome "
            "is the seller understanding exactly which amounts make up their payout and when the next transfer "
            "arrives."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_statement",
                "title": "Open the settlement statement for the period",
                "help": "Note the period, the total, and the lines for reserve, withholdings and negative balances.",
            },
            {
                "key": "check_transfer",
                "title": "Check the transfer status",
                "help": (
                    "Initiated, failed - returned by bank, or on hold. ACH takes 1-2 business days, SEPA 1 business "
                    "day, SPEI same day; do not promise faster."
                ),
            },
            {
                "key": "check_bank_account",
                "title": "Check the bank account on file",
                "help": (
                    "Verified status, holder name matches the legal entity, and whether it changed in the last 30 "
                    "days (a change triggers a verification hold)."
                ),
            },
            {
                "key": "check_withholding",
                "title": "Check reserves and tax withholdings",
                "help": (
                    "Delivery-date reserve, account-level reserve, and country withholdings (e.g. ISR/IVA in Mexico)."
                ),
            },
            {
                "key": "answer_seller",
                "title": "Explain the amount line by line",
                "help": "Use the seller's currency and the statement's line names so they can find them.",
            },
        ],
        "fields": [
            {
                "name": "settlement_period",
                "label": "Settlement period",
                "type": "text",
                "required": True,
                "help": "e.g. 1-14 May",
            },
            {"name": "expected_amount", "label": "Amount the seller expected", "type": "money", "required": False},
            {"name": "disbursed_amount", "label": "Amount disbursed", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "transfer_status",
                "label": "Transfer status",
                "type": "choice",
                "required": True,
                "choices": ["Scheduled", "Initiated", "Failed - returned by bank", "On hold", "Not yet due"],
            },
            {
                "name": "bank_last4",
                "label": "Bank account, last 4 digits",
                "type": "text",
                "required": False,
                "max_length": 4,
            },
            {"name": "seller_question", "label": "What the seller is asking", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "payments",
        "subtype": "disbursement_held",
        "name": "Disbursement on hold",
        "summary": (
            "A scheduled disbursement shows 'On hold'. A good outcome is the hold reason identified, the missing "
            "verification collected and the funds released, or a clear date and condition for release."
        ),
        "resolution_capability": "release_funds",
        "steps": [
            {
                "key": "read_hold_reason",
                "title": "Read the hold reason on the payments dashboard",
                "help": (
                    "Bank account change verification, identity verification pending, account under review, or a "
                    "reserve. The seller often has no email about it."
                ),
            },
            {
                "key": "check_bank_change",
                "title": "Check for bank account changes in the last 30 days",
                "help": (
                    "Note who made the change, from which device and IP, and whether that device has been used on "
                    "the account before."
                ),
            },
            {
                "key": "check_account_review",
                "title": "Rule out a fraud or policy review",
                "help": (
                    "If the account is under account-integrity or policy review, do not release and do not discuss "
                    "the review's details; transfer to Payments specialists."
                ),
            },
            {
                "key": "collect_documents",
                "title": "Collect what verification needs",
                "help": (
                    "Name of the person who made the change, and a bank statement or bank letter dated within 90 "
                    "days showing the legal entity name and the account number."
                ),
            },
            {
                "key": "verify_documents",
                "title": "Check the documents match the account",
                "help": (
                    "Holder name must match the legal entity name exactly; account number must match the one on file."
                ),
            },
            {
                "key": "release_or_explain",
                "title": "Release, or tell the seller what is still missing",
                "help": "Give the release time and bank transfer times (ACH 1-2 business days, SEPA 1).",
            },
        ],
        "fields": [
            {
                "name": "hold_reason",
                "label": "Hold reason",
                "type": "choice",
                "required": True,
                "choices": [
                    "Bank account change verification",
                    "Identity verification pending",
                    "Account under review",
                    "Account-level reserve",
                    "Other",
                ],
            },
            {"name": "held_amount", "label": "Amount on hold", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {"name": "held_since", "label": "On hold since", "type": "date", "required": True},
            {
                "name": "bank_changed_recently",
                "label": "Bank account changed in the last 30 days",
                "type": "yes_no",
                "required": True,
            },
            {"name": "known_device", "label": "Change made from a known device", "type": "yes_no", "required": False},
            {
                "name": "documents_match",
                "label": "Documents match the legal entity and account",
                "type": "yes_no",
                "required": True,
            },
            {"name": "documents_received", "label": "Documents received", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "payments",
        "subtype": "vat_invoice",
        "name": "VAT invoice for marketplace fees missing or wrong",
        "summary": (
            "The seller needs VAT-compliant invoices for Mercado Nimbus fees, or an invoice shows the wrong VAT "
            "treatment or company details. A good outcome is the seller pointed to the right invoices and a "
            "correction (credit note plus new invoice) requested where one is due."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "identify_document",
                "title": "Find out which document the seller needs",
                "help": (
                    "Seller fee invoices (monthly, under Reports > Tax documents > Seller fee invoices), advertising "
                    "invoices, or an invoice to a buyer for an order; the monthly summary PDF in Payments is not a "
                    "VAT invoice."
                ),
            },
            {
                "key": "check_vat_number",
                "title": "Check the VAT number on the account",
                "help": (
                    "Note when it was added and whether it validates (VIES for EU, HMRC for UK). Invoices issued "
                    "before it was added include VAT; later ones are reverse charge."
                ),
            },
            {
                "key": "check_entity",
                "title": "Check the legal name and address on the invoice",
                "help": (
                    "They must match the account's legal entity; a mismatch needs the business details updated first."
                ),
            },
            {
                "key": "request_correction",
                "title": "Request a correction where it is due",
                "help": (
                    "Corrections are a credit note cancelling the original plus a new invoice, within 5 business "
                    "days; the VAT difference is credited to the next disbursement. Only for invoices from the last "
                    "12 months."
                ),
            },
            {
                "key": "answer_seller",
                "title": "Tell the seller where to find each document",
                "help": (
                    "Give menu paths and the months affected. We do not give tax advice; suggest they confirm "
                    "booking with their advisor."
                ),
            },
        ],
        "fields": [
            {
                "name": "invoice_type",
                "label": "Document needed",
                "type": "choice",
                "required": True,
                "choices": [
                    "Seller fee invoice",
                    "Advertising invoice",
                    "Fulfilment fee invoice",
                    "Invoice to a buyer for an order",
                ],
            },
            {
                "name": "periods",
                "label": "Months concerned",
                "type": "text",
                "required": True,
                "help": "e.g. 2024-01 to 2024-03",
            },
            {"name": "vat_number", "label": "VAT number", "type": "text", "required": False, "max_length": 20},
            {"name": "vat_number_valid", "label": "VAT number validates", "type": "yes_no", "required": True},
            {
                "name": "vat_number_added_on",
                "label": "VAT number added to the account on",
                "type": "date",
                "required": False,
            },
            {
                "name": "country",
                "label": "Seller's VAT country",
                "type": "choice",
                "required": True,
                "choices": ["Spain", "Germany", "France", "Italy", "United Kingdom", "Other EU", "Outside EU/UK"],
            },
            {"name": "order_id", "label": "Order id (buyer invoice only)", "type": "order_id", "required": False},
            {"name": "correction_needed", "label": "What must be corrected", "type": "textarea", "required": False},
        ],
    },
]

# ---------------------------------------------------------------------------
# Listing
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "listing",
        "subtype": "",
        "name": "Listing: general",
        "summary": (
            "Problems creating or editing a listing: changes not showing, another seller editing a brand's page, "
            "wrong category, price or image issues. A good outcome is the listing showing the seller's correct data, "
            "or the case with the catalogue team with the evidence attached."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_listing",
                "title": "Open the listing and its status",
                "help": (
                    "Note status (active, inactive, suppressed, blocked), product type and the seller's offer on it."
                ),
            },
            {
                "key": "check_history",
                "title": "Read the listing's change history",
                "help": (
                    "Which contribution won for the title, images and attributes, from which seller or feed, and when."
                ),
            },
            {
                "key": "check_feed",
                "title": "Check the seller's latest feed or edit for the SKU",
                "help": "Look for processing errors or warnings on the SKU; edits can take up to 15 minutes to show.",
            },
            {
                "key": "check_brand",
                "title": "Check brand ownership if the seller says others changed their page",
                "help": (
                    "Only the registered brand owner's contributions take precedence; ask for the brand registry id."
                ),
            },
            {
                "key": "answer_or_route",
                "title": "Answer, or use the suppressed or variation playbook",
                "help": "Catalogue data conflicts go to Tier 2 with the history lines attached.",
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": False},
            {
                "name": "listing_status",
                "label": "Listing status",
                "type": "choice",
                "required": True,
                "choices": ["Active", "Inactive", "Suppressed", "Blocked", "Deleted"],
            },
            {
                "name": "attribute_affected",
                "label": "Attributes affected",
                "type": "text",
                "required": True,
                "help": "e.g. title, main image, size",
            },
            {
                "name": "recent_changes",
                "label": "Recent changes found in the history",
                "type": "textarea",
                "required": False,
            },
            {"name": "issue_summary", "label": "Problem in the seller's words", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "listing",
        "subtype": "listing_suppressed",
        "name": "Listing suppressed from search",
        "summary": (
            "A listing is suppressed for a data-quality reason (missing attribute, main image, title, potential "
            "pricing error). A good outcome is the seller's fix verified and the listing live again, or a precise "
            "list of what is still missing."
        ),
        "resolution_capability": "reinstate_listing",
        "steps": [
            {
                "key": "read_reason",
                "title": "Read the suppression reason in listing quality",
                "help": "Note the exact reason and the attribute named, and when the listing was suppressed.",
            },
            {
                "key": "rule_out_policy",
                "title": "Separate data quality from a policy block",
                "help": (
                    "Safety, restricted product or IP removals are not suppressions; use the policy compliance "
                    "playbooks for those."
                ),
            },
            {
                "key": "check_fix",
                "title": "Check the seller's fix reached the listing",
                "help": (
                    "Main image: pure white background, product fills 85% of the frame, no text. Title under 200 "
                    "characters. Required attributes for the product type all filled."
                ),
            },
            {
                "key": "check_price",
                "title": "For pricing errors, compare with the reference price",
                "help": (
                    "Ask for the manufacturer's list price or a competitor link if the price is over the reference; "
                    "a deliberate low price for a sale needs the promotion's dates."
                ),
            },
            {
                "key": "reinstate",
                "title": "Reinstate when the fix is valid",
                "help": "Allow 15 minutes after the fix for reprocessing before reinstating by hand.",
            },
            {
                "key": "tell_seller",
                "title": "Confirm to the seller, or list exactly what is missing",
                "help": "Search can take up to an hour to show a reinstated listing everywhere.",
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": True},
            {
                "name": "suppression_reason",
                "label": "Suppression reason",
                "type": "choice",
                "required": True,
                "choices": [
                    "Missing required attributes",
                    "Main image not compliant",
                    "Title too long or invalid characters",
                    "Potential pricing error",
                    "Missing product identifier (GTIN)",
                    "Other",
                ],
            },
            {"name": "suppressed_since", "label": "Suppressed since", "type": "datetime", "required": True},
            {"name": "fix_applied", "label": "Fix the seller applied", "type": "textarea", "required": True},
            {"name": "fix_verified", "label": "Fix visible on the listing", "type": "yes_no", "required": True},
            {
                "name": "price_evidence",
                "label": "Price evidence",
                "type": "text",
                "required": False,
                "help": "Only for pricing errors: list price source or promotion dates",
            },
        ],
    },
    {
        "category": "listing",
        "subtype": "variation_broken",
        "name": "Variation family broken or split",
        "summary": (
            "Children of a variation family show as separate listings, are missing from the family, or sit under the "
            "wrong theme, often after a flat-file upload. A good outcome is the family rebuilt from a corrected "
            "relationship file, or sent to the catalogue team when the seller's data is already correct."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "map_family",
                "title": "Map the family as it is now",
                "help": (
                    "Open the parent; list which children are attached, which are missing, and the variation theme."
                ),
            },
            {
                "key": "find_trigger",
                "title": "Find the upload that changed it",
                "help": (
                    "Check the seller's feeds from the day it broke. Price-only or partial uploads using 'Update' "
                    "instead of 'PartialUpdate' clear parent_sku and relationship_type."
                ),
            },
            {
                "key": "check_child_data",
                "title": "Check each child has the theme attributes",
                "help": (
                    "Every child needs parent_sku, relationship_type = Variation and a value for each theme "
                    "attribute (e.g. size and colour)."
                ),
            },
            {
                "key": "guide_fix",
                "title": "Guide the seller through a relationship-only file",
                "help": (
                    "Only sku, parent_sku, relationship_type, variation_theme and the theme attributes, with "
                    "update_delete = PartialUpdate."
                ),
            },
            {
                "key": "verify_or_route",
                "title": "Verify the result, or transfer to the catalogue team",
                "help": (
                    "If the file processes cleanly and the family is still split after 24 hours, transfer with both "
                    "feed ids."
                ),
            },
        ],
        "fields": [
            {
                "name": "parent_listing_id",
                "label": "Parent listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {
                "name": "child_listing_ids",
                "label": "Affected child listing ids",
                "type": "textarea",
                "required": True,
                "help": "One per line",
            },
            {
                "name": "variation_theme",
                "label": "Variation theme",
                "type": "choice",
                "required": True,
                "choices": ["Size", "Color", "SizeColor", "Style", "Pattern", "Other"],
            },
            {
                "name": "symptom",
                "label": "Symptom",
                "type": "choice",
                "required": True,
                "choices": [
                    "Children shown as separate listings",
                    "Child missing from the family",
                    "Wrong variation theme",
                    "Child attached to the wrong parent",
                    "Reviews not shared across the family",
                ],
            },
            {"name": "broke_on", "label": "Date it broke", "type": "date", "required": False},
            {
                "name": "feed_ids",
                "label": "Feed ids involved",
                "type": "text",
                "required": False,
                "help": "The upload that broke it and the fix",
            },
            {"name": "seller_tried", "label": "What the seller already tried", "type": "textarea", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Policy compliance
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "policy_compliance",
        "subtype": "",
        "name": "Policy compliance: general",
        "summary": (
            "A listing or the account received a policy notice (restricted product, dangerous goods, review "
            "manipulation, product safety documents). A good outcome is the seller knowing exactly which rule "
            "applies and which documents or changes will resolve it."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "read_notice",
                "title": "Read the policy notice",
                "help": "Note the notice id, the policy named, the listings affected and the action taken.",
            },
            {
                "key": "identify_requirement",
                "title": "Identify what the policy requires",
                "help": (
                    "e.g. safety data sheet for dangerous goods, children's product certificate and test report, "
                    "registration number for pesticides. Check the country the listing sells in."
                ),
            },
            {
                "key": "check_false_positive",
                "title": "Check whether an automated detector made the call",
                "help": (
                    "If the product clearly is not in the restricted class, use the detector false positive playbook."
                ),
            },
            {
                "key": "check_documents",
                "title": "Check any documents the seller already sent",
                "help": (
                    "Right product, right seller or manufacturer name, in date, legible, and from an accredited lab "
                    "where required."
                ),
            },
            {
                "key": "answer_or_transfer",
                "title": "Tell the seller what to send, or transfer complete submissions",
                "help": "Transfer to Seller performance only when everything the policy asks for is attached.",
            },
        ],
        "fields": [
            {"name": "notice_id", "label": "Notice id", "type": "text", "required": True},
            {"name": "policy_name", "label": "Policy named in the notice", "type": "text", "required": True},
            {
                "name": "listing_ids",
                "label": "Affected listing ids",
                "type": "textarea",
                "required": True,
                "help": "One per line",
            },
            {
                "name": "action_taken",
                "label": "Action taken",
                "type": "choice",
                "required": True,
                "choices": ["Warning only", "Listing removed", "Listing blocked pending documents", "Account at risk"],
            },
            {
                "name": "documents_required",
                "label": "Documents the policy requires",
                "type": "textarea",
                "required": True,
            },
            {"name": "documents_received", "label": "Documents received", "type": "textarea", "required": False},
        ],
    },
    {
        "category": "policy_compliance",
        "subtype": "detector_false_positive",
        "name": "Listing removed by an automated detector in error",
        "summary": (
            "An automated detector removed a listing that does not belong to the restricted class: cosmetic sheet "
            "masks flagged as PPE, first-aid kits flagged as pesticides, scented candles as hazmat. A good outcome "
            "is the listing reinstated after manual review and the account noted so the same products get human "
            "review next time."
        ),
        "resolution_capability": "reinstate_listing",
        "steps": [
            {
                "key": "read_flag",
                "title": "Read the detector flag and its trigger",
                "help": (
                    "Note the detector (PPE, pesticide, medical device, hazmat) and the words or attributes that "
                    "triggered it."
                ),
            },
            {
                "key": "compare_product",
                "title": "Compare the trigger with the real product",
                "help": (
                    "Title, bullets, images and product type. Sheet masks for skincare are cosmetics; a first-aid "
                    "kit with antiseptic wipes is a first-aid product unless it claims to kill germs on surfaces."
                ),
            },
            {
                "key": "check_claims",
                "title": "Check for claims that really are restricted",
                "help": (
                    "'Kills 99.9% of germs', 'repels mosquitoes', 'protects against viruses' make a product a "
                    "pesticide or PPE whatever it is. Then it is not a false positive: the seller must remove the "
                    "claims or provide the registration."
                ),
            },
            {
                "key": "check_product_type",
                "title": "Check the product type",
                "help": (
                    "A wrong product type (e.g. Health > Masks for sheet masks) re-triggers the detector; ask the "
                    "seller to change it."
                ),
            },
            {
                "key": "collect_evidence",
                "title": "Collect packaging or ingredient evidence if unclear",
                "help": "Photo of the label or packaging, full ingredient list, or manufacturer specification.",
            },
            {
                "key": "request_review",
                "title": "Send for manual review and note the account",
                "help": (
                    "Ask for priority before a sales event. Add the account note so future flags on the same "
                    "products go to a person first, and report the sample to the detector team."
                ),
            },
        ],
        "fields": [
            {
                "name": "listing_ids",
                "label": "Affected listing ids",
                "type": "textarea",
                "required": True,
                "help": "NB-B08XK2L9QZ, one per line",
            },
            {
                "name": "detector",
                "label": "Detector",
                "type": "choice",
                "required": True,
                "choices": [
                    "PPE / medical face mask",
                    "Pesticide / antimicrobial claim",
                    "Medical device",
                    "Hazmat / dangerous goods",
                    "Other",
                ],
            },
            {
                "name": "trigger_text",
                "label": "Words or attributes that triggered it",
                "type": "text",
                "required": True,
            },
            {"name": "actual_product", "label": "What the product actually is", "type": "textarea", "required": True},
            {
                "name": "restricted_claims",
                "label": "Listing makes restricted claims",
                "type": "yes_no",
                "required": True,
            },
            {"name": "product_type_correct", "label": "Product type is correct", "type": "yes_no", "required": True},
            {"name": "evidence_received", "label": "Evidence received", "type": "textarea", "required": False},
            {"name": "sales_event_date", "label": "Upcoming sales event", "type": "date", "required": False},
        ],
    },
    {
        "category": "policy_compliance",
        "subtype": "ip_complaint",
        "name": "Intellectual property complaint against a listing",
        "summary": (
            "A rights owner filed a trademark, copyright, patent or counterfeit complaint and the listing was "
            "removed. A good outcome is the seller knowing the two routes back (retraction by the rights owner, or "
            "proof the complaint is wrong) and the case complete when it reaches the IP team."
        ),
        "resolution_capability": "reinstate_listing",
        "steps": [
            {
                "key": "read_complaint",
                "title": "Read the complaint",
                "help": "Note the complaint id, type, rights owner, the owner's contact email and the listings named.",
            },
            {
                "key": "explain_routes",
                "title": "Explain the routes to reinstatement",
                "help": (
                    "The rights owner retracts the complaint, or the seller shows it is invalid. We give the rights "
                    "owner's contact email; we do not give legal advice."
                ),
            },
            {
                "key": "collect_authenticity",
                "title": "For counterfeit complaints, collect supplier invoices",
                "help": (
                    "Invoices from the last 365 days, from the manufacturer or an authorised distributor, with "
                    "supplier name and address, quantities covering units sold. Distributor authorisation letter if "
                    "the seller has one."
                ),
            },
            {
                "key": "collect_copyright",
                "title": "For copyright complaints about images, collect proof of ownership",
                "help": "Original files with metadata or the photographer's invoice.",
            },
            {
                "key": "verify_retraction",
                "title": "Verify any retraction",
                "help": (
                    "A retraction only counts if it comes from the complaint's contact email to the notice-dispute "
                    "address."
                ),
            },
            {
                "key": "transfer",
                "title": "Transfer to the IP team with everything attached",
                "help": (
                    "Tell the seller not to relist the same product under a new listing; that escalates the account "
                    "risk."
                ),
            },
        ],
        "fields": [
            {"name": "complaint_id", "label": "Complaint id", "type": "text", "required": True},
            {
                "name": "complaint_type",
                "label": "Complaint type",
                "type": "choice",
                "required": True,
                "choices": ["Trademark", "Copyright", "Patent", "Counterfeit"],
            },
            {
                "name": "listing_ids",
                "label": "Listing ids named",
                "type": "textarea",
                "required": True,
                "help": "NB-B08XK2L9QZ, one per line",
            },
            {"name": "rights_owner", "label": "Rights owner", "type": "text", "required": True},
            {"name": "rights_owner_email", "label": "Rights owner's contact email", "type": "email", "required": True},
            {
                "name": "retraction_received",
                "label": "Retraction received from the rights owner",
                "type": "yes_no",
                "required": True,
            },
            {"name": "invoices_provided", "label": "Supplier invoices provided", "type": "yes_no", "required": True},
            {"name": "seller_position", "label": "Seller's position", "type": "textarea", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Account health
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "account_health",
        "subtype": "",
        "name": "Account health: general",
        "summary": (
            "Questions about the account health dashboard, a metric out of target or an 'at risk' notice. A good "
            "outcome is the seller knowing which orders drive the metric, what can be excluded, and when the rest "
            "rolls out of the window."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_dashboard",
                "title": "Open Account Health and note the account status",
                "help": "Healthy, at risk or deactivated; note any deadline on an at-risk notice.",
            },
            {
                "key": "list_metrics",
                "title": "List the metrics out of target",
                "help": (
                    "Order defect rate under 1%, cancellation rate under 2.5%, late shipment rate under 4%, valid "
                    "tracking rate over 95%, return dissatisfaction rate under 10%, response time over 90% within 24 "
                    "hours."
                ),
            },
            {
                "key": "break_down",
                "title": "Break the metric down to orders",
                "help": "Count the defects by type and date; look for clusters (one SKU, one week, one carrier).",
            },
            {
                "key": "find_exclusions",
                "title": "Find defects that qualify for exclusion",
                "help": (
                    "Carrier disruptions, Nimbus-fulfilled orders, marketplace outages; use the sub-type playbook "
                    "for details."
                ),
            },
            {
                "key": "advise_seller",
                "title": "Tell the seller what to do next",
                "help": (
                    "Exclusions, a plan of action if the notice asks for one, and the date the worst defects leave "
                    "the window."
                ),
            },
        ],
        "fields": [
            {
                "name": "account_status",
                "label": "Account status",
                "type": "choice",
                "required": True,
                "choices": ["Healthy", "At risk", "Under review", "Deactivated"],
            },
            {
                "name": "metric",
                "label": "Metric concerned",
                "type": "choice",
                "required": True,
                "choices": [
                    "Order defect rate",
                    "Cancellation rate",
                    "Late shipment rate",
                    "Valid tracking rate",
                    "Return dissatisfaction rate",
                    "Response time",
                    "Policy compliance",
                ],
            },
            {"name": "metric_value", "label": "Current value (%)", "type": "number", "required": True},
            {"name": "notice_deadline", "label": "Deadline on the notice", "type": "datetime", "required": False},
            {"name": "defect_pattern", "label": "Pattern in the defects", "type": "textarea", "required": True},
            {"name": "seller_question", "label": "What the seller is asking", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "account_health",
        "subtype": "dissatisfaction_rate",
        "name": "Return dissatisfaction rate above target",
        "summary": (
            "The return dissatisfaction rate is over 10% and the account is at risk. A good outcome is the "
            "dissatisfied returns broken down by cause, a one-time exclusion requested where it applies, and a short "
            "plan of action submitted before the notice deadline."
        ),
        "resolution_capability": "open_investigation",
        "steps": [
            {
                "key": "break_down",
                "title": "Break the rate down by cause",
                "help": (
                    "A return counts as dissatisfied for negative return feedback, no answer within 48 hours, or a "
                    "wrongful rejection. Count each over the last 30 days."
                ),
            },
            {
                "key": "find_cluster",
                "title": "Look for a cluster in dates or SKUs",
                "help": "Late answers in one week usually mean the store was closed without holiday mode.",
            },
            {
                "key": "check_exclusion",
                "title": "Check whether a one-time exclusion applies",
                "help": (
                    "Eligible: a one-off closure or outage with all requests answered afterwards. Not eligible: a "
                    "steady stream of late answers or wrongful rejections."
                ),
            },
            {
                "key": "guide_poa",
                "title": "Guide the seller's plan of action",
                "help": (
                    "Root cause, fix already done, prevention with owners (holiday mode on a shared calendar, "
                    "automatic authorisation for low-value returns). Submit under Account Health > Return "
                    "Dissatisfaction Rate."
                ),
            },
            {
                "key": "add_note",
                "title": "Add a supporting note and request the exclusion",
                "help": "State the cause and the number of defects it covers, and the rate after exclusion.",
            },
        ],
        "fields": [
            {"name": "current_rate", "label": "Current rate (%)", "type": "number", "required": True},
            {
                "name": "return_requests",
                "label": "Return requests in the last 30 days",
                "type": "number",
                "required": True,
            },
            {
                "name": "late_responses",
                "label": "Dissatisfied: answered after 48 hours",
                "type": "number",
                "required": True,
            },
            {
                "name": "negative_feedback",
                "label": "Dissatisfied: negative feedback",
                "type": "number",
                "required": True,
            },
            {
                "name": "wrongful_rejections",
                "label": "Dissatisfied: wrongful rejection",
                "type": "number",
                "required": True,
            },
            {
                "name": "notice_deadline",
                "label": "Deadline on the at-risk notice",
                "type": "datetime",
                "required": True,
            },
            {"name": "exclusion_eligible", "label": "One-time exclusion applies", "type": "yes_no", "required": True},
            {"name": "root_cause", "label": "Root cause", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "account_health",
        "subtype": "response_time",
        "name": "Buyer message response time below target",
        "summary": (
            "Fewer than 90% of buyer messages were answered within 24 hours. A good outcome is the late messages "
            "identified, any outage excluded, and the seller set up so weekends and holidays stop causing misses."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "read_metric",
                "title": "Read the metric for 7, 30 and 90 days",
                "help": "Note the percentage and the number of late messages in the period the notice refers to.",
            },
            {
                "key": "list_late",
                "title": "List the late messages",
                "help": "Group them by day; the 24 hours run on weekends and public holidays too.",
            },
            {
                "key": "check_no_response",
                "title": "Check messages that needed no reply",
                "help": (
                    "Thank-you notes and auto-replies can be marked 'No response needed' within 24 hours; marked "
                    "messages do not count. Late marking does not help."
                ),
            },
            {
                "key": "check_outage",
                "title": "Check for a messaging outage",
                "help": (
                    "Compare the late messages with incidents on the status page; messages received during an "
                    "incident are excluded on request."
                ),
            },
            {
                "key": "advise",
                "title": "Advise on holiday mode, permissions and templates",
                "help": (
                    "Holiday mode before closures, a second user with Buyer messages permission, reply templates for "
                    "common questions."
                ),
            },
        ],
        "fields": [
            {"name": "response_rate", "label": "Answered within 24 hours (%)", "type": "number", "required": True},
            {
                "name": "period",
                "label": "Period",
                "type": "choice",
                "required": True,
                "choices": ["Last 7 days", "Last 30 days", "Last 90 days"],
            },
            {"name": "late_messages", "label": "Late messages", "type": "number", "required": True},
            {
                "name": "outage_claimed",
                "label": "Seller reports a messaging outage",
                "type": "yes_no",
                "required": True,
            },
            {"name": "incident_id", "label": "Status page incident id", "type": "text", "required": False},
            {"name": "late_pattern", "label": "When the late messages arrived", "type": "textarea", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Account access
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "account_access",
        "subtype": "",
        "name": "Account access: general",
        "summary": (
            "Sign-in problems: forgotten password, reset email not arriving, locked account, user permissions, "
            "removing a user. A good outcome is the right person back in through self-service, without any "
            "credential change made on an unverified request."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "check_requester",
                "title": "Check who is asking",
                "help": (
                    "Compare the contact email with the account's primary and user emails. Never change access for "
                    "someone who is not the primary owner or a user with Manage users rights."
                ),
            },
            {
                "key": "identify_problem",
                "title": "Identify the exact problem",
                "help": (
                    "Forgotten password, reset email missing, locked after failed attempts, 2FA lost, or a user "
                    "permission."
                ),
            },
            {
                "key": "check_email_delivery",
                "title": "For missing reset emails, check delivery",
                "help": (
                    "Look at the email log for bounces or blocks on the seller's domain; ask them to allow "
                    "no-reply@mercadonimbus.example."
                ),
            },
            {
                "key": "guide_self_service",
                "title": "Guide the self-service route",
                "help": "Password reset, 'Didn't receive the code?', or Settings > User permissions for owners.",
            },
            {
                "key": "escalate_if_needed",
                "title": "Switch playbook for 2FA or suspected compromise",
                "help": "Any sign of someone else in the account goes to the compromised-account playbook immediately.",
            },
        ],
        "fields": [
            {"name": "login_email", "label": "Login email", "type": "email", "required": True},
            {
                "name": "problem",
                "label": "Problem",
                "type": "choice",
                "required": True,
                "choices": [
                    "Forgotten password",
                    "Reset email not arriving",
                    "Account locked",
                    "User permissions",
                    "Remove a user",
                    "Other",
                ],
            },
            {
                "name": "requester_is_owner",
                "label": "Request comes from the primary owner's email",
                "type": "yes_no",
                "required": True,
            },
            {"name": "error_message", "label": "Error message shown", "type": "text", "required": False},
            {"name": "seller_tried", "label": "What the seller already tried", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "account_access",
        "subtype": "two_factor_lost",
        "name": "Two-step verification device or number lost",
        "summary": (
            "The seller cannot receive 2FA codes (new phone, lost SIM, authenticator app gone). A good outcome is "
            "2FA reset only after the identity check passes, with pending orders protected while the seller is "
            "locked out."
        ),
        "resolution_capability": "reset_account_access",
        "steps": [
            {
                "key": "start_idv",
                "title": "Start the identity check",
                "help": (
                    "The seller chooses 'Didn't receive the code?' > 'I lost access to my phone' on the 2FA screen "
                    "and uploads the primary contact's ID and a selfie. Never accept ID by case attachment or email."
                ),
            },
            {
                "key": "find_idv",
                "title": "Find the IDV- reference and its status",
                "help": "Normally approved within 24 hours. Name on the ID must match the verified primary contact.",
            },
            {
                "key": "check_risk",
                "title": "Check for risk signals",
                "help": (
                    "Password reset in the last 72 hours, sign-in attempts from new countries, bank or email change "
                    "attempts. Any of these: stop and use the compromised-account playbook."
                ),
            },
            {
                "key": "protect_orders",
                "title": "Protect pending orders",
                "help": (
                    "If orders must ship today and the IDV is pending, extend their ship-by date by 24 hours and ask "
                    "for IDV priority."
                ),
            },
            {
                "key": "reset_2fa",
                "title": "Reset 2FA once the identity check passes",
                "help": "The old device is removed and the seller enrols a new method at next sign-in.",
            },
            {
                "key": "advise_backup",
                "title": "Ask the seller to add a backup method and separate users",
                "help": (
                    "An authenticator app plus a backup phone; each person gets their own login, no shared credentials."
                ),
            },
        ],
        "fields": [
            {"name": "login_email", "label": "Login email", "type": "email", "required": True},
            {
                "name": "lost_method",
                "label": "Method lost",
                "type": "choice",
                "required": True,
                "choices": ["SMS to old phone number", "Authenticator app", "Security key"],
            },
            {
                "name": "idv_reference",
                "label": "Identity check reference",
                "type": "text",
                "required": True,
                "help": "IDV-558203",
            },
            {"name": "idv_passed", "label": "Identity check passed", "type": "yes_no", "required": True},
            {"name": "risk_signals", "label": "Risk signals found", "type": "yes_no", "required": True},
            {"name": "pending_orders", "label": "Orders due to ship today", "type": "number", "required": False},
            {"name": "new_phone", "label": "New phone number (if SMS)", "type": "phone", "required": False},
        ],
    },
    {
        "category": "account_access",
        "subtype": "account_compromised",
        "name": "Account compromised or suspicious sign-in",
        "summary": (
            "The seller reports a sign-in they did not make, or changes they did not make (bank, email, prices, "
            "users). A good outcome is the account secured at once, every unauthorised change listed and reverted, "
            "and access given back only to the verified owner."
        ),
        "resolution_capability": "change_account_status",
        "steps": [
            {
                "key": "check_sessions",
                "title": "Check sign-ins and whether anyone got in",
                "help": (
                    "A sign-in that stopped at the 2FA step did not get in; one that passed 2FA did. Note time, "
                    "place and device."
                ),
            },
            {
                "key": "secure_account",
                "title": "Put the account on security hold if anyone got in",
                "help": (
                    "Security hold ends all sessions and blocks sign-ins, disbursements and listing edits until the "
                    "owner is verified."
                ),
            },
            {
                "key": "audit_changes",
                "title": "Review the audit log for the last 30 days",
                "help": (
                    "Bank account, disbursement settings, email, phone, users added, prices and listings edited, "
                    "orders cancelled."
                ),
            },
            {
                "key": "hold_payments",
                "title": "Stop payments to a changed bank account",
                "help": (
                    "If the bank account changed, hold any disbursement to it; transfer already sent goes to "
                    "Payments specialists for recall."
                ),
            },
            {
                "key": "verify_owner",
                "title": "Verify the owner before giving access back",
                "help": "Identity check with ID and selfie for the primary contact; then reset password and 2FA.",
            },
            {
                "key": "tell_seller",
                "title": "Tell the seller what changed and what to do",
                "help": (
                    "List each change and whether it was reverted. Ask them to change the password anywhere it was "
                    "reused, starting with the linked email account."
                ),
            },
        ],
        "fields": [
            {"name": "login_email", "label": "Login email", "type": "email", "required": True},
            {
                "name": "suspicious_sign_in_at",
                "label": "Suspicious sign-in (date and time)",
                "type": "datetime",
                "required": True,
            },
            {"name": "passed_2fa", "label": "Intruder passed the 2FA step", "type": "yes_no", "required": True},
            {"name": "bank_account_changed", "label": "Bank account changed", "type": "yes_no", "required": True},
            {"name": "contact_details_changed", "label": "Email or phone changed", "type": "yes_no", "required": True},
            {
                "name": "unauthorised_changes",
                "label": "Unauthorised changes found",
                "type": "textarea",
                "required": True,
            },
            {"name": "security_hold_at", "label": "Security hold applied at", "type": "datetime", "required": False},
            {"name": "owner_verified", "label": "Owner identity verified", "type": "yes_no", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Appeals
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "appeals",
        "subtype": "",
        "name": "Appeals: general",
        "summary": (
            "The seller wants a decision reviewed: a listing removal, a deactivation, a rejected verification. A "
            "good outcome is a complete appeal with new evidence reaching the appeals team on time; first line does "
            "not decide appeals."
        ),
        "resolution_capability": "decide_appeal",
        "steps": [
            {
                "key": "identify_decision",
                "title": "Identify the decision being appealed",
                "help": "Note the notice, its date and the reason given.",
            },
            {
                "key": "check_deadline",
                "title": "Check the appeal deadline",
                "help": (
                    "Account deactivations can be appealed within 90 days of the notice; listing removals at any "
                    "time while the listing exists."
                ),
            },
            {
                "key": "check_history",
                "title": "Check previous appeals",
                "help": (
                    "Read earlier rejections. A repeat appeal with the same content gets the same answer; ask what "
                    "is new this time."
                ),
            },
            {
                "key": "check_evidence",
                "title": "Check the evidence answers the reason",
                "help": (
                    "e.g. a children's product certificate for a missing CPC, a clear ID scan for a verification "
                    "rejection. Documents weigh more than statements."
                ),
            },
            {
                "key": "transfer",
                "title": "Transfer to the appeals team with a short summary",
                "help": (
                    "Decision, reason, what is new, documents attached. Tell the seller the usual decision time "
                    "(about 48 hours)."
                ),
            },
        ],
        "fields": [
            {
                "name": "appeal_subject",
                "label": "Decision appealed",
                "type": "choice",
                "required": True,
                "choices": [
                    "Account deactivation",
                    "Listing removal",
                    "Identity verification rejected",
                    "Funds held",
                    "Metric defect",
                    "Other",
                ],
            },
            {"name": "notice_date", "label": "Date of the decision", "type": "date", "required": True},
            {"name": "notice_reference", "label": "Notice or decision reference", "type": "text", "required": False},
            {
                "name": "previous_appeals",
                "label": "Previous appeals on this decision",
                "type": "number",
                "required": True,
            },
            {"name": "new_evidence", "label": "What is new in this appeal", "type": "textarea", "required": True},
            {"name": "documents_attached", "label": "Documents attached", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "appeals",
        "subtype": "plan_of_action",
        "name": "Plan of action for a deactivation or at-risk notice",
        "summary": (
            "The seller must submit, or wants a check of, a plan of action (POA) to be reinstated. A good outcome is "
            "a specific POA with root cause, actions taken and measurable prevention, plus supporting documents, "
            "sent once and not rejected for being vague."
        ),
        "resolution_capability": "decide_appeal",
        "steps": [
            {
                "key": "read_notice",
                "title": "Read the deactivation or at-risk notice",
                "help": (
                    "Note the exact reason (metric and value, policy, complaint) and the affected orders or listings."
                ),
            },
            {
                "key": "check_root_cause",
                "title": "Check the root cause is specific",
                "help": (
                    "Names the SKU, supplier, process or period at fault. Blaming buyers or the carrier without "
                    "evidence fails."
                ),
            },
            {
                "key": "check_actions",
                "title": "Check the actions already taken",
                "help": "With numbers and dates: buyers refunded, units removed, listings corrected.",
            },
            {
                "key": "check_prevention",
                "title": "Check prevention is measurable",
                "help": (
                    "Who does what, how often, and the threshold that triggers action (e.g. 'AQL 2.5 sampling on "
                    "every batch, signed off by the operations manager'). 'We will be more careful' is always "
                    "rejected."
                ),
            },
            {
                "key": "check_documents",
                "title": "Check supporting documents",
                "help": (
                    "Invoices, test reports, certificates, supplier change evidence; attached as files, not pasted "
                    "text."
                ),
            },
            {
                "key": "give_feedback",
                "title": "Give the seller feedback, not a rewrite",
                "help": (
                    "Point to the missing or vague parts; the POA must be the seller's own. One page, bullet points "
                    "are fine."
                ),
            },
            {
                "key": "transfer",
                "title": "Add a supporting note and transfer",
                "help": (
                    "Summarise the cause and its scope for the reviewer, and any business impact (inventory in "
                    "storage, staff)."
                ),
            },
        ],
        "fields": [
            {
                "name": "reason",
                "label": "Reason on the notice",
                "type": "choice",
                "required": True,
                "choices": [
                    "Order defect rate",
                    "Return dissatisfaction rate",
                    "Cancellation rate",
                    "Late shipment rate",
                    "Authenticity complaints",
                    "Product safety",
                    "Review manipulation",
                    "Other policy",
                ],
            },
            {"name": "notice_date", "label": "Notice date", "type": "date", "required": True},
            {"name": "root_cause_ok", "label": "Root cause is specific", "type": "yes_no", "required": True},
            {
                "name": "actions_ok",
                "label": "Actions taken are stated with numbers",
                "type": "yes_no",
                "required": True,
            },
            {
                "name": "prevention_ok",
                "label": "Prevention is specific and measurable",
                "type": "yes_no",
                "required": True,
            },
            {"name": "affected_ids", "label": "Affected order or listing ids", "type": "textarea", "required": False},
            {
                "name": "documents_attached",
                "label": "Supporting documents attached",
                "type": "textarea",
                "required": True,
            },
            {"name": "feedback_given", "label": "Feedback given to the seller", "type": "textarea", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Inventory and logistics
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "inventory_logistics",
        "subtype": "",
        "name": "Inventory and logistics: general",
        "summary": (
            "Questions about Fulfilled by Nimbus inventory: shipment plans, delivery appointments, storage limits, "
            "prep and labelling fees, removals. A good outcome is the seller knowing the rule that applies and the "
            "exact next step in Send to Nimbus or Inventory."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "identify_shipment",
                "title": "Identify the shipment or SKU",
                "help": "Get the shipment id (FBN1234ABCD) or SKU; open the shipment events or the inventory ledger.",
            },
            {
                "key": "read_status",
                "title": "Read the current status and events",
                "help": "Working, shipped, in transit, delivered, checked in, receiving, closed; note dates for each.",
            },
            {
                "key": "check_rule",
                "title": "Check the rule involved",
                "help": (
                    "Storage limits by quarter, unplanned prep fees for missing or unreadable labels, appointment "
                    "rules for LTL and FTL deliveries."
                ),
            },
            {
                "key": "match_subtype",
                "title": "Switch to the receiving or stranded playbook if it fits",
                "help": "Those need specific evidence before an investigation can open.",
            },
            {
                "key": "answer_seller",
                "title": "Answer with the next step and its timing",
                "help": "Menu paths in Send to Nimbus and Inventory, and dates.",
            },
        ],
        "fields": [
            {
                "name": "shipment_id",
                "label": "Shipment id",
                "type": "text",
                "required": False,
                "max_length": 11,
                "help": "FBN1234ABCD",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": False},
            {
                "name": "fulfilment_centre",
                "label": "Fulfilment centre code",
                "type": "text",
                "required": False,
                "max_length": 8,
            },
            {
                "name": "topic",
                "label": "Topic",
                "type": "choice",
                "required": True,
                "choices": [
                    "Shipment plan",
                    "Delivery appointment",
                    "Storage limits",
                    "Prep or label fees",
                    "Removal order",
                    "Other",
                ],
            },
            {"name": "units", "label": "Units concerned", "type": "number", "required": False},
            {"name": "issue_summary", "label": "Problem in the seller's words", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "inventory_logistics",
        "subtype": "inbound_stuck_receiving",
        "name": "Inbound shipment stuck in receiving or units missing",
        "summary": (
            "A shipment was delivered to a fulfilment centre but stays in 'Receiving', or closed with fewer units "
            "than sent. A good outcome is a receiving investigation opened with proof of delivery and box contents, "
            "or a clear date when one can be opened."
        ),
        "resolution_capability": "open_investigation",
        "steps": [
            {
                "key": "read_events",
                "title": "Read the shipment events",
                "help": (
                    "Carrier delivery date, dock check-in date, units expected and received, last receiving activity."
                ),
            },
            {
                "key": "check_timing",
                "title": "Check the receiving time standard",
                "help": (
                    "Receiving normally completes within 5 business days of check-in (10 in Q4 peak). Before that, "
                    "tell the seller the date to come back."
                ),
            },
            {
                "key": "check_problems",
                "title": "Look for receiving problems",
                "help": (
                    "Problem-receive entries: box labels from another or cancelled shipment plan, unreadable "
                    "barcodes, units without labels, quantities different from the plan."
                ),
            },
            {
                "key": "check_window",
                "title": "Check the investigation window",
                "help": (
                    "Investigations open after receiving closes or 15 days after delivery, and must be opened within "
                    "45 days of delivery."
                ),
            },
            {
                "key": "collect_evidence",
                "title": "Collect proof of delivery and box contents",
                "help": (
                    "Carrier POD with box or pallet count and signature, freight PRO number for LTL, and box "
                    "contents (SKU and quantity per box)."
                ),
            },
            {
                "key": "open_investigation",
                "title": "Open the receiving investigation",
                "help": "Ask for priority if a promotion or stock-out is close. Typical time is 5-7 business days.",
            },
        ],
        "fields": [
            {
                "name": "shipment_id",
                "label": "Shipment id",
                "type": "text",
                "required": True,
                "max_length": 11,
                "help": "FBN1234ABCD",
            },
            {
                "name": "fulfilment_centre",
                "label": "Fulfilment centre code",
                "type": "text",
                "required": True,
                "max_length": 8,
            },
            {"name": "delivered_on", "label": "Delivered on", "type": "date", "required": True},
            {"name": "units_expected", "label": "Units expected", "type": "number", "required": True},
            {"name": "units_received", "label": "Units received so far", "type": "number", "required": True},
            {
                "name": "carrier",
                "label": "Carrier",
                "type": "choice",
                "required": True,
                "choices": [
                    "Nimbus Shipping",
                    "UPS",
                    "DHL",
                    "Correos",
                    "Estafeta",
                    "Royal Mail",
                    "Canada Post",
                    "SF Express",
                ],
            },
            {"name": "pod_provided", "label": "Proof of delivery provided", "type": "yes_no", "required": True},
            {"name": "box_contents_provided", "label": "Box contents provided", "type": "yes_no", "required": True},
        ],
    },
    {
        "category": "inventory_logistics",
        "subtype": "stranded_inventory",
        "name": "Stranded inventory (units with no active offer)",
        "summary": (
            "Units in a fulfilment centre cannot sell because the offer is closed, deleted, suppressed or blocked. A "
            "good outcome is the units relisted or a removal created before the automatic removal date, with the "
            "underlying listing problem fixed."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "read_reason",
                "title": "Read the stranded reason",
                "help": "Inventory > Stranded inventory shows the reason and the date per SKU.",
            },
            {
                "key": "check_listing",
                "title": "Check the listing behind the SKU",
                "help": (
                    "Deleted offer on an existing listing can be relisted; a blocked or suppressed listing needs its "
                    "own fix first."
                ),
            },
            {
                "key": "check_deadline",
                "title": "Check the automatic removal date",
                "help": (
                    "Units stranded for 30 days are removed or disposed according to the seller's automatic removal "
                    "setting. Stranded units pay normal monthly storage meanwhile."
                ),
            },
            {
                "key": "guide_fix",
                "title": "Guide the seller to relist or remove",
                "help": (
                    "Relist reattaches units at the previous price, usually live within 15 minutes. Otherwise create "
                    "a removal order."
                ),
            },
            {
                "key": "route_blocks",
                "title": "Use the listing or policy playbook for blocked listings",
                "help": "Suppressions and policy blocks are fixed on the listing; the units follow automatically.",
            },
        ],
        "fields": [
            {
                "name": "listing_id",
                "label": "Listing id",
                "type": "listing_id",
                "required": True,
                "help": "NB-B08XK2L9QZ",
            },
            {"name": "sku", "label": "SKU", "type": "text", "required": True},
            {
                "name": "stranded_reason",
                "label": "Stranded reason",
                "type": "choice",
                "required": True,
                "choices": [
                    "Offer closed",
                    "Offer deleted",
                    "Listing suppressed",
                    "Policy block",
                    "Missing price",
                    "SKU not matched to a listing",
                ],
            },
            {"name": "units", "label": "Units stranded", "type": "number", "required": True},
            {"name": "stranded_since", "label": "Stranded since", "type": "date", "required": True},
            {
                "name": "seller_choice",
                "label": "Seller's choice",
                "type": "choice",
                "required": True,
                "choices": ["Relist", "Fix the listing, then relist", "Create removal order", "Dispose"],
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# Advertising
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "advertising",
        "subtype": "",
        "name": "Advertising: general",
        "summary": (
            "Questions about campaigns: charges, rejected ads, paused campaigns, reports, budgets. A good outcome is "
            "the charge or rejection explained from the campaign data, with billing disputes sent to ads billing "
            "only when the numbers really do not reconcile."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "open_campaign",
                "title": "Open the campaign",
                "help": (
                    "Note type, status, dates, budget and the ad groups; check the seller's report filters and date "
                    "range."
                ),
            },
            {
                "key": "reconcile_spend",
                "title": "Reconcile spend with clicks",
                "help": "Spend should match billed clicks; the invalid-traffic filter removes clicks before billing.",
            },
            {
                "key": "check_moderation",
                "title": "For rejected ads, read the moderation reason",
                "help": (
                    "Claims like 'best', '#1' or medical claims need substantiation on the product page or must be "
                    "removed."
                ),
            },
            {
                "key": "check_payment",
                "title": "Check the advertising payment method",
                "help": "A declined card pauses all campaigns until updated under Advertising > Billing.",
            },
            {
                "key": "answer_seller",
                "title": "Explain, or transfer to ads billing with the numbers",
                "help": "Attach a screenshot with the date range visible when transferring.",
            },
        ],
        "fields": [
            {
                "name": "campaign_id",
                "label": "Campaign id",
                "type": "text",
                "required": True,
                "help": "e.g. SP-55820193",
            },
            {
                "name": "campaign_type",
                "label": "Campaign type",
                "type": "choice",
                "required": True,
                "choices": ["Sponsored Products", "Sponsored Brands", "Sponsored Display"],
            },
            {
                "name": "topic",
                "label": "Topic",
                "type": "choice",
                "required": True,
                "choices": ["Charges", "Performance", "Ad rejected", "Campaign paused", "Reports", "Other"],
            },
            {"name": "amount_disputed", "label": "Amount disputed", "type": "money", "required": False},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": False,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {"name": "seller_question", "label": "What the seller is asking", "type": "textarea", "required": True},
        ],
    },
    {
        "category": "advertising",
        "subtype": "no_impressions",
        "name": "Campaign gets no impressions",
        "summary": (
            "An active campaign shows zero or almost zero impressions. A good outcome is the blocking cause found "
            "(ineligible listing, budget, bids, payment, filters) and the seller told the one change that will get "
            "it serving."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "check_status",
                "title": "Check campaign and ad group status and dates",
                "help": (
                    "Campaign and ad group enabled, start date passed, end date not passed; new campaigns take up to "
                    "24 hours."
                ),
            },
            {
                "key": "check_report_filters",
                "title": "Rule out a filtered report",
                "help": "Saved filters on ad group or date range often hide impressions that exist.",
            },
            {
                "key": "check_eligibility",
                "title": "Check each advertised listing is eligible",
                "help": (
                    "In stock, active, holding the featured offer, and not in a restricted category (adult, weapons, "
                    "some health)."
                ),
            },
            {
                "key": "check_bids",
                "title": "Check bids and keywords",
                "help": (
                    "Bids under the suggested range, paused keywords, or negative keywords that block the main "
                    "search terms."
                ),
            },
            {
                "key": "check_budget_payment",
                "title": "Check budget and payment method",
                "help": "Budget spent early in the day, or a declined card pausing delivery.",
            },
            {
                "key": "tell_seller",
                "title": "Tell the seller the cause and the change to make",
                "help": "One specific change at a time, and when to check again (24 hours).",
            },
        ],
        "fields": [
            {
                "name": "campaign_id",
                "label": "Campaign id",
                "type": "text",
                "required": True,
                "help": "e.g. SP-55820193",
            },
            {
                "name": "listing_ids",
                "label": "Advertised listing ids",
                "type": "textarea",
                "required": True,
                "help": "NB-B08XK2L9QZ, one per line",
            },
            {"name": "campaign_start", "label": "Campaign start date", "type": "date", "required": True},
            {"name": "daily_budget", "label": "Daily budget", "type": "money", "required": True},
            {"name": "default_bid", "label": "Default bid", "type": "money", "required": True},
            {
                "name": "currency",
                "label": "Currency",
                "type": "choice",
                "required": True,
                "choices": ["USD", "EUR", "GBP", "MXN", "CAD", "CNY"],
            },
            {
                "name": "listings_eligible",
                "label": "All advertised listings eligible",
                "type": "yes_no",
                "required": True,
            },
            {"name": "payment_method_valid", "label": "Ads payment method valid", "type": "yes_no", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Technical
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "technical",
        "subtype": "",
        "name": "Technical: general",
        "summary": (
            "Something in the seller portal, reports, mobile app or webhooks does not work. A good outcome is the "
            "problem reproduced or matched to a known incident, with a workaround for the seller and enough detail "
            "for the tool specialists."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "collect_details",
                "title": "Collect what, where and when",
                "help": "Page or feature, exact error text, time with time zone, browser or app version, a screenshot.",
            },
            {
                "key": "check_status_page",
                "title": "Check the status page for incidents",
                "help": "If an incident matches, link the case to it and give the seller the incident id.",
            },
            {
                "key": "reproduce",
                "title": "Try to reproduce it",
                "help": (
                    "Use the seller view where allowed; try another browser or a private window, clear cached filters."
                ),
            },
            {
                "key": "workaround",
                "title": "Offer a workaround",
                "help": (
                    "e.g. a smaller date range for a report, the web portal instead of the app, the API for bulk edits."
                ),
            },
            {
                "key": "transfer",
                "title": "Transfer to the tool specialists with the details",
                "help": "Include reproduction steps and whether it affects one user or the whole account.",
            },
        ],
        "fields": [
            {
                "name": "area",
                "label": "Area",
                "type": "choice",
                "required": True,
                "choices": [
                    "Seller portal",
                    "Reports",
                    "Mobile app",
                    "Webhooks / notifications",
                    "Inventory feeds",
                    "Selling API",
                    "Other",
                ],
            },
            {"name": "error_message", "label": "Error message", "type": "text", "required": False},
            {"name": "occurred_at", "label": "When it happened", "type": "datetime", "required": True},
            {"name": "client", "label": "Browser, app or client version", "type": "text", "required": False},
            {"name": "steps_to_reproduce", "label": "Steps to reproduce", "type": "textarea", "required": True},
            {"name": "incident_id", "label": "Matching incident id", "type": "text", "required": False},
        ],
    },
    {
        "category": "technical",
        "subtype": "feed_upload_error",
        "name": "Inventory feed or flat file fails to process",
        "summary": (
            "A feed or flat-file upload is rejected, stuck, or processes with errors. A good outcome is the failing "
            "rows traced to their cause in the processing report and the seller re-submitting a clean file; platform "
            "faults go to the tool specialists."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "get_feed",
                "title": "Get the feed id and processing report",
                "help": (
                    "Open the feed in Upload status; download the processing report if the seller did not attach it."
                ),
            },
            {
                "key": "group_errors",
                "title": "Group the errors by code",
                "help": (
                    "Note each NBF- code, the number of rows and whether the failing rows share a SKU prefix or source."
                ),
            },
            {
                "key": "check_schema",
                "title": "Check against the current template and schema",
                "help": (
                    "Template version for the product type, UTF-8 encoding, header rows unchanged, case-sensitive "
                    "allowed values (schema changes are in the developer changelog)."
                ),
            },
            {
                "key": "check_stuck",
                "title": "Check for a stuck feed",
                "help": (
                    "A feed 'In progress' for more than 4 hours, or with no report after 24 hours, is a platform issue."
                ),
            },
            {
                "key": "tell_seller",
                "title": "Tell the seller the fix and check the re-submission",
                "help": "Quote the rows and values to change; after re-submission confirm errors and warnings.",
            },
        ],
        "fields": [
            {"name": "feed_id", "label": "Feed id", "type": "text", "required": True},
            {
                "name": "feed_type",
                "label": "Feed type",
                "type": "choice",
                "required": True,
                "choices": [
                    "Inventory file (flat file)",
                    "Price and quantity",
                    "Images",
                    "Variation relationships",
                    "XML / JSON feed",
                ],
            },
            {"name": "submitted_at", "label": "Submitted at", "type": "datetime", "required": True},
            {
                "name": "feed_status",
                "label": "Feed status",
                "type": "choice",
                "required": True,
                "choices": [
                    "In progress over 4 hours",
                    "Done with errors",
                    "Rejected (file level)",
                    "Done, changes not visible",
                ],
            },
            {"name": "error_codes", "label": "Error codes", "type": "text", "required": False, "help": "e.g. NBF-4012"},
            {"name": "rows_failed", "label": "Rows failed", "type": "number", "required": False},
            {"name": "rows_total", "label": "Rows in the file", "type": "number", "required": False},
        ],
    },
    {
        "category": "technical",
        "subtype": "api_error",
        "name": "Selling API errors",
        "summary": (
            "A seller's or developer's integration gets errors from the Selling API (401/403, 429, 400, 5xx). A good "
            "outcome is the error classified from the request ids, a concrete fix for client-side causes, and "
            "platform errors escalated with evidence."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "collect_requests",
                "title": "Collect request ids and timing",
                "help": (
                    "x-nimbus-request-id values, UTC timestamps, endpoint and method, HTTP status, response body. "
                    "Never ask for tokens or secrets."
                ),
            },
            {
                "key": "check_authorisation",
                "title": "For 401 / 403, check the app's authorisation",
                "help": (
                    "App still authorised by the seller, the role the endpoint needs granted, refresh token not "
                    "revoked."
                ),
            },
            {
                "key": "check_rate",
                "title": "For 429, compare traffic with the limits",
                "help": (
                    "Per-endpoint rate and burst; look for bursts after a deployment. Suggest batch endpoints and "
                    "honouring Retry-After."
                ),
            },
            {
                "key": "check_payload",
                "title": "For 400, read the validation error",
                "help": "Compare the payload with the current API version's schema.",
            },
            {
                "key": "check_platform",
                "title": "For 5xx, check the status page and escalate",
                "help": "Transfer to the tool specialists with at least three request ids if no incident matches.",
            },
        ],
        "fields": [
            {"name": "app_id", "label": "App id", "type": "text", "required": True, "help": "e.g. nimbus-app-77310"},
            {
                "name": "endpoint",
                "label": "Method and endpoint",
                "type": "text",
                "required": True,
                "help": "e.g. PUT /v2/inventory/quantities",
            },
            {"name": "http_status", "label": "HTTP status", "type": "number", "required": True},
            {
                "name": "request_ids",
                "label": "Request ids",
                "type": "textarea",
                "required": True,
                "help": "One per line, with UTC time",
            },
            {"name": "first_seen", "label": "First seen", "type": "datetime", "required": True},
            {"name": "error_body", "label": "Error response body", "type": "textarea", "required": False},
            {"name": "all_calls_affected", "label": "All calls affected", "type": "yes_no", "required": True},
        ],
    },
]

# ---------------------------------------------------------------------------
# Other
# ---------------------------------------------------------------------------
PLAYBOOKS += [
    {
        "category": "other",
        "subtype": "",
        "name": "Other questions",
        "summary": (
            "Anything that fits no other category: store name changes, closing the store for holidays, account "
            "ownership transfers, new-seller questions. A good outcome is a complete answer, or the case "
            "re-categorised so the right playbook applies."
        ),
        "resolution_capability": "",
        "steps": [
            {
                "key": "recategorise",
                "title": "Check whether another category fits",
                "help": (
                    "Most 'other' cases are really orders, payments or listings; re-categorise before working them."
                ),
            },
            {
                "key": "split_questions",
                "title": "Split the questions",
                "help": "New sellers often ask several things; number them and answer each.",
            },
            {
                "key": "check_account",
                "title": "Check the account facts the answer depends on",
                "help": (
                    "Country, segment, fulfilment channel, account owner. Ownership changes need the owner's "
                    "confirmation."
                ),
            },
            {
                "key": "answer_seller",
                "title": "Answer with menu paths and links to help pages",
                "help": "e.g. Settings > Account info for store name, holiday mode for closures.",
            },
        ],
        "fields": [
            {"name": "topic_summary", "label": "Topic", "type": "text", "required": True, "max_length": 120},
            {"name": "seller_request", "label": "What the seller is asking", "type": "textarea", "required": True},
            {"name": "order_id", "label": "Order id", "type": "order_id", "required": False},
            {"name": "listing_id", "label": "Listing id", "type": "listing_id", "required": False},
            {
                "name": "better_category",
                "label": "Better category, if any",
                "type": "choice",
                "required": False,
                "choices": [
                    "None",
                    "order_fulfillment",
                    "returns_refunds",
                    "reimbursement",
                    "payments",
                    "listing",
                    "policy_compliance",
                    "account_health",
                    "account_access",
                    "appeals",
                    "inventory_logistics",
                    "advertising",
                    "technical",
                ],
            },
        ],
    },
]
