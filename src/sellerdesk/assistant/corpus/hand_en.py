# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Fully hand-written English seller messages: (category, urgency L/N/H/C, style, text[, subject])."""

MESSAGES = [
    (
        "account_health",
        "C",
        "notice",
        """Hello,

I received the email below this morning and I am in total shock.

"Hello, Your Amazon seller account has been deactivated. Why is this happening? We have determined that your account is related to another account that is not permitted to sell on Amazon. How do I reactivate my account? ... Your listings have been removed and your funds will be held."

We have ONE account. We've been selling kitchenware since 2017 and never had a single policy warning. The only thing I can think of is that my accountant, who also does books for another seller, logged in from his office to download the VAT reports. Every listing is gone, we have 3 staff and a warehouse lease. Please tell me what information you need. We can't sell anything at the moment.

Regards,
Mark""",
        "Account deactivated - related account???",
    ),
    (
        "account_health",
        "H",
        "long",
        """Hi team, I'm writing because my Account Health page turned orange over the weekend and I'm really worried. The ODR is now 1.4%, it was 0.3% last month. When I look at the details it's 2 negative feedbacks (one is about the courier, which should be struck through) and 3 A-to-z claims that were all opened by buyers who received the parcel, I have POD with photos for all of them. I know that if it goes over 1% for long enough the account can be deactivated. Can someone please review the claims and the feedback so the rate goes back down before it becomes a problem? We're a small shop and this account is our only income.""",
    ),
    (
        "account_health",
        "N",
        "terse",
        """Late shipment rate says 4.8% but we ship same day. 12 orders flagged late, all had tracking uploaded before the deadline. Can you check and fix the metric please""",
    ),
    (
        "account_health",
        "L",
        "polite",
        """Good afternoon, I'm fairly new to selling and trying to understand the Account Health dashboard. What's the difference between the Account Health Rating and the individual performance metrics? And does a policy violation that I resolved still count against me after 180 days? Just want to understand how it works so I can stay on top of it. Many thanks!""",
    ),
    (
        "account_health",
        "C",
        "angry",
        """YOUR SYSTEM SUSPENDED MY ACCOUNT FOR "INAUTHENTIC ITEMS" ON A PRODUCT I MANUFACTURE MYSELF. Our factory makes these, we own the trademark, it's in Brand Registry!!! All 230 listings are gone, funds on hold, we are dead in the water right in the middle of Q4. I've been on the phone 4 times and every time they say "the team will contact you in 48 hours". Nobody ever contacts me. I need someone who can actually do something TODAY.""",
    ),
    (
        "account_health",
        "H",
        "regional",
        """Hiya, bit of a wee panic here. Got a warning on the account health page saying the customer service dissatisfaction rate is over 25% and that we could lose selling privileges. Thing is, we only had 4 buyer messages this month and we answered every one within the hour. Can yous have a look and tell us what's going on? Don't want the account getting pulled before Christmas, that'd be us finished.""",
    ),
    (
        "account_health",
        "C",
        "nonnative",
        """Respected sir/madam, my seller account is deactivated from yesterday for verification. I have already upload the passport and bank statement 2 times but it is saying document not matching. Because of this all my listings are inactive and my money is hold. Kindly do the needful and reactivate my account as early as possible, my complete family is depending on this business.""",
    ),
    (
        "account_health",
        "N",
        "mixed_topics",
        """Two things. First, there's a "Product Safety Customer Complaint" showing under policy compliance on account health for an ASIN I stopped selling in 2022, can it be removed? Second, unrelated, the logo on my storefront looks blurry. The first one is the main thing, the account health rating went from 240 to 190 because of it.""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Please see the notice I received:

"Dear Seller, We are writing to let you know that we have removed the following listing(s) from our store. ASIN: B08XKQ2T7N. Title: Reusable Cotton Face Mask 3-Pack. Why is this happening? Your listing may be a personal protective equipment product that requires approval."

These are fashion cotton masks sold as an accessory, not PPE, no medical claims anywhere in the listing. It's one of our top 3 sellers and Black Friday is in a week. What do I need to send you to get this reinstated? I can send the product description, the packaging photos, whatever you need.""",
    ),
    (
        "policy_compliance",
        "N",
        "polite",
        """Hello, we received a request for product compliance documents for our wooden toy range (ASINs B09ABC1234, B09ABC1235). The message says we need a Declaration of Conformity, test report to EN 71 and the EU Responsible Person contact. We have the DoC and the EN 71 reports from our lab but our responsible person is a third-party service. Do we upload the documents per ASIN or is there a place for all of them at once? The deadline in the notice is 14 days.""",
    ),
    (
        "policy_compliance",
        "H",
        "angry",
        """A competitor keeps filing fake trademark complaints against us. Three complaints this month from a "rights owner" who doesn't even own the brand - it's OUR brand, we registered it with the USPTO in 2020 and have Brand Registry. Each time the listing goes down for days. This is clearly abuse of the reporting system. Who do I talk to? The listing is down AGAIN right now and we're losing about $800 a day.""",
    ),
    (
        "policy_compliance",
        "N",
        "nonnative",
        """Hello, I am get message that my product "microfiber cleaning cloth" is pesticide and need EPA registration. This is only cloth, there is no chemical inside, the word "antibacterial" is from the fabric description of supplier. I will remove this word from listing. Please tell me after I remove, the listing will come back or I need to do appeal?""",
    ),
    (
        "policy_compliance",
        "C",
        "long",
        """I need urgent help. Over the last two weeks we've received five IP complaints from the same law firm on behalf of a brand whose products we resell (we buy from their authorised UK distributor and have invoices). Today the Account Health page shows 'At risk' in red and a message that further violations may result in deactivation. We have 600 other ASINs that are completely unrelated to this brand. If the account goes, everything goes - 9 employees. I've removed all of that brand's listings as a precaution. Please can someone in the right team look at the invoices I attached and confirm whether these complaints can be retracted or at least not counted.""",
    ),
    (
        "policy_compliance",
        "L",
        "terse",
        """Do I need a GPSR responsible person if I only sell in the UK store and not EU?""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Got this today: "Your product has been flagged as potentially dangerous goods (hazmat) and is not available for sale until the review is completed. Please provide a Safety Data Sheet." It's a lavender hand cream, 50ml. SDS was uploaded 3 weeks ago, it says non-hazardous, not regulated for transport. Listing still blocked, about 400 units sitting in FBA. Every time I open a case they ask me to upload the SDS again. Can someone actually review it?""",
    ),
    (
        "appeals",
        "C",
        "long",
        """Subject: Appeal - deactivated account, 3rd plan of action

Dear Seller Performance team,

Our account was deactivated on 3 March for a late shipment rate of 6.2%. I have submitted a plan of action on 5 March and again on 12 March, both rejected with the same message that the POA 'did not contain the root cause'. The root cause was clearly explained: our courier (Yodel) stopped collecting for 9 days during a depot strike, and we didn't switch carriers quickly enough. Actions taken: we now have contracts with two carriers, we moved handling time from 1 to 2 days, and we monitor the late shipment rate daily. Preventive measures: a weekly review, automatic switch to the backup carrier if a pickup is missed.

We have had no sales for 3 weeks and around £14,500 is held. Please tell me specifically what is missing from our plan. We will do anything required.""",
    ),
    (
        "appeals",
        "H",
        "angry",
        """My appeal was rejected AGAIN with the exact same copy paste: "we are unable to accept your appeal at this time". No reason, nothing. I sent supplier invoices, letter of authorisation from the brand, the LOA matches the address on the invoice. What more do you want?? The listing for B07H9QZX2M has been down for 5 weeks, it was 40% of my sales.""",
    ),
    (
        "appeals",
        "N",
        "polite",
        """Hello, I would like to appeal the decision to remove my listing B0C4RTY7LP for a 'used sold as new' complaint. The buyer left feedback that the box was damaged, which was caused by the carrier; the product itself was brand new and sealed. I've attached photos of the sealed product from our warehouse and the carrier damage report. Could you please reconsider and reinstate the listing? Thank you.""",
    ),
    ("appeals", "L", "terse", """how many times can you submit an appeal for a listing removal before it's final?"""),
    (
        "appeals",
        "C",
        "nonnative",
        """Sir, this is my 4th appeal. My account is deactivate since 45 days because of "counterfeit" complaint. I am giving invoice from distributor, photos, authorisation letter also. Each time reply is same, not telling what is wrong. 22 lakh rupees is stuck in account and I am not able to pay my suppliers. Please please reinstate the account or tell me exactly what document is required.""",
    ),
    (
        "appeals",
        "H",
        "mixed_topics",
        """I'm disputing the policy violation on my account for "Product Authenticity Customer Complaints". The complaint came from a single buyer who said the phone case "looked cheap". I'm the manufacturer. I'd like this appealed and removed from my account health. While I'm here, I'm also having trouble with the coupon on that ASIN not showing, but the appeal is what matters - the AHR dropped to 170.""",
    ),
    (
        "appeals",
        "N",
        "regional",
        """G'day, I lodged an appeal on the A-to-z decision for order 249-5566778-1234567 last week. The buyer got the parcel, Australia Post has a photo of it at the front door and his signature. Claim was still granted against us. Can you have another look at it mate? Happy to send whatever evidence you need.""",
    ),
    (
        "payments",
        "C",
        "long",
        """Hello,

Since our account was placed under review on the 2nd, all of our funds have been frozen - currently $48,210.55 across the US and CA marketplaces. We have not received a disbursement in 19 days. Our account is not suspended, listings are live and we are still shipping orders, but we cannot access a single dollar. We have payroll on Friday for 11 people and a container payment due to our supplier. The review page doesn't say what it's waiting for. Please tell me what documents you need, I can provide bank statements, utility bills, business registration, anything. This is an emergency for us.""",
    ),
    (
        "payments",
        "H",
        "polite",
        """Hi, I've noticed that the account level reserve on my statement jumped from about £900 to £7,400 this settlement period. Nothing has changed in our business, ODR is 0.1%, no A-to-z claims. That money is our budget for Q4 stock. Could you please explain why the reserve increased and whether it can be reduced? If we can't get it released within the next week we'll miss the order cut-off with our supplier.""",
    ),
    (
        "payments",
        "N",
        "terse",
        """Disbursement initiated 14/10 for €3,204.10, not in bank yet, 8 days. IBAN is correct. Trace number?""",
    ),
    (
        "payments",
        "N",
        "nonnative",
        """Hello, I see in my payment report there is deduction of $312.40 with name "Chargeback refund" for order 114-2299881-7766554. But customer already return item and I give refund 2 weeks before. So he is getting money two times. Please reverse this chargeback, I have the proof of refund.""",
    ),
    (
        "payments",
        "L",
        "polite",
        """Quick question about the payments side: when does the 'Deferred transactions' amount become available? We switched to FBM for a few products and now see money deferred until delivery date + 7 days. Is that the normal DD+7 policy? Thanks.""",
    ),
    (
        "payments",
        "H",
        "mixed",
        """Hola, my disbursement is on hold because "bank account verification failed". Ya verifiqué la cuenta dos veces, the bank statement is in Spanish because my bank is in Mexico. Do I need a translation? I need the payment this week to pay the shipping of my next FBA shipment.""",
    ),
    (
        "payments",
        "N",
        "angry",
        """You charged me the $39.99 Professional subscription for 3 months even though I downgraded to Individual in August. That's $120 for nothing. I want it refunded and don't send me a link to the fee page again.""",
    ),
    (
        "payments",
        "C",
        "regional",
        """Right, so the account's been flagged for a KYC review and every penny is frozen, near enough forty grand. Listings are still up, orders still coming in, but I cannae get any money out and I've the VAT bill due and wages on Friday. This is going to put us under if it's not sorted this week. Who do I need to talk to?""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """Hello, I'm requesting a reconciliation for inbound shipment FBA17XKZ4RQ. We sent 480 units in 12 cartons (40 per carton), all cartons signed for at LBA4 on 3 September per the carrier POD. The shipment was closed with 440 units received, so 40 units (exactly one carton) are missing. The inventory ledger shows no adjustment for them. I've attached the POD, the packing list and the invoice showing a unit cost of £6.20. Please investigate and reimburse the missing units.""",
    ),
    (
        "reimbursement",
        "N",
        "terse",
        """FBA customer return for order 203-8812211-0099887 refunded 62 days ago, unit never came back, no reimbursement. Please reimburse.""",
    ),
    (
        "reimbursement",
        "H",
        "angry",
        """I've now filed 7 cases about lost inventory. The ledger literally says "Lost - warehouse" for 260 units worth over $4,000 and each case is closed with "the units were found". They were NOT found, they're not in my available, reserved or unfulfillable. Stop closing my cases and pay me what you owe me.""",
    ),
    (
        "reimbursement",
        "N",
        "polite",
        """Hi there, I'd like to dispute a reimbursement amount. 15 units of SKU GRD-HOSE-25M were damaged in the fulfilment centre and I was reimbursed £4.10 per unit, while the item sells for £24.99 and my cost is £11.30. Could you please review the valuation? I can provide the manufacturing invoice.""",
    ),
    (
        "reimbursement",
        "N",
        "nonnative",
        """Dear team, we have SAFE-T claim for order 406-1122334-5566778. Customer return the product broken and dirty, not possible to sell again. The claim is rejected saying we don't provide evidence but we upload 6 photos. Kindly review again and approve the claim, value is 89 EUR.""",
    ),
    ("reimbursement", "L", "terse", """is there a report that shows all reimbursements for the last year?"""),
    (
        "reimbursement",
        "H",
        "mixed_topics",
        """Our inbound pallet (FBA15R0LL3Y, 1,200 units) was delivered on 4 Nov with a signed POD from the partnered carrier, and it shows zero received after 5 weeks. We've raised it twice. This is about $9,600 of inventory for the holiday season, we're already running out of stock on the listing. I also have a question about a removal order but that can wait. Please get someone to locate this pallet or reimburse it.""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """URGENT - orders will cancel tonight

We fulfil our own orders (FBM, Seller Fulfilled Prime). Since 6am the Buy Shipping page throws an error for every order ("We're unable to retrieve rates at this time"). We have 146 orders with a ship-by date of today. If we can't buy labels and confirm, they will be cancelled and our SFP status and cancellation rate will be destroyed. We tried three browsers and the app. Can you confirm shipment manually or extend the ship-by date? We need an answer in the next few hours.""",
    ),
    (
        "order_fulfillment",
        "H",
        "regional",
        """Evening, the courier hasn't turned up for the collection three days running now (DPD, depot says they're short-staffed). We've 60-odd parcels sat in the unit with ship-by dates tomorrow and Thursday. Is there any way to extend the handling time on these without it dinging the late shipment rate? Don't want to get pulled up for it when it's the courier's fault.""",
    ),
    (
        "order_fulfillment",
        "N",
        "polite",
        """Hello, a buyer has contacted us asking to change the delivery address on order 026-5544332-1122334 from her home to her office. We haven't shipped yet. As far as I know we shouldn't ship to an address different from the order. What's the right way to handle this? Should we ask her to cancel and re-order? Thanks for your guidance.""",
    ),
    (
        "order_fulfillment",
        "N",
        "nonnative",
        """Hello, order 171-2233445-6677889 is showing 'Unshipped' but i already confirm shipment yesterday with tracking LX123456789IN of India Post. When I try again it is saying order already confirmed. Customer is seeing not shipped and sending message. please check.""",
    ),
    (
        "order_fulfillment",
        "L",
        "terse",
        """can I combine two orders from the same buyer into one parcel and use one tracking number for both?""",
    ),
    (
        "order_fulfillment",
        "N",
        "angry",
        """Buyer claims the parcel never arrived. Tracking shows DELIVERED, photo of the parcel at HIS door, and still he's demanding a refund and threatening a bad review. What am I supposed to do here?? I'm not refunding for something delivered.""",
    ),
    (
        "order_fulfillment",
        "H",
        "mixed_topics",
        """Our MCF orders from our Shopify store (about 35 of them since Monday) are all stuck in 'Planning' status in the fulfilment centre and the customers are chasing us. The inventory is available. This is a repeat of what happened in July. Side note, I also have a question about the storage fees on the invoice but the MCF orders are the priority.""",
    ),
    (
        "returns_refunds",
        "N",
        "long",
        """Hi, I need some help with a return that I think is fraudulent. The buyer ordered a Bosch cordless drill (SKU BSH-GSR18-KIT) and returned it citing 'defective'. What came back to our warehouse is an old, heavily used drill of a cheaper model with the serial number scratched off. The buyer has already been refunded £149.00 automatically. I have photos of what we received and the serial number of what we sent. What's the process here? Is this a SAFE-T claim or should I contact the buyer? I'd rather not accuse anyone directly.""",
    ),
    (
        "returns_refunds",
        "H",
        "angry",
        """This is the 4th empty box return this month. Buyers are returning EMPTY BOXES and your system refunds them automatically before the parcel even arrives. £600 lost so far. I want returnless refunds off and I want to inspect every return before refund. How do I stop this??""",
    ),
    (
        "returns_refunds",
        "L",
        "polite",
        """Hello, could you explain the difference between a return request and an A-to-z Guarantee claim? If a buyer opens a return and I authorise it, can they still open an A-to-z claim later? Thank you, just trying to understand the process.""",
    ),
    (
        "returns_refunds",
        "N",
        "nonnative",
        """Customer is opening return request saying "item not as described" but our description is very clear it is size M. He order M and receive M. Now he want refund and also ask us to pay return shipping. Is this correct we need to pay shipping for his mistake?""",
    ),
    (
        "returns_refunds",
        "H",
        "long",
        """We've had an A-to-z claim filed on order 112-9988776-5544332 for a £340 sofa bed. The buyer refused delivery, the courier took it back, and now he's filed a claim saying the item never arrived. We've uploaded the courier's refusal record. The claim response deadline is tomorrow and this would be our 3rd claim this quarter, which puts our ODR close to the limit. Can someone review the evidence before it's decided?""",
    ),
    (
        "returns_refunds",
        "N",
        "terse",
        """refund issued to wrong order by mistake (order 305-1122334-4455667), how do i reverse it?""",
    ),
    (
        "listing",
        "C",
        "long",
        """Hello,

All 340 of our listings went inactive overnight. No email, no notification on the account health page, nothing in the performance notifications. The status just says "Inactive (Out of stock)" but we have stock, both FBA and FBM. Our inventory shows available. This started at around 2am UK time. We have had zero sales today when we normally do 200 orders a day. We're a Brand Registry brand. Please escalate this to someone who can see what's going on, our entire shop is invisible.""",
    ),
    (
        "listing",
        "H",
        "angry",
        """Someone has hijacked my listing B0BX7TR2PL and is selling cheap Chinese knock-offs at half my price. I OWN THE BRAND, it's registered, I am the ONLY manufacturer. They won the buy box so now my customers are getting fakes and leaving 1 star reviews on MY listing. I've reported it through Report a Violation twice, nothing happened. Fix this.""",
    ),
    (
        "listing",
        "N",
        "nonnative",
        """Hello sir, I am trying to add new size variation (XL) to my existing listing but getting error "The SKU data provided is different from what's already in the Amazon catalog" for the parent ASIN. I use flat file. Kindly guide what is wrong in my file.""",
    ),
    (
        "listing",
        "N",
        "polite",
        """Hi team, the main image on my listing B09KLM4455 was replaced by an image of a completely different product (a red kettle, our product is a blue thermos). I didn't make the change and I'm the brand owner. I tried uploading our image again but it doesn't stick. Could you please check who is contributing the image and restore ours?""",
    ),
    ("listing", "L", "terse", """how do I get ungated in the Grocery & Gourmet category? what documents?"""),
    (
        "listing",
        "H",
        "regional",
        """Our best selling listing's been search suppressed since Friday because of some 'missing attribute' that I can't even find on the edit page. It's that annoying wee red banner. Sales on it have dropped off a cliff, it normally does about 50 a day. Can someone tell me exactly which attribute it wants?""",
    ),
    (
        "listing",
        "N",
        "mixed",
        """Hi, mi listing B08YTRE556 shows the title in German on amazon.es. I created it in Spanish pero it changed by itself. How do I fix the title for the Spanish store?""",
    ),
    (
        "inventory_logistics",
        "H",
        "long",
        """Our storage capacity limit for Q4 was cut from 4,200 to 1,100 cubic feet, despite our IPI being 510. We have two containers arriving at Felixstowe next week, which is the stock for Black Friday and Christmas. If we can't send it in, we'll be out of stock on our top 15 ASINs in mid-November. The capacity manager only lets us bid a small reservation fee. Could someone explain why the limit dropped so sharply and whether there is any way to get a temporary increase?""",
    ),
    (
        "inventory_logistics",
        "N",
        "terse",
        """Shipment FBA18F2XL9KC delivered 12 days ago, still 'receiving', 0/300 units. When will it be checked in?""",
    ),
    (
        "inventory_logistics",
        "N",
        "nonnative",
        """Hello, I have 120 units stranded inventory from long time. When I click "fix stranded inventory" and relist, after one day it is again showing stranded. Please tell me how I can solve permanently or I should make removal order?""",
    ),
    (
        "inventory_logistics",
        "H",
        "angry",
        """800 units of my best seller are sitting in 'Reserved - FC processing' for THREE WEEKS. The listing shows out of stock. I'm losing about 40 sales a day. Every time I ask, the answer is "it's in transfer". Transfer to where?? The moon??""",
    ),
    (
        "inventory_logistics",
        "L",
        "polite",
        """Hello, I'm planning my first shipment to FBA and want to make sure I get the labelling right. Do I need to put FNSKU labels on every unit if my product already has a barcode, or can I use the manufacturer barcode? And is there a problem with shipping 2 different SKUs in one carton? Many thanks.""",
    ),
    (
        "inventory_logistics",
        "C",
        "long",
        """After our account was moved to a new legal entity last week, every single FBA unit (about 18,000 units across 90 SKUs) is showing as stranded with the reason "listing not found". The listings exist, they're active under the new entity. Nothing can be sold via FBA. This is our whole business - we don't have FBM capacity. Please can someone fix the link between the inventory and the listings urgently.""",
    ),
    (
        "inventory_logistics",
        "N",
        "regional",
        """Put in a removal order for 200 damaged units about a month ago, status says completed, nothing's turned up at our place. No tracking either. Any chance yous could find out where they've gone?""",
    ),
    (
        "advertising",
        "H",
        "angry",
        """My daily budget is $50. On Monday my Sponsored Products campaign spent $412. EIGHT TIMES the budget. Half the clicks came from one search term that makes no sense. I want a credit for the overspend and an explanation, I'm a small seller and this eats my whole margin for the month.""",
    ),
    (
        "advertising",
        "N",
        "polite",
        """Hi, our Sponsored Brands video ad has been 'rejected' twice for "unsupported claims". The video shows the product in use and the only text is the brand name and "Made in Italy", which is true (we can provide proof of origin). Could you please tell us which claim is the problem so we can fix it?""",
    ),
    (
        "advertising",
        "L",
        "nonnative",
        """Hello, I am new in advertising. Please explain me difference of auto campaign and manual campaign, which one is better for start? Also how much budget I should keep daily?""",
    ),
    (
        "advertising",
        "N",
        "terse",
        """campaign status 'delivering' but 0 impressions for 6 days, bids above suggested. why?""",
    ),
    (
        "advertising",
        "H",
        "long",
        """Our Lightning Deal for Prime Big Deal Days (deal ID 3f9a-...) was cancelled two days before the event with the reason "price not valid". The deal price was 25% below the lowest price of the last 30 days, we checked. We paid the deal fee, ordered extra stock and set up ads around it. If the deal doesn't run we'll have about 2,000 extra units and a big hole in our sales plan. Can this be reinstated?""",
    ),
    (
        "advertising",
        "N",
        "mixed_topics",
        """I think I've been charged for invalid clicks - 300 clicks from the same few search terms within an hour on Saturday, $180, zero orders. Can I get that looked into and refunded? Also not sure if my coupon is stacking with the Prime discount, but the clicks are the main thing.""",
    ),
    (
        "technical",
        "H",
        "long",
        """Since yesterday 3pm our SP-API integration (we use it for our own warehouse system) receives HTTP 403 'Unauthorized' on getOrders for the UK and DE marketplaces. The refresh token is valid and the app authorisation page shows it's still authorised. Because of this our warehouse isn't getting new orders and we've had to enter them by hand. About 300 orders a day. Our developer has checked the role permissions and nothing changed on our side. Please help us find out what changed.""",
    ),
    (
        "technical",
        "N",
        "terse",
        """Business Reports > Detail Page Sales and Traffic just shows a spinning wheel, for days now. Tried Chrome, Edge, cleared cache.""",
    ),
    (
        "technical",
        "N",
        "nonnative",
        """Dear team, when I upload my inventory file it is showing "processing" from 2 days and not completed. I try again and again same thing. My price update is not going live. Please check what is issue with the system.""",
    ),
    (
        "technical",
        "C",
        "angry",
        """Seller Central has been completely down for us since 7am - login goes to a blank page, the app says "something went wrong". We can't see orders, can't buy labels, can't confirm shipments, NOTHING. We have 200 orders due today. Is there an outage? Why is there no status page?? Our business is at a standstill.""",
    ),
    (
        "technical",
        "L",
        "polite",
        """Hello, is there a way to schedule the FBA inventory report to be emailed automatically every morning, or do I need to use the API for that? Thank you.""",
    ),
    (
        "technical",
        "H",
        "regional",
        """Our repricer connection has gone belly up since the weekend - the feeds are being accepted but prices aren't changing on the site. We've about 900 SKUs sitting at the wrong price, some way below cost. Could someone check if the feeds are actually being processed? It's costing us a fortune.""",
    ),
    (
        "account_access",
        "C",
        "long",
        """My account has been hacked. This morning I received an email that the login email address was changed to an address I don't recognise, and 10 minutes later that the two-step verification phone was changed. I can no longer log in at all. The hacker may change the bank account and steal our disbursement of about $22,000 due on Thursday. Please lock the account and the payments immediately and help me recover access. I can verify my identity with passport and business documents.""",
    ),
    (
        "account_access",
        "N",
        "polite",
        """Hello, our warehouse manager has left the company and I'd like to remove his user access and add his replacement with the same permissions (orders and inventory only, no payments). I can't find where to do this in the new settings layout. Could you point me in the right direction?""",
    ),
    (
        "account_access",
        "N",
        "nonnative",
        """I am not receiving OTP on my phone since I change my sim card. I also try with authenticator app but it is not linked. How I can login to my account? There is orders pending to ship tomorrow.""",
    ),
    (
        "account_access",
        "H",
        "angry",
        """Locked out of my account for 3 days because the "verify your identity" page keeps rejecting my driving licence. I have 40 orders to ship and can't even see the addresses. I've done this verification before, nothing has changed. This needs fixing today.""",
    ),
    ("account_access", "L", "terse", """can two people log in with the same user? or does each need their own?"""),
    (
        "other",
        "L",
        "polite",
        """Hi, we're a UK seller thinking of expanding to the US store. Do we need a US company, or can we sell with our UK Ltd? And how does the tax side work - do we need an EIN? Any guidance or links would be appreciated.""",
    ),
    (
        "other",
        "N",
        "angry",
        """I want to complain formally about the way my last case was handled. The agent closed my case after telling me on the phone she would call me back in 24 hours. Nobody called. Then the case was marked "resolved". Nothing was resolved. I want a manager to review case 14562389901.""",
    ),
    (
        "other",
        "L",
        "nonnative",
        """Hello, please share me information about the seller university course for new seller, is it free? Also there is any event in Bangalore for sellers?""",
    ),
    (
        "other",
        "N",
        "polite",
        """Hello, we've decided to close our seller account at the end of the year (retiring). What do we need to do to make sure all remaining funds are paid out, and will we still be able to download our reports for tax purposes after closing? Thank you.""",
    ),
    (
        "other",
        "L",
        "regional",
        """Just wanted to say cheers to the lad who sorted my case last week, he was brilliant. Wish they were all like that. No need to reply.""",
    ),
    (
        "order_fulfillment",
        "N",
        "notice",
        """I received this: "Action required: 3 of your orders have not been confirmed as shipped. Confirm shipment or the orders will be cancelled." But all three were shipped on Monday with Evri tracking, I can see the tracking in the order details. Why does it still say unconfirmed? Orders 026-1111111-2222222, 026-3333333-4444444, 026-5555555-6666666.""",
    ),
    (
        "returns_refunds",
        "N",
        "regional",
        """The customer's sent back a pair of boots that have clearly been worn in muck for a fortnight and wants a full refund. They're not fit for resale. Can I knock something off the refund for the condition or does it have to be the lot?""",
    ),
    (
        "reimbursement",
        "N",
        "regional",
        """Yous destroyed 45 units of my stock that I'd asked to be sent back to me - removal order was set to 'return', not 'dispose'. That's about £700 worth. I want paid for them please.""",
    ),
    (
        "policy_compliance",
        "N",
        "regional",
        """Your lot have flagged my wee first aid kits as a pesticide because the word 'antiseptic' is in the listing. They're plasters and bandages, for goodness sake. What do I need to do to get them back up?""",
    ),
    (
        "advertising",
        "L",
        "regional",
        """Quick one - is it worth running ads on a new listing with no reviews yet, or should I wait till it's got a few? Just don't want to burn money.""",
    ),
    (
        "technical",
        "N",
        "mixed_topics",
        """The 'Manage All Inventory' page won't let me filter by fulfilment channel anymore, the dropdown is empty. And the search box only returns results for exact SKUs. This started after the new layout came in. Not urgent as such but it's slowing us down a lot.""",
    ),
]
