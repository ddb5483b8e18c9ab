"""Demo conversations for the fictional "Mercado Nimbus" marketplace.

Plain data only. ``CONVERSATIONS`` maps each case category value to a list of
conversations. Every conversation is a dict with ``lang`` ("en" or "es"),
``subject``, ``order_id`` (or None), ``listing_id`` (or None), ``urgent`` and
``turns``: a list of ``(role, text)`` tuples where role is "seller", "agent"
or "note" (internal note between agents, never shown to the seller). The first
turn is always the seller's.
"""

from __future__ import annotations

CONVERSATIONS: dict[str, list[dict]] = {}

# ---------------------------------------------------------------------------
# Order fulfilment
# ---------------------------------------------------------------------------
CONVERSATIONS["order_fulfillment"] = [
    {
        "lang": "en",
        "subject": "Order 112-4829301-5521904 not picked up by carrier, ship-by date is today",
        "order_id": "112-4829301-5521904",
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Hi, I booked a pickup with Nimbus Shipping for order 112-4829301-5521904 yesterday "
                "(window 14:00-18:00, confirmation PU-5530917). Nobody came. The package is still "
                "sitting at our warehouse door.\n\nShip-by date is TODAY 23:59. If this goes out late "
                "it hits my late shipment rate and it is not my fault. What can I do right now?",
            ),
            (
                "agent",
                "Thanks for including the pickup confirmation, that made this quick to trace. I checked "
                "PU-5530917 in the carrier portal: the driver closed the stop at 17:12 with the reason "
                '"no access", so there is no pickup scan on the label.\n\n'
                "I have done two things:\n"
                "1. Booked a priority re-pickup for today, 15:00-19:00, new confirmation PU-5531466.\n"
                "2. Flagged the order so that a first carrier scan after the ship-by date will not count "
                "toward your late shipment rate, since the missed pickup is on the carrier side.\n\n"
                '"No access" usually means a gate or a locked door. Is there a gate code or an '
                "entrance the driver needs to know about at 1840 Industrial Pkwy, Unit 4?",
            ),
            (
                "note",
                "Carrier portal: stop closed 17:12, reason 'no access', no pickup scan. Re-pickup "
                "PU-5531466 booked. Late-shipment exemption flag set on the order.",
            ),
            (
                "seller",
                "Yes there is a gate, code is 4417#. Nobody ever asked us for it before. Will the "
                "driver have it this time?",
            ),
            (
                "agent",
                "I've added gate code 4417# to the instructions for PU-5531466 and saved it on your "
                "default pickup address, so future bookings include it automatically. The driver "
                "manifest refreshes within about 30 minutes, so today's driver will see it.\n\n"
                "If there is still no pickup scan by 19:30, reply here and I'll call the carrier's "
                "Reno depot directly.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Buyer says not received, tracking says delivered - order 114-2207815-9034412",
        "order_id": "114-2207815-9034412",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Order 114-2207815-9034412. Tracking 1Z84W2E60312775590 shows delivered Mar 3, left at "
                "front door. Buyer opened a Nimbus Guarantee claim on Mar 9 saying nothing arrived. "
                "No signature, it's under the threshold. I have proof of shipment and the carrier's "
                "delivery GPS. Please don't take the $289.99 from me.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Orders cancelled automatically but I already shipped them",
        "order_id": "171-3340912-7781203",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hello team, good day. Yesterday 6 orders was cancelled by system, I don't cancel them. "
                "But I already ship them all with Correos Express in the morning and I have the "
                "tracking. Now the buyers will receive product and I have no payment??\n\n"
                "Orders are: 171-3340912-7781203, 171-3340988-1029354, 171-3341002-6650127 and three "
                "more I can send. Please help me, I am small seller.",
            ),
            (
                "agent",
                "Hello, and thank you for the order numbers. I checked the first three: they were "
                "cancelled at 02:00 on 14 May because the shipment was not confirmed in Mercado Nimbus "
                "before the ship-by deadline (13 May, 23:59). Unconfirmed orders are cancelled "
                "automatically after that, even if the parcel has left.\n\n"
                "Because the parcels are already with Correos Express, here is what we can do:\n"
                "- Send me the tracking number and the date of the first carrier scan for each order.\n"
                "- If the first scan is on or before 13 May, I can reinstate the order so you are paid.\n"
                "- Please also send the other three order numbers.\n\n"
                "For the future: after you give the parcel to the carrier, go to Orders > Unshipped > "
                "Confirm shipment and paste the tracking number on the same day.",
            ),
            (
                "note",
                "Auto-cancel cause: no shipment confirmation. Seller screenshot shows carrier scans "
                "13/05 09:40 -> eligible for reinstatement. Waiting for the remaining 3 order ids.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "No puedo confirmar el envío: el número de guía me marca inválido",
        "order_id": "702-5518320-4476011",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Buenas tardes. Estoy intentando confirmar el envío del pedido 702-5518320-4476011 con "
                'Estafeta y me sale "Número de seguimiento no válido para el transportista '
                'seleccionado". La guía es 8055241733 y la generé hoy en la mañana en el portal de '
                "Estafeta. Ya lo intenté como 3 veces. ¿Qué hago? Se me vence hoy.",
            ),
            (
                "agent",
                "Buenas tardes. Gracias por pasar la guía completa. Ese número de 10 dígitos es el "
                "código de rastreo corto de Estafeta, y para validarlo hay que elegir como "
                'transportista "Estafeta (código corto)" y no "Estafeta", que espera el número '
                "largo de 22 caracteres. Por eso le sale el error.\n\n"
                "Intente así: Pedidos > Confirmar envío > Transportista: Estafeta (código corto) > "
                "Número: 8055241733. Si aun así falla, avíseme y lo registro yo manualmente desde aquí.",
            ),
            ("seller", "Ya quedó, ¡muchas gracias! No sabía lo del código corto."),
            (
                "agent",
                "Perfecto, ya veo el pedido como enviado con fecha de hoy, así que está dentro del "
                "plazo y no cuenta como envío tardío. Que tenga buena tarde.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Pedido enviado en dos bultos, el cliente solo ha recibido uno",
        "order_id": "403-9911245-2038716",
        "listing_id": "NB-MSA60RBL2K",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola. El pedido 403-9911245-2038716 (mesa auxiliar de roble, SKU MES-AUX-ROBLE-60) va "
                "en dos bultos: tablero y patas. SEUR entregó el bulto 1 el lunes y el bulto 2 lleva "
                'cuatro días en la delegación de Zaragoza con el estado "en reparto". El cliente ya '
                "me ha escrito dos veces y está bastante mosqueado. He llamado a SEUR y no me dicen "
                "nada. ¿Podéis hacer algo desde vuestro lado?",
            ),
            (
                "agent",
                "Hola. He revisado los dos seguimientos: el bulto 1 (0231 8840 5512) se entregó el "
                "lunes a las 11:02 y el bulto 2 (0231 8840 5513) tiene la última lectura en "
                "Zaragoza-Plaza el jueves pasado, sin movimiento desde entonces. He abierto una "
                "incidencia de localización con SEUR por nuestro canal de empresa (referencia "
                "INC-44810); suelen contestar en 48 horas laborables.\n\n"
                "También he escrito al comprador desde el pedido para decirle que el segundo bulto "
                "está en búsqueda y que tendrá noticias el miércoles como tarde.\n\n"
                "Si SEUR da el bulto por perdido, le propongo enviar un juego de patas de reposición "
                "y reclamar a SEUR el valor del bulto; si lo prefiere, también puede ofrecer un "
                "reembolso parcial. Le escribo en cuanto tenga respuesta.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Returns and refunds
# ---------------------------------------------------------------------------
CONVERSATIONS["returns_refunds"] = [
    {
        "lang": "en",
        "subject": "Buyer returned an EMPTY BOX for a $1,240.00 laptop - order 113-6027714-8830152",
        "order_id": "113-6027714-8830152",
        "listing_id": "NB-LT7Q2M9XKA",
        "urgent": False,
        "turns": [
            (
                "seller",
                "This is unbelievable. Buyer returned order 113-6027714-8830152 (Lumen 14 Pro laptop, "
                "serial PF4K2Z9M) and the box that came back is EMPTY. It weighed 0.4 kg, the original "
                "shipment was 2.9 kg. Your system auto-refunded the buyer $1,240.00 the moment the "
                "return label was scanned. I have video of us opening the package. I want my money "
                "back and this buyer banned.",
            ),
            (
                "agent",
                "I understand, and an empty return for a laptop is exactly the kind of case we need to "
                "investigate properly. To open a return-abuse claim I need:\n"
                "1. The unboxing video, uncut, showing the return label and tracking number before the "
                "box is opened.\n"
                "2. A photo of the box on a scale, if you have one.\n\n"
                "You don't need to send the outbound weight: I can see 2.9 kg on your original label "
                "(1Z7A93E00391822054). The return tracking (1Z7A93E90400218836) shows a carrier weight "
                "of 0.45 kg at first scan, which supports what you're saying. Please upload the files "
                "with the Attach button on this case; videos up to 500 MB are fine.",
            ),
            ("seller", "Uploaded. 3 min video, label visible at 0:12."),
            (
                "note",
                "Video OK: label 1Z7A93E90400218836 visible at 0:12, tape intact, box empty. Carrier "
                "weight 0.45 kg vs 2.9 kg outbound. Filed return abuse RTA-20931.",
            ),
            (
                "agent",
                "Thank you, the video is clear. I've filed the claim with our buyer-abuse team "
                "(reference RTA-20931), including the weight mismatch at the first carrier scan.\n\n"
                "- Reimbursement: with evidence like this the team normally decides within 5 business "
                "days, and the $1,240.00 comes back as a credit in your next disbursement.\n"
                "- The buyer: we can't share what action we take on a buyer account, but the case is "
                "on their record.\n\n"
                "A police report is optional for our claim, but it helps if the carrier opens its own "
                "investigation.",
            ),
            ("seller", "Fine. 5 business days. I'll be checking."),
        ],
    },
    {
        "lang": "en",
        "subject": "Returned item is not the one I sent (cheaper model, no box)",
        "order_id": "111-8405529-3317260",
        "listing_id": "NB-HD4S8WQ21P",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi, order 111-8405529-3317260 was a pair of Sonora ANC-700 headphones, black. The "
                "return arrived today and inside is a pair of ANC-120 (the $59 model), scratched, no "
                "box, no case. All my units have a small UV marker dot inside the left ear cup and this "
                "one doesn't. Photos attached, plus the serial of the unit I shipped (SN 7004418823). "
                "The buyer was already refunded $398.00. How do I get this reversed?\n\nThanks, Dana",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Why was a return accepted 71 days after delivery?",
        "order_id": "112-0093817-6624509",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hello, I noticed a refund of $64.50 for order 112-0093817-6624509. The order was "
                "delivered on January 4 and the return request came in on March 16, which is well past "
                "the 30-day window in my return settings. Could you help me understand why it was "
                "approved automatically? I'm not against helping the buyer, I'd just like to know the "
                "rule. Many thanks.",
            ),
            (
                "agent",
                'Hello, thanks for the clear details. The buyer chose the return reason "Item '
                'defective / stopped working". Your 30-day window applies to change-of-mind returns; '
                "returns for defective items follow the marketplace's 90-day guarantee in Small "
                "Appliances, and within that period they're authorised automatically. So the approval "
                "was correct under the current policy, even though it doesn't match your own setting.",
            ),
            ("note", "Return reason 'Defective'; 90-day guarantee applies. Approval correct, no action."),
            ("seller", "Understood. If the item comes back working, can I charge anything?"),
            (
                "agent",
                "Yes. Inspect it within 7 days of it arriving. If it works and is resaleable, open "
                'Returns > this order > Report return condition and choose "Not defective". You can '
                "then deduct up to 20% as a restocking fee, the maximum for this category.\n\nAttach a "
                "short video of the unit powering on and working; without it these requests are "
                "usually declined when the buyer disputes them.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Devolución de zapatillas usadas: quiero hacer un reembolso parcial",
        "order_id": "402-1186320-7749015",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Buenos días, me ha llegado la devolución del pedido 402-1186320-7749015 (zapatillas de "
                "running, talla 42, EUR 119,95). Vienen claramente usadas: suela con barro y plantillas "
                'gastadas. El motivo de devolución era "ya no lo quiero". ¿Puedo devolver solo una '
                "parte? No me parece justo devolver los 119,95 enteros.",
            ),
            (
                "agent",
                "Buenos días. Sí: en las devoluciones por desistimiento, si el artículo vuelve con un "
                "uso que va más allá de probárselo, puede aplicar una reducción por depreciación.\n"
                "1. Devoluciones > pedido 402-1186320-7749015 > Emitir reembolso > Reembolso parcial.\n"
                '2. Indique el importe que descuenta y el motivo "Artículo usado o dañado por el '
                'comprador".\n'
                "3. Adjunte al menos 3 fotos (suela, plantillas y vista general).\n\n"
                "Como referencia, en calzado usado en exterior con fotos claras se suelen aceptar "
                "descuentos de hasta el 50 %. Si descuenta más, es probable que el comprador reclame y "
                "que tenga que devolver la diferencia. Tiene 2 días hábiles desde la recepción para "
                "emitir el reembolso.",
            ),
            ("seller", "Vale, he hecho un reembolso de 59,98 y he subido 5 fotos. Gracias."),
        ],
    },
    {
        "lang": "es",
        "subject": "Reembolsaron al cliente y el producto nunca me regresó",
        "order_id": "701-4420918-5531276",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, buen día. Al cliente del pedido 701-4420918-5531276 le reembolsaron $2,350.00 "
                "MXN hace 20 días y la guía de devolución nunca tuvo movimiento. O sea, tiene el dinero "
                "y la freidora de aire. ¿Me van a reponer el dinero o qué procede?",
            ),
            (
                "agent",
                "Buen día. Revisé el caso: el reembolso se emitió al crearse la devolución porque el "
                "comprador tiene reembolso inmediato, y la guía DHL 4470218835 no registra ningún "
                "escaneo. Según la política, si el artículo no se entrega a la paquetería en 30 días "
                "naturales, se le vuelve a cobrar al comprador, y si ese cargo no procede, se le "
                "reembolsa a usted.\n\n"
                "El plazo vence el 12 de junio. Dejé un recordatorio en el caso: si el 13 la guía sigue "
                "sin movimiento, el cargo al comprador se intenta automáticamente y usted verá el "
                "ajuste en su liquidación en 3 a 5 días hábiles. No tiene que abrir nada más; le "
                "escribo por aquí el 13 con el resultado.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Reimbursement
# ---------------------------------------------------------------------------
CONVERSATIONS["reimbursement"] = [
    {
        "lang": "en",
        "subject": "14 units lost at Nimbus Fulfillment after check-in, shipment NFS-7Q4K21M8",
        "order_id": None,
        "listing_id": "NB-KT92LMX4PB",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi. Shipment NFS-7Q4K21M8 was received complete on Feb 12: 120 units of SKU "
                "CAST-IRON-10IN (FNSKU X00JQ4T2ZW). Sales since then: 38. So I should have 82 "
                "available. I show 68. The inventory ledger has two 'Misplaced' entries (-9 on Feb 27, "
                "-5 on Mar 3) and no 'Found' entries after. It's been more than 30 days. Please "
                "reimburse. My price is $34.99.",
            ),
            (
                "agent",
                "Thanks for pulling the ledger already. I confirmed both adjustments at RNO2 (9 units on "
                "Feb 27, 5 units on Mar 3) with no matching found events, and since it's been over 30 "
                "days they're eligible.\n\n"
                "I opened reimbursement request RMB-118204 for 14 units. The amount is based on your "
                "average sale price over the last 90 days, minus the referral and fulfilment fees we "
                "would have charged, so expect around $26.10 per unit, about $365.40 in total, not the "
                "full $34.99.\n\nIf you'd rather have the units found, I can request a physical recount "
                "instead, but that takes 10-14 days and pauses the reimbursement.",
            ),
            (
                "note",
                "Ledger: -9 misplaced 27/02 RNO2, -5 misplaced 03/03 RNO2, no found. >30 days. "
                "RMB-118204 raised for 14 units.",
            ),
            ("seller", "Just pay it. Why $26.10 though, my fees are not $8.89 per unit."),
            (
                "agent",
                "Fair question. For CAST-IRON-10IN: average sale price over the last 90 days was $33.49 "
                "(your January promotion pulled it down), minus the 15% referral fee ($5.02) and the "
                "fulfilment fee for a 2.6 kg standard-size item ($2.37) = $26.10.\n\nRMB-118204 was "
                'approved this morning; $365.40 will show as "Inventory reimbursement - lost: '
                'warehouse" in your next disbursement on Mar 21.',
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Reimbursement for damaged units valued way below my price (RMB-097733)",
        "order_id": None,
        "listing_id": "NB-LDL5BK0M3R",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Got a reimbursement of $8.40 per unit for 6 units of SKU LED-DESK-LAMP-BLK marked "
                "damaged at the warehouse (RMB-097733). I sell that lamp at $24.99 and my cost alone is "
                "$11.20. How is $8.40 calculated? Feels like a mistake.",
            ),
            (
                "agent",
                "You're right to question it. RMB-097733 used an estimated value because there were no "
                "sales of that SKU in the 90 days before the damage date (the listing was inactive from "
                "Oct 2 to Jan 8). Without sales history the system falls back to a category estimate, "
                "which is often low.\n\n"
                "You can ask for a re-evaluation with proof of cost: upload the supplier invoice that "
                "shows the unit cost of LED-DESK-LAMP-BLK. You may redact everything except the SKU or "
                "product name, quantity, unit price and date. With the invoice we pay the higher of "
                "the estimate and the documented cost, so at least $11.20 per unit.",
            ),
            ("seller", "Attached invoice INV-2023-0418 from Shenzhen Lumen Co, 500 pcs at $11.20 each."),
        ],
    },
    {
        "lang": "en",
        "subject": "Lots of damaged/misplaced adjustments, not sure which ones were reimbursed",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi there, sorry, this is going to be a long one. I was doing my monthly reconciliation "
                "(big spreadsheet, my accountant insists) and found a bunch of lines in the Inventory "
                "Adjustments report with reason codes E, M and some Q, across three SKUs: "
                "YOGA-MAT-6MM-PURPLE (X00KP3R8D1), YOGA-MAT-6MM-GREY (X00KP3R8D2) and STRAP-COTTON-180. "
                "In total I count 23 units between October and December.\n\n"
                "Some of them seem to have a reimbursement, but the numbers don't line up. For example "
                "on Nov 14 there are 4 purple mats damaged, then a reimbursement on Nov 29 for 3 units, "
                "then on Dec 2 a 'found' for 1 unit. Was that unit one of the damaged ones? I honestly "
                "can't tell. Also 2 grey mats were 'disposed', which I never asked for.\n\n"
                "Could someone go through these with me and tell me which are still owed? My "
                "spreadsheet with the transaction IDs is attached. I'm not trying to get paid twice, I "
                "just want it to be right.\n\nThanks so much, Priya",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Reclamación por unidades perdidas en recepción denegada sin motivo claro",
        "order_id": None,
        "listing_id": "NB-CFT6Z2VQ8H",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, abrí una reclamación por 12 unidades perdidas del SKU CAFETERA-ITAL-6T en el "
                "almacén de Getafe (envío NFS-3M8Q0T5V, recibido el 2 de octubre) y me la han cerrado "
                'con "No se puede verificar la discrepancia". Yo envié 60 unidades y tengo el '
                "albarán firmado por el transportista. ¿Cómo que no se puede verificar?",
            ),
            (
                "agent",
                "Hola. La recepción en Getafe registró 48 unidades. La reclamación no se denegó porque "
                "no tenga razón, sino porque llegó con la prueba de entrega pero sin la lista de "
                "empaque (unidades por caja), y sin ella no se puede saber qué caja falta.\n\n"
                "Si me envía la lista de empaque, reabro la reclamación como investigación de "
                "recepción. Suelen responder en 7-10 días: o encuentran las unidades y las suman a su "
                "inventario, o se le reembolsan.",
            ),
            (
                "seller",
                "Adjunto la lista de empaque: 5 cajas de 12. Creo que falta la caja 4, porque el palé "
                "pesaba 118 kg al salir y en la recepción pone 96.",
            ),
            (
                "note",
                "Reabierta como REC-55271. Diferencia de 22 kg = 1 caja de 12 uds (aprox. 1,8 kg/ud). "
                "Probable caja no escaneada en muelle.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Devolución de cliente sin reingresar al inventario después de 45 días",
        "order_id": "701-9028374-1156620",
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Qué tal. El pedido 701-9028374-1156620 se le reembolsó al cliente el 3 de abril "
                "($1,189.00 MXN) y el producto nunca se reingresó a mi inventario en el centro de "
                "fulfillment. Ya pasaron más de 45 días. ¿Me corresponde un reembolso?",
            ),
            (
                "agent",
                "Qué tal. Sí le corresponde. El cliente dejó el paquete en la paquetería el 6 de abril, "
                "pero no hay registro de recepción en el centro de Tepotzotlán, y al superar 45 días "
                "desde el reembolso sin reingreso, la política es reembolsarle el artículo.\n\n"
                "Ya generé la solicitud RMB-203391 por 1 unidad. El monto es el precio del producto que "
                "se le reembolsó al cliente, sin el envío, y aparecerá en su siguiente liquidación como "
                '"Reembolso de inventario - devolución de cliente". Si el paquete aparece después, la '
                "unidad se añade a su inventario y el reembolso se revierte.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Payments
# ---------------------------------------------------------------------------
CONVERSATIONS["payments"] = [
    {
        "lang": "en",
        "subject": "Disbursement of $18,420.55 on hold - need it for payroll on Friday",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Our disbursement of $18,420.55 scheduled for June 6 shows 'On hold - under review'. "
                "No email, no explanation. We have 9 employees and payroll is on Friday. We've sold "
                "here for 4 years without a single issue. What is going on and when will it be released?",
            ),
            (
                "agent",
                "I can see the hold and the reason. On June 4 the bank account on your account was "
                "changed (account ending 7731 replaced by account ending 0288). Any bank account change "
                "triggers a payment verification hold to protect against account takeover. It has "
                "nothing to do with your performance.\n\n"
                "To release it I need:\n"
                "1. The name of the person who made the change.\n"
                "2. A bank statement or bank letter for the account ending 0288, showing the name "
                "Ridgeline Outdoor LLC and the account number, dated within the last 90 days.\n\n"
                "Verification usually takes 1 business day, and the transfer goes out the same day "
                "the hold is lifted.",
            ),
            ("seller", "That was our new bookkeeper, Marcus Lee. Bank letter from First Interstate attached."),
            (
                "note",
                "Bank letter matches legal name + acct ending 0288. Change made from a known device and "
                "IP. Sent to Payments Risk for expedited release, PRV-77012.",
            ),
            (
                "agent",
                "Thanks. The letter matches your legal entity name and account number, and the change "
                "was made from a device that has been used on your account before, so I asked the "
                "payments risk team to expedite (PRV-77012). They released it a few minutes ago: the "
                "$18,420.55 transfer is initiated tonight and ACH normally lands in 1-2 business days, "
                "so Thursday at the latest.\n\n"
                "For next time: give Marcus his own user login. Bank changes made by a named user with "
                "the Payments permission still need verification, but they're reviewed much faster "
                "than changes made from a shared login.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Payout of EUR 3,812.70 failed - returned by bank",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hello, the payout of EUR 3,812.70 from 15 May shows 'Failed - returned by bank'. I "
                "switched to a Revolut Business IBAN last week (starts LT60 3250). Why was it rejected?",
            ),
            (
                "agent",
                'Hello. The transfer came back from the receiving bank with the reason "beneficiary '
                'name does not match account". In your payment settings the IBAN and BIC (REVOLT21) '
                'are correct, but the account holder name is "Anna Kowalska", while the Revolut '
                'account belongs to "Kowalska Home Sp. z o.o.". Revolut Business rejects incoming '
                "transfers when the name doesn't match the business.\n\n"
                "Please change the account holder name under Settings > Payment information to the "
                "exact company name on the Revolut account. The EUR 3,812.70 stays in your balance and "
                "would normally go out with the next scheduled payout on 29 May. If you need it sooner, "
                "tell me once the name is fixed and I'll trigger a one-off payout.",
            ),
            ("seller", "Fixed the name. Yes please send it now, I have VAT due on the 25th."),
        ],
    },
    {
        "lang": "en",
        "subject": "where is my payment",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Settlement period ended 3 days ago. Statement says $2,106.44 transferred. Not in my "
                "bank. Chase, account ending 5520. Trace number?",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Me han retenido parte del saldo como reserva, ¿por qué?",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Hola. En el último informe de liquidación aparece una línea "Reserva de saldo" de '
                "EUR 1.420,00 y solo me han transferido EUR 612,35. Llevo dos años vendiendo y nunca "
                "me había pasado. ¿Qué es esto y cuándo me lo devolvéis?",
            ),
            (
                "agent",
                "Hola. La reserva de saldo es la parte de las ventas que retenemos hasta que el pedido "
                "se entrega, para cubrir posibles reembolsos o reclamaciones. En su cuenta se ha "
                "aplicado porque desde el 1 de noviembre usa la opción de entrega programada (hasta 10 "
                "días), y la reserva cubre los 38 pedidos que aún no se han entregado, EUR 1.420,00 en "
                "total.\n\n"
                "No es una sanción. El importe se libera pedido a pedido, 7 días después de la entrega "
                "confirmada, y se suma a la siguiente liquidación. El detalle está en Pagos > Informe "
                "de fechas de liberación.",
            ),
            ("seller", "Vale, entendido, pero 7 días después de la entrega me parece mucho. ¿Se puede reducir?"),
            (
                "agent",
                "Para cuentas con más de un año y buenos indicadores, como la suya, se puede pedir la "
                "liberación anticipada, que reduce el plazo a 2 días tras la entrega. Lo he solicitado "
                "ahora mismo (referencia PAY-30188). Suelen responder en 3 días hábiles y, si lo "
                "aprueban, se aplica desde la siguiente liquidación.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Retenciones de ISR e IVA muy altas en mi liquidación",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Buenas tardes. En la liquidación de esta quincena me retuvieron ISR por $15,103.45 y "
                "IVA por $12,082.76 sobre ventas de $87,600.00 (con IVA). Una amiga que también vende "
                "aquí dice que a ella le retienen muchísimo menos. ¿Por qué a mí tanto?",
            ),
            (
                "agent",
                "Buenas tardes. La diferencia es el RFC. Cuando tenemos un RFC válido del vendedor, "
                "la ley nos obliga a retener 1 % de ISR y 8 % de IVA sobre el valor sin IVA. Si no hay "
                "RFC o el SAT no lo valida, la retención es de 20 % de ISR y 16 % de IVA, que es lo "
                "que le están aplicando.\n\n"
                "El RFC que capturó fue rechazado por el SAT el 2 de marzo porque el nombre no coincide "
                "con su constancia de situación fiscal. Para corregirlo: Configuración > Información "
                "fiscal, capture el nombre exactamente como aparece en la constancia y suba la "
                "constancia en PDF. La validación tarda 24-48 horas y la tasa reducida aplica desde la "
                "siguiente liquidación.\n\n"
                "Lo ya retenido no se pierde: aparece en su CFDI de retenciones mensual y lo puede "
                "acreditar en su declaración.",
            ),
            ("note", "RFC rechazado por SAT el 02/03 (nombre). Tasa alta desde entonces. Explicada la recaptura."),
        ],
    },
]

# ---------------------------------------------------------------------------
# Listing
# ---------------------------------------------------------------------------
CONVERSATIONS["listing"] = [
    {
        "lang": "en",
        "subject": "Listing NB-B08XK2L9QZ suppressed - 'Missing required attributes'",
        "order_id": None,
        "listing_id": "NB-B08XK2L9QZ",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi, my listing NB-B08XK2L9QZ (Bamboo Cutting Board Set, 3 pcs) went to 'Suppressed' "
                "overnight. The message just says 'Missing required attributes'. I haven't edited it "
                "in months. Which attributes?",
            ),
            (
                "agent",
                "Hi. The Kitchen > Cutting Boards category added three required attributes on the 1st "
                "of this month and existing listings had 30 days to fill them in; that ended "
                "yesterday. Your listing is missing:\n"
                "- item_weight (weight of the set itself, not the shipping weight)\n"
                "- material_type (your title says bamboo, but the field is empty)\n"
                "- number_of_pieces\n\n"
                "You can add them under Inventory > Edit listing > More details, or with the Kitchen "
                "flat file template. The listing usually reactivates within 15 minutes of saving. Two "
                "more of your listings in the same category are affected: NB-B08XK2L9R1 and "
                "NB-B09AA71MTC.",
            ),
            ("seller", "Added on all three. The first one is back, the other two are still suppressed after 1 hour."),
            (
                "agent",
                'I checked both. NB-B08XK2L9R1 has number_of_pieces saved as "3 pcs"; that field only '
                "accepts a number, so the update was rejected. Change it to 3 and it will go through. "
                "NB-B09AA71MTC is fine, it reactivated five minutes ago, indexing just took longer.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Another seller changed the title and main image of my brand listing",
        "order_id": None,
        "listing_id": "NB-GRV0X8N3TQ",
        "urgent": False,
        "turns": [
            (
                "seller",
                "I own the brand GROVEWELL (enrolled in Brand Registry, US trademark reg. 6,914,220). "
                "Today my listing NB-GRV0X8N3TQ has a different title ('Generic Plant Pot Set...') and "
                "the main image is someone else's photo. Another seller is now on the listing $3 below "
                "me. Fix it please, this is hurting my sales right now.",
            ),
            (
                "agent",
                "I see the change: another seller account submitted a new title, brand value and main "
                'image at 06:41 today. Because it came in with the brand set to "Generic", it slipped '
                "past your brand protection. I have:\n"
                "- Restored the title, brand field and all 7 images to your version from yesterday.\n"
                "- Locked title, brand and images so only your brand account can change them.\n"
                "- Reported the other seller's offer for selling a different product on your listing "
                "(ref BRP-40772); the team decides within 48 hours.\n\n"
                "If the other seller keeps coming back, a report under Brand Protection > Report a "
                "violation with photos from a test buy is the strongest evidence you can give us.",
            ),
            ("note", "Contribution 06:41 from seller 88102437 reverted. Attribute lock set. BRP-40772 opened."),
        ],
    },
    {
        "lang": "en",
        "subject": "Size variations split into separate listings after a price-only flat file upload",
        "order_id": None,
        "listing_id": "NB-TS5W2CRN0L",
        "urgent": False,
        "turns": [
            (
                "seller",
                "After I uploaded a flat file yesterday to update prices, my T-shirt family (parent SKU "
                "TEE-ORGANIC-PARENT, listing NB-TS5W2CRN0L) broke apart. Now S, M, L and XL each show "
                "as their own listing with no size selector, and all 212 reviews only show on the M "
                "one. I didn't touch parentage, only the price column. Can you merge them back? I can "
                "send the file.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Anuncio suprimido por la imagen principal",
        "order_id": None,
        "listing_id": "NB-LMP44Z0QH7",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Buenas, el anuncio NB-LMP44Z0QH7 (lámpara de pie de ratán) aparece como suprimido por "
                '"La imagen principal no cumple los requisitos". Es una foto profesional, no entiendo '
                "qué le pasa.",
            ),
            (
                "agent",
                "Buenas. La foto es buena; el problema es el fondo. En la imagen principal el fondo "
                "tiene que ser blanco puro (RGB 255, 255, 255), y en la suya hay un degradado gris "
                "claro en la parte de abajo y una sombra que ocupa casi un tercio de la imagen. El "
                "sistema mide el color de los bordes y, si no es blanco, suprime el anuncio.\n\n"
                "Puede dejar esa foto como imagen secundaria (ahí sí se admiten ambientes y fondos de "
                "color) y subir como principal una versión recortada sobre blanco, con el producto "
                "ocupando al menos el 85 % del encuadre. En cuanto la cambie, el anuncio se reactiva "
                "en unos 15-30 minutos.",
            ),
            ("seller", "Ok, ya la he cambiado. Gracias por explicarlo tan claro."),
        ],
    },
    {
        "lang": "es",
        "subject": "Desactivaron mi anuncio por 'precio potencialmente erróneo' en pleno Hot Sale",
        "order_id": None,
        "listing_id": "NB-TV65QLX9MA",
        "urgent": True,
        "turns": [
            (
                "seller",
                "URGENTE. Mi anuncio NB-TV65QLX9MA (pantalla QLED de 65 pulgadas) está inactivo por "
                '"precio potencialmente erróneo". Lo puse en $11,499.00 para el Hot Sale que empezó '
                "hoy; el precio normal es $15,999.00. No es error, es la promoción. Se me está yendo la "
                "venta del año. ¿Cómo lo reactivo YA?",
            ),
            (
                "agent",
                "Entiendo la prisa. La alerta no fue una revisión manual: el precio nuevo quedó por "
                "debajo del precio mínimo que usted mismo tiene configurado para ese SKU ($13,000.00), "
                "y en ese caso el sistema desactiva el anuncio para protegerlo de un error.\n\n"
                "Ya lo reactivé con una excepción temporal para ese SKU hasta el cierre del Hot Sale "
                "(31 de mayo); está activo desde las 10:42. Para que no le pase con otros productos de "
                "la promoción, revise Precios > Límites de precio y baje el mínimo en los SKU con "
                "descuento. Si me pasa la lista de SKU, le digo cuáles tienen el mismo problema.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Policy compliance
# ---------------------------------------------------------------------------
CONVERSATIONS["policy_compliance"] = [
    {
        "lang": "en",
        "subject": "Sheet face masks flagged as PPE and removed - Black Friday is this week",
        "order_id": None,
        "listing_id": "NB-SKN7H3MSK2",
        "urgent": True,
        "turns": [
            (
                "seller",
                "Hello, 11 of my listings were removed this morning with the reason 'Personal "
                "Protective Equipment - documentation required'. They are Korean SHEET FACE MASKS for "
                "skincare (hyaluronic, snail mucin, etc.), not medical masks! Example: NB-SKN7H3MSK2 "
                "'Hydrating Sheet Face Mask 10-pack'. Black Friday is on Friday and these are my best "
                "sellers. Please help.",
            ),
            (
                "agent",
                'Hello. I can see what happened: our PPE detector flags listings where "mask" appears '
                'together with words like "protection", "filter" or "layer". Your titles say '
                '"UV protection" and "3-layer cotton sheet", so the skincare masks were caught. '
                "They are cosmetics, not PPE, so this is a false positive.\n\n"
                "I've sent all 11 listings for manual review as cosmetics, with priority because of "
                "the sales event (ref CMP-91044). Priority reviews are usually done within 24 hours.\n\n"
                "To avoid repeats: three of the 11 are set to the product type Health > Masks; please "
                'change them to Skin Care > Face Masks. And if it fits the product, "after-sun" '
                'works better than "UV protection" in the title.',
            ),
            (
                "note",
                "PPE keyword false positive (mask + protection/layer). 11 listings -> manual review "
                "CMP-91044, priority. 3 miscategorised under Health > Masks.",
            ),
            ("seller", "Changed the product type on the 3 and edited the titles. Still waiting."),
            (
                "agent",
                "All 11 were reviewed and reinstated at 16:20; they're live again. Search can take up "
                "to an hour to show them everywhere. I've also added a note to your account that your "
                "sheet masks are cosmetics, so if the detector flags them again a person checks before "
                "anything is removed.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Citronella bracelet removed as an 'unregistered pesticide'",
        "order_id": None,
        "listing_id": "NB-MSQ0B4RZ71",
        "urgent": False,
        "turns": [
            (
                "seller",
                "My citronella bracelet listing NB-MSQ0B4RZ71 was removed under the pesticide policy. "
                "It's just citronella oil on a silicone band. Natural, no chemicals. How is that a "
                "pesticide?",
            ),
            (
                "agent",
                "Thanks for asking before relisting. In the US any product that claims to repel or "
                "kill insects is regulated as a pesticide, whatever its ingredients. A repellent needs "
                "either an EPA registration number or to qualify as a minimum-risk pesticide under "
                "FIFRA 25(b): only approved active and inert ingredients, every ingredient listed by "
                'name on the label, and no public health claims (e.g. "prevents disease").\n\n'
                "Please send:\n"
                "1. The full ingredient list of the band and the oil, inert ingredients included.\n"
                "2. A photo of the label or packaging.\n"
                "If it qualifies as 25(b) we can reinstate it. Otherwise it could only go back up "
                "without any insect claims, which for this product isn't much use.",
            ),
            ("seller", "Label attached. Ingredients: citronella oil 10%, silicone, and 'fragrance'. Does that work?"),
        ],
    },
    {
        "lang": "en",
        "subject": "Trademark complaint from the brand, but I bought from their authorised distributor",
        "order_id": None,
        "listing_id": "NB-CF1ZR8K2E0",
        "urgent": False,
        "turns": [
            (
                "seller",
                "My offer on NB-CF1ZR8K2E0 (BrewPress Clear coffee maker) was removed because of a "
                "TRADEMARK complaint from the brand. I bought 200 units from an authorised distributor, "
                "I have the invoices. This is just the brand trying to kill resellers. Reselling "
                "genuine products is legal. I want my offer back today.",
            ),
            (
                "agent",
                "I understand the frustration. The complaint (IPC-660213) was filed by the rights owner, "
                "and we can't reinstate the offer on our own, even with invoices, while it stands. "
                "What works in practice:\n"
                "1. Write to the complainant at the email in the removal notice, attach your "
                "distributor invoice and ask for a retraction. Once they send it to us, reinstatement "
                "takes 1-2 business days.\n"
                "2. If you believe the complaint is invalid, reply to the notice with the invoice and "
                "an explanation. We review it, but without a retraction the chances are lower.\n\n"
                "The invoice should show the distributor's name and address, your business name, the "
                "product and quantity, and be dated within the last 365 days. As this is your first "
                "complaint, it doesn't put your account at risk.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Perfume bloqueado como mercancía peligrosa: me piden la ficha de seguridad",
        "order_id": None,
        "listing_id": "NB-PRF3N90XWD",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, he creado el anuncio NB-PRF3N90XWD (eau de parfum 100 ml, marca propia) y se ha "
                'quedado en "Revisión de mercancías peligrosas". Me piden una FDS. Yo no la tengo, el '
                "perfume me lo fabrica un laboratorio de Alicante. ¿Qué hago?",
            ),
            (
                "agent",
                "Hola. Los perfumes con alcohol son líquidos inflamables para el transporte (clase 3, "
                "normalmente UN 1266), por eso pedimos la ficha de datos de seguridad antes de activar "
                "el anuncio. No la tiene que hacer usted: el laboratorio que lo fabrica está obligado a "
                "tenerla y a facilitársela.\n\n"
                "Pídales la FDS del producto terminado, no la de la fragancia concentrada, en español o "
                "inglés. Compruebe que la sección 14 indica el número ONU y la clase de transporte. "
                "Luego súbala en Inventario > Documentos de cumplimiento > Mercancías peligrosas. La "
                "revisión tarda 2-4 días hábiles.",
            ),
            (
                "seller",
                'El laboratorio me ha mandado la FDS pero es de 2017 y en la sección 14 pone "no aplicable". ¿Vale?',
            ),
            (
                "agent",
                "Me temo que no. Desde enero de 2023 las FDS tienen que seguir el formato del "
                'Reglamento (UE) 2020/878, y una de 2017 la van a rechazar. Además, con "no '
                'aplicable" en la sección 14 no podemos clasificarlo para el transporte. Pídales la '
                "versión actualizada conforme al 2020/878 con los datos de transporte completos; "
                "cualquier fabricante que venda en la UE la tiene o la genera en pocos días.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Aviso por reseñas incentivadas, solo metí una tarjeta de agradecimiento",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, me llegó un aviso por infringir la política de reseñas de clientes. Dice que "
                "ofrecí incentivos a cambio de reseñas. Lo único que hago es meter en cada paquete una "
                'tarjetita que dice "¡Gracias por tu compra! Si te gustó, déjanos 5 estrellas y te '
                'mandamos un cupón de 15 % para tu próxima compra". Es una tarjeta de agradecimiento, '
                "no estoy comprando reseñas. ¿Me pueden quitar el aviso? Vendo fundas de celular, "
                "tienda CaseMania MX.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Account health
# ---------------------------------------------------------------------------
CONVERSATIONS["account_health"] = [
    {
        "lang": "en",
        "subject": "Return dissatisfaction rate 27% - account at risk, 72 hours to respond",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Got an 'Account at risk' notice this morning: Return Dissatisfaction Rate 27%, target "
                "under 10%. It says I have 72 hours to submit a plan or my selling privileges may be "
                "restricted. We get maybe 40 returns a month and I answer all of them. I don't see how "
                "it's 27%. Help.",
            ),
            (
                "agent",
                "Let's look at what's in it. A return counts as dissatisfied if the buyer left negative "
                "return feedback, if the request wasn't answered within 48 hours, or if it was "
                "wrongly rejected. Last 30 days: 41 return requests, 11 dissatisfied = 27%.\n\n"
                "Of those 11:\n"
                '- 9 are "not answered within 48 hours", all received between 22 and 26 December.\n'
                "- 2 are negative buyer feedback about the return process.\n\n"
                "So it's not the quality of your answers, it's the response time over the holidays. "
                "Were you closed that week?",
            ),
            (
                "seller",
                "Yes, we closed 22-27 Dec. I forgot to turn on holiday mode, we just put a note on the storefront.",
            ),
            (
                "note",
                "9/11 defects = late responses 22-26 Dec, store closed, holiday mode off. Good "
                "candidate for one-time exclusion with POA.",
            ),
            (
                "agent",
                "That's what I expected. Keep the plan short and factual:\n"
                "1. Root cause: store closed 22-27 Dec without holiday mode, so 9 requests passed 48h.\n"
                "2. Fix: all 9 were answered and resolved on 27-28 Dec.\n"
                "3. Prevention: holiday mode on a shared calendar with two named people responsible, "
                "and automatic return authorisation for items under $50 so requests are approved even "
                "when nobody is online.\n\n"
                "Submit it under Account Health > Return Dissatisfaction Rate > Submit plan of action. "
                "I've added a note supporting a one-time exclusion of the 9 late responses; if it's "
                "approved your rate drops to about 5%.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Late shipment rate 6.2% because of the postal strike",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Our late shipment rate jumped to 6.2% (target under 4%). 23 of the late orders are "
                "from the week the postal strike stopped pickups in our area. Can those be removed?",
            ),
            (
                "agent",
                "Yes, if the delay was caused by the strike and not by a late handover. You have 27 "
                "late orders out of 435 in the period. Of the 23 you mention, 19 were confirmed as "
                "shipped within your handling time and got their first carrier scan after the strike "
                "ended, which is exactly the pattern we exclude. The other 4 were confirmed after the "
                "ship-by date, on 16 March, so they don't qualify as they stand.\n\n"
                "I've requested the exclusion for the 19 (ref AHX-22810). It takes 3-5 business days; "
                "afterwards your late shipment rate would be about 1.9%.",
            ),
            (
                "seller",
                "Thanks. The 4 from the 16th: we shipped them on the 14th but only confirmed them late. "
                "Tracking shows drop-off on the 14th. Can you check?",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Valid tracking rate warning but I always upload tracking",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Dear support, I receive warning that my valid tracking rate is 91% and it need to be "
                "over 95%. I put tracking number in every order, I am sure. Please check what is the "
                "problem. My store name is Lotus Home Decor. Thank you very much.",
            ),
            (
                "agent",
                "Dear seller, thank you for writing. In the last 30 days you had 212 orders and 19 "
                "without valid tracking. In all 19 the tracking number is there, but the carrier is "
                'set to "Other" with "YunExpress" typed as text. When the carrier is "Other", '
                "the system cannot check the number, so it counts as not valid.\n\n"
                "YunExpress is in our carrier list. When you confirm shipment, please choose "
                '"YunExpress" from the list, not "Other".\n\n'
                "For the 19 old orders: Orders > Manage orders > open the order > Edit shipment, and "
                "change the carrier. If you do it in the next 7 days, they count as valid and your "
                "rate goes back to 100%.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Tasa de cancelación del 3,1 % por descuadre de stock entre canales",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola. Me ha saltado un aviso de tasa de cancelación previa al envío del 3,1 % (el "
                "objetivo es menos del 2,5 %). Vendo también en mi web y en otra plataforma, y el stock "
                "se sincroniza cada hora con un programa (SincroStock). A veces la última unidad se "
                "vende en dos sitios a la vez. ¿Qué puedo hacer?",
            ),
            (
                "agent",
                "Hola. Es muy habitual con stock compartido. En los últimos 7 días tiene 14 "
                'cancelaciones de 452 pedidos, las 14 por "Sin existencias", casi todas en SKU con '
                "1-2 unidades.\n\n"
                "Tres cosas que ayudan:\n"
                "1. Que SincroStock sincronice cada 5-15 minutos en lugar de cada hora.\n"
                "2. Un colchón de seguridad: publicar aquí el stock real menos 1 en los SKU de poca "
                "rotación.\n"
                "3. Si usa nuestra API, actualizar la cantidad justo después de cada venta en otro "
                "canal, sin esperar al lote.\n\n"
                "El indicador se calcula sobre 7 días, así que se normaliza rápido.",
            ),
            ("seller", "He puesto el colchón de 1 unidad. ¿Y el aviso se queda en mi cuenta para siempre?"),
            (
                "agent",
                "No. Es un aviso informativo y no tiene consecuencias si el indicador vuelve a estar "
                "por debajo del 2,5 %. Con los datos de hoy, y sin nuevas cancelaciones, estará por "
                "debajo el jueves. No tiene que presentar ningún plan de acción.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Queja de autenticidad: me van a desactivar la cuenta en 3 días",
        "order_id": "702-6614508-2093347",
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Hola, necesito ayuda urgente. Me llegó un correo que dice que hay una queja de "
                '"producto no auténtico" en el pedido 702-6614508-2093347 (loción Brisa Marina 100 '
                "ml) y que si no mando facturas en 3 días me desactivan la cuenta. Yo compro directo al "
                "distribuidor en Guadalajara y tengo facturas CFDI de todo.\n\n"
                "¿Qué facturas exactamente hay que mandar? ¿Tienen que llevar mi RFC? ¿Sirven las de "
                "hace más de un año? No quiero que me cierren la cuenta, es mi único ingreso.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Account access
# ---------------------------------------------------------------------------
CONVERSATIONS["account_access"] = [
    {
        "lang": "en",
        "subject": "Locked out after changing phone - 2FA codes go to my old number",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "I changed my phone number last week and no longer have the old SIM. Now the login "
                "asks for the 2FA code sent to +1 (512) ***-**47, which I can't receive. I have 35 "
                "orders that need to ship today and I can't get in. My email still works.",
            ),
            (
                "agent",
                "I'm sorry, that's stressful with orders waiting. The fastest route: on the 2FA screen "
                'choose "Didn\'t receive the code?" and then "I lost access to my phone". That '
                "starts an identity check where you upload a photo of the primary contact's ID and a "
                "selfie. It's normally approved within 24 hours, often much faster.\n\n"
                "Meanwhile: does anyone else on your team have their own login with order "
                "permissions? They could confirm shipments. I can't grant access from here, but I can "
                "check whether another user exists.",
            ),
            (
                "seller",
                "Submitted the ID thing 20 min ago. No other users. It's just me and my husband and he "
                "uses my login (I know).",
            ),
            (
                "note",
                "ID verification submitted 10:14, IDV-558203. Asked verification team to prioritise: "
                "35 unshipped, ship-by today. Ship-by +24h applied to the unshipped orders.",
            ),
            (
                "agent",
                "Thanks. I found your verification (IDV-558203) and asked the team to prioritise it "
                "because of the pending orders. So today doesn't cost you anything, I've extended the "
                "ship-by date of the 35 unshipped orders by 24 hours; the buyers' delivery estimates "
                "don't change, so please ship as soon as you're back in.\n\n"
                "Once you're in: Settings > Login & security, add the new number and a backup method "
                "(an authenticator app is best). And give your husband his own user under User "
                "permissions, so one lost phone doesn't lock the whole store.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Remove a former employee's access immediately",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Our warehouse manager, Kevin Ortiz (kevin.o@harborlinegoods.com), left the company "
                "today, not on good terms. He has a user login with inventory and order permissions. "
                "Please remove him. I tried, but the Remove button is greyed out for me.",
            ),
            (
                "agent",
                "The button is greyed out because your login has view-only rights on Manage users. "
                "Only the primary account owner (j.harbor@harborlinegoods.com) or a user with full "
                "Manage users rights can remove someone, and I can't remove a user without the owner's "
                "confirmation. To make it quick:\n"
                "- The owner signs in, goes to Settings > User permissions > kevin.o@... > Remove. It's "
                "immediate and ends any open session.\n"
                "- If the owner can't sign in today, they can reply to this case from the owner email "
                "and I'll suspend the user right away.\n\n"
                "As a precaution I checked the last 7 days: Kevin's login made no changes to bank "
                "details, disbursement settings or user permissions.",
            ),
            ("seller", "Jenna (owner) is on a flight. I'll have her reply from her email when she lands, around 6pm."),
        ],
    },
    {
        "lang": "en",
        "subject": "Sign-in alert from Ho Chi Minh City - I'm in Ohio. Was my account hacked?",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Just got an email 'New sign-in to your Mercado Nimbus seller account' from Ho Chi Minh "
                "City at 3:12 AM. I'm in Columbus, Ohio and I was asleep. I changed my password right "
                "away. Can you check if they changed anything? Bank account especially.",
            ),
            (
                "agent",
                "Changing the password straight away was the right move. I've reviewed the activity:\n"
                "- The 03:12 EST sign-in had the correct password but stopped at the 2FA step. No "
                "code was entered, so nobody got into the account.\n"
                "- No changes to bank details, disbursement settings, email, phone or listings in the "
                "last 30 days.\n"
                "- Your password change at 07:48 signed out all other sessions.\n\n"
                "Since someone knew the password, please change it anywhere else you've used it, "
                "especially the email account linked here. I've put extra monitoring on your account "
                "for 30 days: any change to payment details will be held for manual review.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "No me llega el correo para restablecer la contraseña",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Hola, he olvidado la contraseña y al darle a "He olvidado mi contraseña" no me llega '
                "ningún correo. He mirado en spam y nada. El correo es ventas@ceramicasdelsur.es. Llevo "
                "desde ayer intentándolo.",
            ),
            (
                "agent",
                "Hola. En el registro de envíos veo 4 correos de restablecimiento desde ayer, y el "
                'servidor de ceramicasdelsur.es los ha rechazado todos con el error "550 5.7.1 '
                'Message rejected by policy". Es decir, salen de nuestro lado pero su servidor los '
                "bloquea antes de que lleguen a la bandeja, ni siquiera pasan por spam.\n\n"
                "Hay dos opciones:\n"
                "1. Pedir a quien gestiona su dominio (el proveedor de hosting) que permita el "
                "remitente no-reply@mercadonimbus.com.\n"
                "2. Si tiene otro correo, iniciar un cambio del correo de acceso. Requiere verificar la "
                "identidad con el DNI del titular y tarda 1-2 días.\n"
                "¿Cuál prefiere?",
            ),
            ("seller", "He hablado con el del hosting, dice que ya está. Lo vuelvo a intentar."),
            (
                "note",
                "Rechazo 550 5.7.1 en el servidor de ceramicasdelsur.es. Hosting ha añadido el "
                "remitente. Pendiente de que confirme que le llega.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Cambio de titular de la cuenta por venta del negocio",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Buenas tardes. Vendí mi negocio (tienda Mundo Bebé MX) y firmamos la compraventa ante "
                "notario el 15 de agosto. Quiero saber cómo pasarle la cuenta de vendedor a la nueva "
                "dueña con todo y calificaciones, porque quiere seguir vendiendo con el mismo nombre. "
                "Ella tiene su propio RFC como persona física con actividad empresarial. ¿Qué "
                "documentos necesitan? ¿Se pierden las reseñas? ¿Qué pasa con el dinero que está "
                "pendiente de liquidar a mi nombre? Gracias.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Appeals
# ---------------------------------------------------------------------------
CONVERSATIONS["appeals"] = [
    {
        "lang": "en",
        "subject": "Appeal for account deactivation - can you review my plan of action first?",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Our account was deactivated on Oct 2 for Order Defect Rate 2.4% (target under 1%). "
                "Below is our plan of action. Could someone look at it before I submit? We have about "
                "$42,000 of inventory in your warehouse paying storage with zero sales.\n\n"
                "- Root cause: a supplier batch of bluetooth speakers (SKU SPK-MINI-BT) had faulty "
                "batteries, leading to 31 negative feedbacks and 9 claims.\n"
                "- Actions: removed the SKU, refunded all affected buyers, changed supplier.\n"
                "- Prevention: we will be more careful with quality control.",
            ),
            (
                "agent",
                "Good call sending it first. Root cause and actions are solid. Prevention is where "
                'most plans fail, and "be more careful" will almost certainly be rejected: reviewers '
                "need specific steps they can check. For example:\n"
                '- What QC you now do: "We inspect 10% of every incoming batch (AQL 2.5), with a '
                '2-hour charge/discharge test on each sampled unit."\n'
                '- Who owns it: "Our operations manager signs off every batch before it ships."\n'
                '- Monitoring: "We review negative feedback and return reasons daily and pause any '
                'SKU with more than 3 defect-related returns in a week."\n\n'
                "Also add numbers: units affected, buyers refunded, and the date you removed the SKU. "
                "One page, bullet points are fine.",
            ),
            (
                "seller",
                "Rewrote it. Added AQL sampling, named Maria Chen as QC owner, daily feedback review, "
                "the new supplier's CE certificate and UN38.3 battery test report. 9 claims refunded, "
                "412 units recalled from the warehouse. Submitting now.",
            ),
            (
                "note",
                "Reviewed POA v2: specific and measurable. Supporting note added for reinstatement "
                "team: single SKU root cause, all buyers refunded. ~$42k inventory accruing storage.",
            ),
            (
                "agent",
                "Much stronger. One last thing: attach the UN38.3 report and the new supplier's invoice "
                "as files; reviewers give documents more weight than statements. Appeals like this are "
                "usually decided within 48 hours. I've added a note to your account confirming the "
                "defects came from one SKU and that every affected buyer was refunded.",
            ),
            ("seller", "Reinstated this morning. Thank you, really."),
        ],
    },
    {
        "lang": "en",
        "subject": "Appeal rejected 3 times with the same copy-paste answer",
        "order_id": None,
        "listing_id": "NB-VTM3CPS0K8",
        "urgent": False,
        "turns": [
            (
                "seller",
                "I have appealed the removal of NB-VTM3CPS0K8 (vitamin D3 gummies) THREE times. Every "
                "time the answer is 'your appeal does not address the issue'. WHAT issue? I sent the "
                "COA, the GMP certificate, the label. Nobody tells me what's missing. This is Kafka.",
            ),
            (
                "agent",
                "I'm sorry, I can see why that's maddening. I read all three appeals and the original "
                'removal. The listing was removed under "Dietary supplements: testing required", '
                "which needs a test report from an ISO/IEC 17025-accredited third-party lab covering "
                "identity, potency and contaminants for the lot you're selling. The COA you sent is "
                "from your manufacturer, not a third-party lab, so the reviewers can't accept it, "
                "however good it is. The GMP certificate and label are fine; no need to send them again.\n\n"
                "So: one report from any accredited lab, with the lot number matching your label "
                "photo, then a single appeal with just that report. Sorry the earlier replies didn't "
                "say this.",
            ),
            ("seller", "Ok. First useful answer in 3 weeks. Lab test ordered, should take 10 days."),
        ],
    },
    {
        "lang": "en",
        "subject": "Appeal: kids' backpack removed for missing CPC - certificate and test report attached",
        "order_id": None,
        "listing_id": "NB-KBP6R1YT5G",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hello,\n\nListing NB-KBP6R1YT5G (Kids Dinosaur Backpack, ages 3+) was removed on May 14 "
                "for a missing Children's Product Certificate. Attached:\n"
                "- CPC issued by our company (Little Trail Co.), dated May 20\n"
                "- Test report from a CPSC-accepted lab (report no. STR-24-118392) covering lead in "
                "substrate, lead in paint and phthalates\n"
                "- Photo of the permanent tracking label sewn inside the main pocket\n\n"
                "Please reinstate the listing.\n\nKind regards,\nAna Ruiz",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Apelación: cuenta suspendida en la verificación, me rechazan el DNI",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Hola, tengo la cuenta suspendida desde el lunes porque "no se ha podido verificar la '
                'identidad". He subido el DNI tres veces, por las dos caras, y me lo rechazan. ¿Qué '
                "está mal? Tengo productos en stock sin vender.",
            ),
            (
                "agent",
                "Hola. He revisado los tres intentos. El DNI está bien; lo que falla es que el titular "
                'de la cuenta bancaria registrada ("Mª Carmen Ruiz Vela") no coincide con el nombre '
                'del DNI ("María del Carmen Ruiz Vela"), y el sistema compara los dos. Por eso '
                "rechaza la verificación aunque la foto sea correcta.\n\n"
                "Tiene dos opciones:\n"
                "1. Subir un certificado de titularidad del banco con el nombre completo, como en el "
                "DNI.\n"
                '2. Explicar en la apelación que "Mª" es una abreviatura y adjuntar un extracto '
                "bancario reciente.\n"
                "La primera es la más rápida; suele resolverse en 1-2 días hábiles.",
            ),
            ("seller", "He subido el certificado de titularidad del Santander con el nombre completo. ¿Y ahora?"),
            (
                "agent",
                "Ya lo veo en la apelación y he dejado una nota al equipo de verificación explicando "
                "por qué fallaron los intentos anteriores. Cuando lo aprueben, la cuenta se reactiva y "
                "los anuncios vuelven a estar visibles sin que tenga que hacer nada más; le llegará un "
                "correo de confirmación.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Plan de acción por tasa de defectos, ¿así está bien?",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, me pidieron un plan de acción por la tasa de defectos en pedidos (1.8 %). Este "
                'es mi borrador:\n\n"Estimado equipo, lamentamos lo ocurrido. A partir de ahora vamos '
                "a dar un mejor servicio al cliente y nos vamos a esforzar para que no vuelva a pasar. "
                'Gracias por su comprensión."\n\n¿Con esto basta?',
            ),
            (
                "agent",
                "Hola, qué bueno que lo manda antes. Así como está casi seguro lo rechazan: no dice qué "
                "pasó ni qué va a cambiar. Revisé sus defectos de los últimos 60 días: 14 de 780 "
                'pedidos, y 11 son reclamaciones de "artículo no recibido" en envíos a Chiapas y '
                "Oaxaca que tardaron más de 15 días.\n\n"
                "Un plan que funcione tendría esta estructura:\n"
                "1. Causa: retrasos de paquetería en envíos al sureste (11 de 14 defectos).\n"
                "2. Acciones ya tomadas, con fechas: reembolsos hechos y cambio de paquetería para esos "
                "estados (diga cuál).\n"
                "3. Prevención: tiempos de entrega ajustados para esas zonas en su plantilla de envío, "
                "revisión diaria de guías sin movimiento por más de 3 días y aviso proactivo al "
                "comprador.\n\n"
                "Sin disculpas largas: con datos y fechas concretas es suficiente.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Inventory and logistics
# ---------------------------------------------------------------------------
CONVERSATIONS["inventory_logistics"] = [
    {
        "lang": "en",
        "subject": "Inbound shipment NFS-9X2B6K0P stuck in 'Receiving' for 19 days",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Shipment NFS-9X2B6K0P was delivered to ONT8 on April 2 (POD signed, freight PRO "
                "128-4409716). 6 pallets, 1,440 units across 4 SKUs. It's been in 'Receiving' ever "
                "since with 312 units received. Our promo starts May 1. What's going on?",
            ),
            (
                "agent",
                "The pallets were checked in at the dock on April 3, but receiving stopped after 312 "
                "units because the box labels on pallets 2-6 belong to an earlier shipment plan, "
                "NFS-9X2B5T7R, which you cancelled on March 28. The site couldn't match those boxes to "
                "an open shipment, so they were moved to the problem-receive area.\n\n"
                "I've opened a receiving investigation (RCV-340981) asking the site to receive the "
                "remaining boxes against NFS-9X2B6K0P. Please upload the box contents for pallets 2-6 "
                "(SKU and quantity per box) to support it. Normal timing is 5-7 business days once "
                "the site picks it up.",
            ),
            (
                "note",
                "Labels on P2-P6 are from cancelled plan NFS-9X2B5T7R. Boxes in problem-receive at "
                "ONT8. RCV-340981 opened.",
            ),
            (
                "seller",
                "Uploaded the box contents spreadsheet. 5-7 days puts us right before the promo. Any way to speed it up?",
            ),
            (
                "agent",
                "I asked for priority on RCV-340981 because of the May 1 promotion and because it's a "
                "label mix-up, not a quantity dispute. The site accepted and scheduled the boxes for "
                "tomorrow's shift. Units usually become available 24-48 hours after receiving; I'll "
                "check on Thursday and update you here.\n\nFor next time: if you cancel a plan and "
                "create a new one, print new box labels. Old labels can't be reused, even if the "
                "contents are identical.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "87 units stranded after I deleted a listing by mistake",
        "order_id": None,
        "listing_id": "NB-GJS6K0QW3E",
        "urgent": False,
        "turns": [
            (
                "seller",
                "I accidentally deleted my offer for SKU GLASS-JAR-SET-6 while cleaning up old "
                "products. Now 87 units in the warehouse show as 'Stranded'. Can I just relist them or "
                "do I have to remove them?",
            ),
            (
                "agent",
                "No need to remove them. Go to Inventory > Stranded inventory, find GLASS-JAR-SET-6 "
                'and choose "Relist". You only deleted your offer, the product page NB-GJS6K0QW3E '
                "still exists, so relisting reattaches the 87 units to it at your previous price. It's "
                "usually live within 15 minutes.\n\nStranded units still pay normal monthly storage, so "
                "it's worth doing soon, but there's no extra penalty for having been stranded.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Q4 storage limit cut from 2,400 to 1,100 cubic feet",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Our Q4 storage limit came in at 1,100 cu ft, down from 2,400 in Q3. We sell holiday "
                "decorations; 70% of our annual sales are October-December. This is a disaster. How is "
                "the limit calculated and can we ask for more?",
            ),
            (
                "agent",
                "For a seasonal business that's a big deal, I understand. The limit is based mostly on "
                "your inventory performance and your sales-to-storage ratio over the last 13 weeks. "
                "July to September was slow for you, which is normal for holiday products, but the "
                "calculation doesn't know that.\n\n"
                "You can request more under Inventory > Capacity > Request increase. Two things help:\n"
                '- Ask for a specific amount (e.g. 1,300 extra cu ft), not "as much as possible".\n'
                "- Include last year's Q4 sales for the same SKUs (Business Reports, Oct-Dec), which "
                "shows the seasonal pattern.\n\n"
                "Requests are reviewed every Monday. Depending on the volume granted there may be a "
                "reservation fee; the screen shows the estimate before you confirm.",
            ),
            ("seller", "Submitted for 1,300 cu ft with last year's numbers ($214k in Q4 on 38 SKUs)."),
        ],
    },
    {
        "lang": "es",
        "subject": "Me han cobrado preparación no planificada por las etiquetas",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Buenas. En la factura de servicios de este mes aparecen EUR 96,30 de "Servicio de '
                'preparación no planificado" del envío NFS-4L7C2Q8D. Yo pegué todas las etiquetas. '
                "¿Por qué me cobráis esto?",
            ),
            (
                "agent",
                "Buenas. Según el registro de recepción de NFS-4L7C2Q8D, el almacén de Barcelona "
                "(BCN1) reetiquetó 321 unidades porque nuestras etiquetas estaban pegadas encima del "
                "código de barras del fabricante pero sin taparlo del todo. Al escanear, el lector a "
                "veces leía el EAN del fabricante en vez de nuestra etiqueta, y en ese caso el almacén "
                "vuelve a etiquetar. La tarifa es de EUR 0,30 por unidad: 321 x 0,30 = EUR 96,30.\n\n"
                "Para el próximo envío, la etiqueta tiene que tapar por completo el código original (o "
                "ir en otra cara con el EAN tachado). Si tiene fotos de cómo salieron las unidades y "
                "cree que estaban bien, puedo abrir una reclamación, pero por el informe de recepción "
                "el cargo parece correcto.",
            ),
            (
                "seller",
                "Vale, ya veo el problema: la etiqueta era de 50x25 y el EAN es más grande. Hemos "
                "pedido etiquetas más grandes. Gracias.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Me rechazaron la cita de entrega y el tráiler ya está en el centro de fulfillment",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Ayuda por favor. El tráiler con mi envío NFS-2T9M4V1H (18 tarimas) está ahorita en la "
                "puerta del centro de Tepotzotlán (MEX1) y no lo dejan descargar porque dicen que la "
                "cita CITA-887213 está cancelada. Yo no la cancelé. El transportista me cobra $1,200 "
                "por hora de espera y ya lleva 2 horas.",
            ),
            (
                "agent",
                "Lo reviso ahorita. La cita CITA-887213 se canceló automáticamente ayer a las 18:00 "
                "porque el envío no tenía generadas las etiquetas de tarima 24 horas antes; es "
                "obligatorio en envíos de más de 10 tarimas. No la canceló nadie a mano.\n\n"
                "Ya hablé con el equipo de andén de MEX1 y aceptan recibir el tráiler hoy como entrega "
                "sin cita si en los próximos 30 minutos:\n"
                "1. Genera las 18 etiquetas en Envíos > NFS-2T9M4V1H > Etiquetas de tarima.\n"
                "2. Se las manda en PDF al operador y las imprime en la caseta (ahí tienen impresora) "
                "para pegarlas antes de entrar a andén.\n"
                "Referencia para la caseta: MEX1-WALKIN-0422. Si el operador tiene cualquier problema, "
                "escríbame aquí y lo resuelvo directo con el andén.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Advertising
# ---------------------------------------------------------------------------
CONVERSATIONS["advertising"] = [
    {
        "lang": "en",
        "subject": "Charged $312.40 for an ad campaign that shows 0 impressions",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "My Sponsored Products campaign 'Spring - Garden Hose' (ID SP-55820193) shows $312.40 "
                "spend for Mar 1-7 but 0 impressions and 0 clicks in the campaign report. How can I "
                "pay for nothing? I want a refund.",
            ),
            (
                "agent",
                "You're right that spend with zero impressions shouldn't be possible, so I dug in. The "
                "spend is real: between Mar 1 and 7 the campaign had 58,110 impressions and 401 clicks, "
                "all in the ad group 'hose-exact'. The report you're looking at is filtered to the ad "
                "group 'hose-broad', which had no traffic because its keywords were paused on Feb 28.\n\n"
                "If you clear the ad group filter in Reports > Campaign performance, you should see the "
                "impressions and clicks behind the $312.40. Can you check and tell me if it matches? "
                "If not, send a screenshot with the date range visible and I'll escalate to ads billing.",
            ),
            (
                "seller",
                "Ok I see it now, the filter was saved from last month. BUT 401 clicks and 2 sales? "
                "That doesn't seem right either. Bots?",
            ),
            (
                "note",
                "Spend reconciles: 58,110 impr / 401 clicks in 'hose-exact'. Seller suspects invalid "
                "clicks. IVT filter already removed 37 clicks pre-billing.",
            ),
            (
                "agent",
                "Fair question. Our invalid-traffic filter already removed 37 clicks from that week "
                "before billing, so you weren't charged for those. The remaining 401 look like real "
                "shoppers: varied locations, normal time on the page.\n\n"
                "The low conversion is more likely the search terms. 61% of the clicks came from "
                '"garden hose 100 ft expandable", and your hose is 50 ft and not expandable. I\'d add '
                '"expandable" and "100 ft" as negative keywords in \'hose-exact\'. Your price is also '
                "$8 above the median for 50 ft hoses, which hurts conversion after the click.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Sponsored Brands ad rejected: 'unsubstantiated claims'",
        "order_id": None,
        "listing_id": "NB-PB4Y7Z0ELK",
        "urgent": False,
        "turns": [
            (
                "seller",
                "Our Sponsored Brands ad was rejected for 'unsubstantiated claims'. Headline: 'The #1 "
                "Protein Bar Dietitians Love'. We ARE #1 in our category on your site. What's the "
                "problem?",
            ),
            (
                "agent",
                'The rejection covers two parts of the headline. "#1" needs a source and date in the '
                'ad itself, because a bestseller rank can change by the hour; something like "#1 in '
                'Protein Bars on Mercado Nimbus, March 2024" would be acceptable. "Dietitians Love" '
                "implies a professional endorsement, which needs a survey or study you can provide on "
                "request, with the source named in the ad.\n\n"
                "The quickest route is a headline built on product facts that match the listing, e.g. "
                '"20 g Protein, 2 g Sugar, 12 Flavours". Those are usually approved within 24 hours.',
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Daily budget gone by 10am every day - click fraud by a competitor?",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "For the last 9 days the $150 daily budget on campaign 'Ceramic Cookware - Auto' "
                "(SP-70134468) runs out before 10:00 EST. Before that it lasted the whole day. Clicks "
                "went from ~120/day to 300+/day and orders didn't change (about 6 a day). A competitor "
                "launched an almost identical pan set exactly 10 days ago. I'm pretty sure they're "
                "clicking our ads. Can you check for invalid clicks and refund them?",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Campañas en pausa por un problema con el método de pago",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Hola, todas mis campañas de publicidad están en pausa con el aviso "Problema con el '
                'método de pago". Tengo saldo de sobra en la cuenta de vendedor. ¿No se cobra de ahí?',
            ),
            (
                "agent",
                "Hola. Se puede cobrar del saldo, pero en su cuenta la publicidad está configurada para "
                "cobrarse a una Visa terminada en 4471, y el último cargo de EUR 230,00 lo rechazó la "
                "tarjeta el día 12 porque está caducada (11/24). Por eso se pausaron las campañas.\n\n"
                "Tiene dos opciones, ambas en Publicidad > Configuración de facturación:\n"
                "- Actualizar la tarjeta.\n"
                '- Cambiar a "Cobrar del saldo del vendedor".\n'
                "En los dos casos el importe pendiente (EUR 230,00) se cobra al guardar y las campañas "
                "se reactivan solas en unos minutos.",
            ),
            ("seller", "He cambiado a cobrar del saldo. Ya veo las campañas activas. Gracias."),
        ],
    },
    {
        "lang": "es",
        "subject": "Mi campaña automática no me muestra las palabras clave",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, tengo una campaña automática desde hace un mes y quiero ver con qué búsquedas "
                "salen mis anuncios, pero en la campaña no aparece ninguna palabra clave. ¿Dónde las "
                "veo? Quiero armar una campaña manual con las que sí venden.",
            ),
            (
                "agent",
                "Hola. En las campañas automáticas usted no elige palabras clave, por eso esa pestaña "
                "sale vacía. Lo que busca está en el informe de términos de búsqueda: Publicidad > "
                "Informes > Crear informe > Tipo: Términos de búsqueda, con el último mes como rango.\n\n"
                "Para pasar a manual, le sugiero este criterio: los términos con al menos 2 ventas y un "
                "ACoS por debajo de su objetivo van a una campaña manual en concordancia exacta, y en la "
                "automática los pone como negativos para que no compitan entre sí. ¿Cuál es su ACoS "
                "objetivo? Con ese dato le digo qué términos cumplen.",
            ),
            ("seller", "Mi objetivo es 25 %. Ya bajé el informe pero no entiendo bien las columnas."),
            (
                "agent",
                'Revisé el informe de su campaña "Termos - Auto". Cumplen 4 términos (2 o más ventas '
                'y ACoS menor a 25 %): "termo acero inoxidable 1 litro" (14 %), "termo para cafe" '
                '(19 %), "termo con asa" (22 %) y "botella termica 1l" (24 %). Esos son los que '
                "pasaría a la manual.\n\n"
                'Las columnas clave son "Gasto", "Ventas de 7 días" y "ACoS" (gasto entre '
                "ventas). Un término con más de 20 clics y 0 ventas es buen candidato a negativo.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Technical
# ---------------------------------------------------------------------------
CONVERSATIONS["technical"] = [
    {
        "lang": "en",
        "subject": "Inventory feed fails with NBF-4012 on 312 of 1,850 rows",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Our nightly inventory feed (feed ID 50418823367) processed with 312 errors, all "
                "'NBF-4012: Value not allowed for attribute condition_type'. We send 'New' like we've "
                "done for two years. Nothing changed on our side. Processing report attached.",
            ),
            (
                "agent",
                "Thanks for attaching the report, it saves a step. The 312 failing rows don't send "
                "'New', they send 'new' in lowercase. Until last Tuesday the feed accepted both; since "
                "the v3.2 schema update (announced four weeks ago in the developer changelog), "
                "condition_type is case-sensitive and must be one of: New, Used - Like New, "
                "Used - Good, Used - Acceptable, Refurbished.\n\n"
                "All 312 rows are SKUs with the prefix 'ETS-'. Are those generated by a different "
                "script or connector? The rest of the file uses 'New' correctly.",
            ),
            ("seller", "Yes, ETS- SKUs come from our web-shop sync script. Fixed the case. Re-submitting now."),
            (
                "note",
                "Failing rows: condition_type 'new' lowercase, schema v3.2 is case-sensitive. All "
                "ETS- prefix. Re-submission pending.",
            ),
            (
                "agent",
                "The new feed (50418901245) processed: 1,850 rows, 0 errors, 4 warnings. The warnings "
                'are NBF-2205 "image URL returned 404" for ETS-MUG-12, ETS-MUG-14, ETS-BOWL-03 and '
                "ETS-BOWL-05. Those listings were updated but kept their old images, so it's worth "
                "checking the URLs when you have a moment.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "HTTP 429 on PUT /v2/inventory/quantities since yesterday",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Since yesterday ~14:00 UTC most of our calls to PUT /v2/inventory/quantities return "
                "429 Too Many Requests. We send one call per SKU, ~6,000 SKUs every 15 min. Did the "
                "limits change? App ID nimbus-app-77310.",
            ),
            (
                "agent",
                "The limits haven't changed, but your traffic pattern has. That endpoint allows 10 "
                "requests per second per seller account, with bursts up to 20. Until yesterday your "
                "app spread ~6,000 calls over the 15 minutes (about 7/s). Since 14:02 UTC yesterday "
                "they arrive in a burst at the start of each window, up to 180/s for ~35 seconds, so "
                "most are rejected.\n\n"
                "Two options:\n"
                "1. Use POST /v2/inventory/quantities:batch, up to 500 SKUs per call: 6,000 SKUs is "
                "12 calls, no rate issues.\n"
                "2. Spread the single calls evenly and honour the Retry-After header on 429.\n"
                "We recommend option 1. Did something change in your deployment around 14:00 yesterday?",
            ),
            ("seller", "Yes, we moved the job to a new worker pool with 20 threads. Switching to the batch endpoint."),
        ],
    },
    {
        "lang": "en",
        "subject": "Can't download the Orders report - spinner forever",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Orders > Reports > 'All orders, last 30 days' just spins and never downloads. Tried "
                "Chrome and Firefox, cleared cache. Need it for month-end close today.",
            ),
            (
                "agent",
                "I reproduced it: that report times out for accounts with more than 50,000 order lines "
                "in the range, and yours has 61,204 for the last 30 days. Engineering is on it "
                "(incident INC-8842) and a fix is expected this week.\n\n"
                "For today, either of these works:\n"
                "- Request it in two date ranges (days 1-15 and 16-30); each finishes in a couple of "
                "minutes.\n"
                "- Or use Reports > Scheduled reports, which builds it in the background and emails "
                "you a link, usually within 20 minutes.\n\n"
                "I've also generated the full 30-day file on our side and attached it to this case "
                "(CSV, 18 MB), so you can start your close now.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Error E2031 al subir la plantilla de inventario",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Hola, subo la plantilla de Hogar y me da error en todas las filas: "E2031 Valor no '
                'válido para unidad de medida". En la columna de unidad de peso pongo "kg". ¿Qué se '
                "supone que tengo que poner?",
            ),
            (
                "agent",
                "Hola. La columna item_weight_unit_of_measure solo acepta los valores de la lista "
                'desplegable de la plantilla, en mayúsculas: KG, G, LB, OZ. Con "kg" en minúscula '
                "salta el E2031.\n\n"
                "Lo más seguro es elegir el valor del desplegable en lugar de escribirlo. Si rellena la "
                "plantilla pegando desde otro Excel, el desplegable se pierde; en ese caso use Buscar y "
                'reemplazar "kg" por "KG" en esa columna, marcando "Coincidir mayúsculas y '
                'minúsculas".',
            ),
            ("seller", "Hecho. Ahora me da otro error distinto en 6 filas: E1007."),
            (
                "agent",
                'E1007 es "SKU duplicado en el archivo". Las 6 filas son SILLA-NORD-BL, SILLA-NORD-GR '
                "y SILLA-NORD-NG, que aparecen dos veces cada uno (filas 14/15, 22/23 y 31/32) con "
                "precios distintos. Borre la fila que no quiera de cada par y vuelva a subir el archivo.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Dejaron de llegar los webhooks de pedidos nuevos desde las 9:00",
        "order_id": None,
        "listing_id": None,
        "urgent": True,
        "turns": [
            (
                "seller",
                "Buen día. Desde hoy a las 9:00 (hora del centro) no nos llega ningún webhook "
                "ORDER_CREATED a nuestro endpoint https://api.tiendalumen.mx/nimbus/webhooks. Anoche "
                "rotamos el client secret de la app (app ID nimbus-app-40921) como indica el "
                'procedimiento. En el panel de la app sale "Suscripción activa". El endpoint está '
                "arriba: le hicimos curl desde fuera y responde 200.\n\n"
                "Tenemos más de 140 pedidos al día y sin webhooks el almacén no ve nada; estamos "
                "sacando los pedidos a mano del panel. ¿Pueden revisar si hay errores de entrega de su "
                "lado? Gracias.",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Other
# ---------------------------------------------------------------------------
CONVERSATIONS["other"] = [
    {
        "lang": "en",
        "subject": "VAT invoices for marketplace fees (Q1) for our German VAT return",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hello, our tax advisor needs VAT invoices for all Mercado Nimbus fees in Q1 (Jan-Mar) "
                "for our German VAT return. In Payments I only see a monthly summary PDF without any "
                "VAT number. Company: Baumann Textil GmbH, USt-IdNr DE298771043.",
            ),
            (
                "agent",
                "Hello. You're right, the monthly summary isn't a VAT invoice. The fee invoices are "
                "under Reports > Tax documents > Seller fee invoices, one per month, issued by "
                "Mercado Nimbus Europe S.à r.l. (Luxembourg). February and March show your USt-IdNr "
                "and are reverse charge, with 0.00 VAT.\n\n"
                "January is different: you added the VAT number to your account on 9 February, so the "
                "January invoice was issued without it and includes Luxembourg VAT of EUR 233.41. I've "
                "requested a correction; it normally appears in the same section within 5 business "
                "days.",
            ),
            ("seller", "Thank you. Will the corrected January document also show the reverse charge text?"),
            (
                "agent",
                "Yes. You'll get a credit note cancelling the original January invoice in full, plus "
                'a new invoice with your USt-IdNr and the reverse charge wording ("Reverse charge - '
                'Art. 196 Directive 2006/112/EC"). Your advisor should book both in January. The '
                'EUR 233.41 of Luxembourg VAT will be credited to your next disbursement as "VAT '
                'adjustment".',
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "Closing the store for 3 weeks in August - what happens to my listings?",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi! I'm closing for vacation Aug 3-24. What's the right way to do it so I don't get "
                "penalised? I ship everything myself, nothing in your warehouse.",
            ),
            (
                "agent",
                'Hi! Go to Settings > Account info > Listing status and set "Inactive (vacation)" '
                "with your dates. Your offers are hidden from search and buyers can't order, so no "
                "late shipments or cancellations. A few things to know:\n"
                "- Your handling time is 2 days, so start the vacation on Aug 1. Orders placed before "
                "that still have time to ship before you leave.\n"
                "- Buyer messages aren't paused. Set an auto-reply and answer within 24 hours when you "
                "can, or your response-time metric takes a hit.\n"
                "- Listings come back automatically on Aug 24 at 00:00; search can take a few hours "
                "to show them again.\n\n"
                "Your ranking may dip a little after three weeks away; that's normal and recovers as "
                "sales come back.",
            ),
        ],
    },
    {
        "lang": "en",
        "subject": "New seller, lots of questions (barcodes, fees, shipping templates, selling in Spain)",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hi there!! Brand new seller, just got approved yesterday, super excited but also a bit "
                "overwhelmed haha. I make handmade soy candles (14 scents) and have a few questions, "
                "sorry if they're dumb:\n\n"
                "1) Do I need to buy barcodes (EAN/UPC) for each scent? Someone in a Facebook group said "
                "you need GS1 ones and someone else said handmade stuff can get an exemption?\n"
                "2) The fee page says 15% referral but then there's also a 'closing fee'? Per item or "
                "per order?\n"
                "3) My shipping template says 'Standard shipping: 3-5 days' and I don't know if that's "
                "transit time or my time to ship. I usually ship in 1-2 days from my studio (ok, it's "
                "a spare room lol).\n"
                "4) Can I sell in Spain from my US account or do I need another one?\n\n"
                "Thanks so much in advance! Everyone on the forum says support is useless but I'm "
                "choosing to be optimistic!!\n- Bekah",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "Necesito la factura CFDI de las comisiones de marzo",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                "Hola, mi contador me pide la factura CFDI de las comisiones que me cobraron en marzo. "
                "¿Dónde la descargo? Solo veo un PDF con el resumen.",
            ),
            (
                "agent",
                "Hola. Las facturas CFDI 4.0 de comisiones se emiten por mes y se descargan en "
                "Informes > Documentos fiscales > Facturas de comisiones, en XML y PDF. La de marzo se "
                'emitió el 3 de abril por $8,931.40 MXN más IVA, con uso de CFDI "G03 - Gastos en '
                'general".\n\n'
                "Si su contador necesita otro uso de CFDI o régimen fiscal, hay que cambiarlo en "
                "Configuración > Información fiscal antes de que se emita la factura del mes. La de "
                "marzo ya está timbrada, pero si tiene algún dato mal puedo pedir la cancelación y "
                "una refacturación.",
            ),
            (
                "note",
                "CFDI de marzo timbrado el 03/04, uso G03. El vendedor no conocía la sección Documentos fiscales.",
            ),
        ],
    },
    {
        "lang": "es",
        "subject": "¿Cómo cambio el nombre de mi tienda?",
        "order_id": None,
        "listing_id": None,
        "urgent": False,
        "turns": [
            (
                "seller",
                'Buenas, queremos cambiar el nombre de la tienda de "Artesanía Lola" a "Lola & Co '
                'Home". ¿Se puede? ¿Perdemos las valoraciones?',
            ),
            (
                "agent",
                "Buenas. Se puede y no se pierde nada: valoraciones, historial de ventas e indicadores "
                "van ligados a la cuenta, no al nombre. Se cambia en Configuración > Información de la "
                "cuenta > Nombre visible de la tienda. Dos detalles:\n"
                '- El nombre no puede incluir marcas de terceros ni palabras como "oficial", salvo '
                'que sea su propia marca registrada. "Lola & Co Home" no da problemas.\n'
                "- Solo se puede cambiar una vez cada 30 días, así que revíselo bien antes de guardar.\n"
                "El nombre nuevo aparece en los anuncios en unas horas. La razón social que sale en "
                "sus facturas no cambia con esto.",
            ),
        ],
    },
]
