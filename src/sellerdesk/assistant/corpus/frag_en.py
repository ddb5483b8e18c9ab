# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Hand-written English fragments for the corpus generator (build.py).

Slots: {order} {asin} {sku} {amount} {date} {n} {days} {product} {mp}. Problems are (urgency, text) with
urgency L(ow) N(ormal) H(igh) C(ritical).
"""

OPENINGS = [
    "Hi,",
    "Hello,",
    "Hello team,",
    "Dear Seller Support,",
    "Hi there,",
    "Good morning,",
    "Hello Seller Support team,",
    "Dear Sir/Madam,",
    "Hey,",
    "To whom it may concern,",
    "Hi, hope you are well.",
    "Greetings,",
    "Hello, this is my third time writing about this.",
    "Hi folks,",
    "",
    "",
    "",
]

CLOSINGS = [
    "Thanks.",
    "Thank you in advance.",
    "Regards,",
    "Kind regards, {name}",
    "Many thanks, {name}",
    "Please advise.",
    "Looking forward to your reply.",
    "Cheers",
    "Thanks for your help.",
    "Best regards",
    "Please help.",
    "Waiting for your response.",
    "Thanks, {name} ({shop})",
    "",
    "",
]

NAMES = ["John", "Sarah", "Priya", "Mike", "Aisha", "Tom", "Li Wei", "Rahul", "Emma", "Dave", "Fiona", "Raj", "Kate"]
SHOPS = ["HomeNest Ltd", "BrightKids Store", "Urban Pets", "GadgetBay UK", "Outback Outdoors", "Spice Route Traders"]

CONTEXT = [
    "We are a small family business selling {product} on {mp} since 2016.",
    "I sell mainly {product} through FBA and a few items FBM.",
    "We have been selling on {mp} for about {n} years without any problem.",
    "I'm a new seller, just opened my account {days} days ago.",
    "We are a brand owner, our brand is registered in Brand Registry.",
    "Our shop has around {n}00 SKUs, mostly {product}.",
    "I run this business alone next to my day job so I don't have much time.",
    "We ship from our own warehouse in Leeds and use FBA for the fast movers.",
    "We are a manufacturer from Shenzhen selling in the US and EU stores.",
    "Q4 is our busiest time of the year, {n}0% of our sales happen now.",
    "I've already spoken to two of your colleagues on the phone and nobody could help.",
    "I opened case {case} last week and got a copy-paste answer.",
]

DETAILS = [
    "The order ID is {order}.",
    "Order number: {order}",
    "ASIN: {asin}",
    "ASIN {asin}, SKU {sku}.",
    "The affected SKU is {sku}.",
    "It's about order {order}, shipped on {date}.",
    "The amount in question is {amount}.",
    "This happened on {date}.",
    "Total value around {amount}.",
    "Listing: {asin} ({product}).",
    "Case ID {case} for reference.",
    "Shipment ID FBA{ship}.",
]

CUES = {
    "L": [
        "No rush, it's just a question.",
        "Just want to understand how this works.",
        "Could you point me to the right help page?",
        "Is there a guide for this?",
        "Just curious, nothing urgent.",
        "When you have time.",
    ],
    "N": [
        "Please look into it.",
        "Can someone check this for me?",
        "I'd appreciate it if you could sort this out.",
        "Please let me know what I need to do.",
        "Could you please investigate?",
        "I need this fixed this week if possible.",
    ],
    "H": [
        "This is costing me sales every day.",
        "Please treat this as urgent, we are losing money.",
        "Prime Day starts next week and I need this fixed before then.",
        "My best seller is affected, sales dropped by {n}0%.",
        "Please escalate, this is hurting our business.",
        "If this isn't solved in the next few days we'll lose the buy box for good.",
    ],
    "C": [
        "Our business has completely stopped.",
        "We cannot sell anything at all right now.",
        "This is an emergency, I have employees to pay.",
        "We have zero sales since this happened.",
        "Everything is down, please help immediately!!",
        "We will go out of business if this is not fixed today.",
    ],
}

ANGRY = [
    "This is absolutely ridiculous.",
    "I am sick and tired of getting copy-paste answers.",
    "Third time I'm writing about this!!!",
    "Do you actually read these messages?",
    "Your support is a joke.",
    "I want to speak to a manager NOW.",
    "Unbelievable. Nobody takes responsibility.",
    "Stop sending me the same useless template.",
]

SIDE_PREFIX = ["Also,", "Another thing:", "P.S.", "Unrelated but", "And while I have you,", "btw"]

PROBLEMS = {
    "order_fulfillment": [
        ("L", "How do I buy shipping labels through Buy Shipping for an FBM order?"),
        ("L", "What is the handling time I should set for made-to-order items?"),
        ("L", "Can I ship an order with a different carrier than the one I selected?"),
        ("N", "Order {order} shows as unshipped although I confirmed shipment yesterday with tracking."),
        ("N", "The buyer says the package never arrived but tracking shows delivered to a neighbour."),
        ("N", "I can't confirm shipment, the tracking number is rejected as invalid for Royal Mail."),
        ("N", "A customer wants to change the delivery address after the order was placed, what can I do?"),
        (
            "N",
            "The buyer ordered the wrong size and wants to cancel before I ship, how do I cancel without it counting against me?",
        ),
        ("N", "Our MFN orders are not showing in the unshipped tab, only in the all orders view."),
        (
            "H",
            "The carrier hasn't picked up our parcels for {n} days and the ship-by date for {n}0 orders is tomorrow.",
        ),
        ("H", "Orders are stuck in pending for {days} days and buyers are asking where their stuff is."),
        ("H", "Seller Fulfilled Prime orders are flagged late because the carrier scan came in after the cut-off."),
        (
            "C",
            "We have {n}0 orders that will be auto-cancelled tonight because we cannot buy labels in Seller Central.",
        ),
        (
            "C",
            "All our FBM orders are about to be cancelled, the ship-by date is today and confirm shipment keeps failing.",
        ),
        ("N", "Multi-channel fulfillment order for our Shopify store was never shipped from the FC."),
        ("L", "do i need to add tracking for letters under 2 pounds?"),
    ],
    "returns_refunds": [
        ("L", "What is the return window for items sold during the holiday season?"),
        ("L", "How do I set up a returnless refund for cheap items?"),
        ("L", "Can I charge a restocking fee if the buyer opened the box?"),
        ("N", "A buyer returned an empty box and got a full refund automatically."),
        ("N", "The customer sent back a used item with missing parts, I want to issue a partial refund only."),
        ("N", "I refunded order {order} twice by mistake, how do I get one refund back from the buyer?"),
        ("N", "Buyer opened a return request saying 'not as described' but the item is exactly as listed."),
        ("N", "The return label was never generated for the customer and now they left negative feedback."),
        ("N", "Refund was issued to the buyer but the return never arrived back at my address."),
        ("H", "A buyer filed an A-to-z Guarantee claim on order {order} even though we delivered with signature."),
        ("H", "We are getting a wave of fraudulent returns on our {product}, swapped for old broken units."),
        ("H", "The customer is threatening a chargeback and an A-to-z claim unless we refund without return."),
        ("N", "Prepaid return labels are being charged to us at the wrong rate, {amount} per label."),
        ("L", "customer wants to exchange for a different colour, is there an exchange option or refund and reorder?"),
    ],
    "reimbursement": [
        ("L", "How long do I have to file a claim for lost inventory in FBA?"),
        ("L", "What's the difference between a SAFE-T claim and a reimbursement request?"),
        (
            "N",
            "{n} units were lost in the fulfilment centre according to the inventory ledger but no reimbursement was issued.",
        ),
        ("N", "A customer return was refunded {days} days ago but the unit was never returned to my inventory."),
        ("N", "My SAFE-T claim for order {order} was denied even though the item came back damaged."),
        ("N", "The reimbursement for damaged units was calculated at a much lower value than my selling price."),
        ("N", "Shipment FBA{ship} was received short by {n} units, I want to open a reconciliation."),
        ("N", "I was charged FBA fees for the wrong size tier, please refund the difference of {amount}."),
        (
            "H",
            "Over {amount} worth of inventory disappeared in the warehouse last month and my claims keep being closed.",
        ),
        ("H", "The reimbursement of {amount} was reversed without explanation and now I'm negative."),
        ("N", "The warehouse destroyed {n} units that I had asked to be returned to me, I want compensation."),
        ("N", "Lost and damaged inventory reimbursement shows 0 units although the ledger says {n} damaged."),
        ("H", "Your carrier lost our whole inbound pallet worth {amount} and the case was closed as resolved."),
    ],
    "payments": [
        ("L", "When will my next disbursement be? The date shows as pending."),
        ("L", "How do I change the bank account for deposits?"),
        ("L", "Why is there a reserve on my account balance? I want to understand the calculation."),
        ("N", "My disbursement of {amount} was sent on {date} but it hasn't arrived in my bank account."),
        ("N", "I was charged a subscription fee of {amount} although I downgraded to the individual plan."),
        ("N", "The VAT invoice for last month's seller fees is missing from the reports."),
        ("N", "A chargeback was debited from my account for order {order} but the buyer already got a refund."),
        ("H", "The account level reserve suddenly increased and I can't access {amount} that I need for stock."),
        ("H", "My disbursements have been on hold for {days} days, I need the money to pay my supplier."),
        ("H", "The deposit failed because the bank details were rejected and payment is now on hold."),
        ("C", "All my funds ({amount}) are frozen since the account was put under review, I can't pay salaries."),
        ("C", "You have withheld my entire balance of {amount} for 90 days and my business cannot survive."),
        ("N", "The currency converter charged a terrible rate on my transfer to my EUR account."),
        ("N", "My credit card was charged {amount} for an unpaid balance that I don't recognise."),
    ],
    "listing": [
        ("L", "How do I add a new variation (colour) to an existing parent ASIN?"),
        ("L", "Can I list a product without a UPC? I make it myself."),
        ("L", "How do I request approval to sell in the grocery category?"),
        ("N", "My listing {asin} is suppressed because of a missing main image, but the image is there."),
        ("N", "The title and bullet points I edited keep reverting to the old version."),
        ("N", "Another seller changed the images on my brand's listing and now it shows the wrong product."),
        ("N", "I uploaded a flat file and got error 8541 saying the data conflicts with the catalogue."),
        ("N", "The product type is wrong on {asin} and I can't change it to the correct category."),
        ("H", "A hijacker is selling fake copies on my Brand Registry listing and took the buy box."),
        ("H", "My top listing {asin} is showing as inactive 'search suppressed' and sales stopped."),
        ("H", "The listing got merged with a different product and customers are receiving the wrong item."),
        ("C", "All of our {n}00 listings went inactive overnight with no notification and we have no sales."),
        ("C", "Every ASIN in our catalogue disappeared from search this morning, the whole shop is invisible."),
        (
            "N",
            "The price on my listing shows as {amount} but I set it much higher, the pricing error flag is blocking it.",
        ),
        ("N", "The listing page says 'currently unavailable' although I have {n} units in stock."),
    ],
    "policy_compliance": [
        ("L", "Which documents do I need to sell children's toys in the EU (CE, safety info)?"),
        ("L", "Is it allowed to sell CBD-free hemp seed oil cosmetics?"),
        (
            "N",
            "I received an intellectual property complaint about trademark infringement but I'm selling genuine products.",
        ),
        ("N", "My listing was removed for being a pesticide, but it's a simple first aid kit."),
        ("N", "We were asked to provide a product safety certificate for {asin} within {days} days."),
        ("N", "Your system flags our cosmetic face masks as PPE and asks for approvals we don't need."),
        ("H", "We received a policy warning for 'restricted products' and {n} listings were removed."),
        ("H", "A competitor filed a false copyright complaint against my own photos and my listing was taken down."),
        ("H", "My product was flagged as inauthentic and I must send invoices from the manufacturer within 7 days."),
        ("N", "The dangerous goods review says my hand cream is hazmat but I uploaded the SDS already."),
        ("C", "Due to repeated IP complaints, our whole account is at risk of deactivation by tomorrow."),
        (
            "N",
            "A 'Product Compliance' request asks for GPSR information on our listings, what exactly should I upload?",
        ),
        ("H", "Our listings are blocked because of the EPR registration number for packaging in Germany."),
    ],
    "account_health": [
        ("L", "What is a good Account Health Rating and how is it calculated?"),
        ("L", "How is the Order Defect Rate calculated, does a negative feedback count?"),
        ("N", "My late shipment rate shows 5% but most of those orders were delivered on time."),
        ("N", "There is a policy violation on my account health page that I don't understand."),
        ("H", "My ODR is 1.2% because of three A-to-z claims and I'm afraid of a suspension."),
        ("H", "Account health dropped to 'at risk' and I have a warning that my account may be deactivated."),
        ("H", "My pre-fulfilment cancel rate went over 2.5% because of a stock sync error."),
        ("C", "My seller account was suspended today and all listings are gone."),
        (
            "C",
            "Our account has been deactivated for 'related accounts' which makes no sense, we have only one account.",
        ),
        ("C", "The account was deactivated pending identity verification (KYC) and all our funds are held."),
        ("N", "Valid tracking rate is shown below 95% although all our shipments have tracking."),
        ("H", "The customer service dissatisfaction rate is 27% and the page says we may lose selling privileges."),
        ("C", "Selling privileges removed - our account is under review and we can't sell anything."),
    ],
    "account_access": [
        ("L", "How do I add a new user to my account with limited permissions?"),
        ("L", "Can I change the email address I use to log in to Seller Central?"),
        ("N", "I don't receive the two-step verification code on my new phone number."),
        ("N", "My employee left the company and I need to remove his access."),
        ("N", "I forgot my password and the reset email never arrives."),
        ("H", "Someone logged into my account and changed the bank account details."),
        ("H", "I'm locked out of Seller Central after too many attempts and have orders to ship."),
        ("C", "My account was hacked, the login email was changed and I cannot get in at all."),
        ("N", "The authenticator app was on my old phone which broke, how do I get back in?"),
        ("H", "My account was taken over and the hacker listed hundreds of fake products under my name."),
        ("N", "After the identity check my login keeps looping back to the verification page."),
    ],
    "appeals": [
        ("L", "How do I write a plan of action for a late shipment rate deactivation?"),
        ("N", "I submitted an appeal for the listing removal {days} days ago and didn't get any answer."),
        ("N", "Please review my plan of action for the IP complaint, the rights owner retracted it."),
        ("H", "My appeal was rejected with the same template, no explanation what is missing."),
        ("H", "I have sent invoices three times to appeal the inauthentic complaint and it is always denied."),
        (
            "C",
            "Our account has been deactivated for {days} days, we submitted a plan of action twice and it's rejected, please reinstate.",
        ),
        ("C", "I need my account reinstated, my appeal has been under review for weeks and we have no income at all."),
        ("N", "I want to dispute the A-to-z claim decision, the buyer got the item and I have proof of delivery."),
        (
            "H",
            "I want to appeal the policy violation that was applied to my account health, the rights owner already withdrew the complaint.",
        ),
        ("N", "Please reconsider the decision on my category approval appeal, I attached new invoices."),
        (
            "C",
            "This is my final appeal: the account is deactivated, {amount} are held and I have corrected every point.",
        ),
    ],
    "inventory_logistics": [
        ("L", "How do I create a removal order for unfulfillable units?"),
        ("L", "What is the IPI score and how does it affect my storage limit?"),
        ("L", "Can I send inventory to FBA with my own carrier instead of the partnered carrier?"),
        ("N", "My shipment FBA{ship} shows delivered {days} days ago but is still 'checked-in' with 0 units received."),
        ("N", "I have {n}0 units of stranded inventory and the fix option doesn't work."),
        ("N", "My inbound shipment was split into {n} different warehouses, which makes shipping very expensive."),
        ("N", "The removal order was completed but the units never arrived at our address."),
        ("H", "Our storage capacity limit was cut and we can't send the Q4 stock that's already at the port."),
        ("H", "All units of my best seller are in 'reserved' status for weeks and the listing shows out of stock."),
        ("H", "The FC marked {n}00 units as unfulfillable because of labelling, but they were labelled correctly."),
        ("C", "Our entire FBA inventory is stranded after the account change and nothing is sellable."),
        (
            "N",
            "The inventory in Seller Central doesn't match what the warehouse has, there's a discrepancy of {n} units.",
        ),
        ("N", "Send to Amazon workflow asks for box dimensions I already entered and the shipment is stuck."),
        ("H", "Inventory is restricted by the new hazmat classification and {n}000 units can't be sold."),
    ],
    "advertising": [
        ("L", "What is a good ACOS for a new product launch?"),
        ("L", "How do I add negative keywords to an automatic campaign?"),
        ("N", "My Sponsored Products campaign shows 'eligible' but gets zero impressions."),
        ("N", "I was charged {amount} for ad clicks that look like bots, can I get a refund?"),
        ("N", "The coupon I created is not showing on the product page."),
        ("N", "Sponsored Brands ad was rejected for 'claims', but there are no claims in the headline."),
        ("H", "The ad spend exceeded my daily budget by 5 times, {amount} in one day."),
        ("H", "My Lightning Deal for Black Friday was cancelled two days before it starts."),
        ("N", "Ads are not serving on ASIN {asin} since I changed the price."),
        ("L", "Can I run a promotion for buy one get one free?"),
        (
            "H",
            "The advertising account is suspended because of a payment failure on the card and all campaigns stopped.",
        ),
    ],
    "technical": [
        ("L", "Is there an API endpoint to download the settlement report automatically?"),
        ("L", "Which report shows the fees per order?"),
        ("N", "The business reports page doesn't load, it just shows an error 500."),
        ("N", "My SP-API app keeps getting 403 errors since the token refresh."),
        ("N", "Inventory upload via flat file stays 'in progress' for {days} days."),
        ("N", "The Seller app crashes every time I open the orders tab on Android."),
        ("H", "Our repricer integration stopped syncing and prices are wrong on {n}00 items."),
        ("H", "The order report API returns empty results so our warehouse system doesn't get new orders."),
        ("C", "Seller Central has been down for us for {n} hours, we can't see orders or print labels, nothing works."),
        ("N", "When I click 'Edit' on any listing I get 'We're sorry, something went wrong'."),
        ("N", "The download button for the date range report does nothing in Chrome and Firefox."),
        ("H", "Inventory feeds from our ERP fail with 'internal error' and stock levels aren't updating."),
    ],
    "other": [
        ("L", "How can I start selling in the Australian marketplace?"),
        ("L", "Do you offer any programme for small businesses or handmade products?"),
        ("L", "I want to give feedback about the new Seller Central design."),
        ("L", "Where can I find the seller fees schedule for 2025?"),
        ("N", "I want to close my seller account, what happens with my remaining balance?"),
        ("L", "Is there a seller event or webinar about selling in Europe?"),
        ("N", "I'd like to complain about the support I got on my last case, the agent hung up."),
        ("L", "Can I sell on Amazon as a non-resident company from India?"),
        ("N", "Please send me a certificate of my sales history for my bank loan application."),
        ("L", "Thanks for fixing my issue last week, great job by the agent."),
        ("L", "What are the requirements for the Amazon Business (B2B) pricing programme?"),
    ],
}

# Non-native and regional English: whole problem sentences in a given voice.
NONNATIVE = {
    "order_fulfillment": [
        (
            "N",
            "Dear sir, my order {order} is showing not shipped but i already ship it two days before, kindly check and do the needful.",
        ),
        ("H", "Carrier is not coming for pick up since 3 days, many orders will become late, please revert asap."),
        ("C", "sir kindly help urgent, all pending orders going to cancel today night, shipping label not generating."),
    ],
    "returns_refunds": [
        (
            "N",
            "Customer is return the item but inside box is different item, not mine, please help me to get my product back.",
        ),
        ("N", "buyer is asking refund again after already refunded, how to stop this?"),
    ],
    "reimbursement": [
        ("N", "My {n} units is lost in your warehouse, please kindly reimburse me as per policy."),
        (
            "N",
            "The refund of customer is done but product not come back to warehouse since 2 months, I want compensate.",
        ),
    ],
    "payments": [
        (
            "H",
            "My payment is not coming since 3 weeks, it is showing on hold, I need money for buy stock, please release.",
        ),
        ("C", "why my all money is freeze?? account is under review and I am not able to pay my staff, very urgent."),
        ("N", "Kindly tell me why deducting {amount} from my account balance, I am not understanding this charge."),
    ],
    "listing": [
        ("N", "my listing is not showing in search, only showing when i search ASIN, please check what is problem."),
        ("H", "some other seller is change my brand listing photo and title, please remove him, I am brand owner."),
    ],
    "policy_compliance": [
        (
            "N",
            "I have got the mail saying my product is pesticide but it is simple kitchen cleaning cloth, please correct.",
        ),
        ("H", "my listing is removed for IP complain but I am buying from authorised distributor, have invoice."),
    ],
    "account_health": [
        ("C", "my account is suspended today without any reason, please tell what I have to do, all selling is stop."),
        ("H", "account health is showing red colour, what I should do to make it green before they deactivate?"),
    ],
    "account_access": [
        ("N", "i am not able to login, OTP is not coming to my mobile, please help."),
        ("C", "somebody hack my account and change the password and email id, i am not able to enter."),
    ],
    "appeals": [
        (
            "C",
            "I already submit the POA 3 times but they are rejecting every time, please tell me what is missing, my account is deactivate.",
        ),
        ("N", "Kindly consider my appeal, I have attached invoice of supplier as requested."),
    ],
    "inventory_logistics": [
        (
            "N",
            "my shipment is delivered to warehouse since 2 weeks but still showing receiving, not available for sale.",
        ),
        ("H", "all my stock is showing stranded, customer not able to buy, please fix fast."),
    ],
    "advertising": [
        ("N", "my sponsored ads is not getting impression since last one week, budget is there."),
        ("L", "please explain how to reduce my ACOS, it is very high."),
    ],
    "technical": [
        ("N", "when I am uploading the inventory file it is showing error and not uploading, please check."),
        ("H", "seller central page is not opening from yesterday, showing error, I am not able to do any work."),
    ],
    "other": [
        ("L", "I want to know how to start selling in Amazon UAE, please guide."),
        ("L", "please share the contact number of account manager."),
    ],
}

REGIONAL = {
    "order_fulfillment": [
        ("N", "Wee problem here, the courier lifted the parcel on Monday but the order still says unshipped."),
        ("H", "Mate, the courier's been a no-show three days running and I've got a stack of orders due out tomorrow."),
        ("N", "Buyer reckons the parcel never turned up, tracking says it was left in the meter box."),
    ],
    "returns_refunds": [
        ("N", "Some fella sent back a wee broken yoke that isn't even ours and got his money back, that's not on."),
        ("N", "Customer's after a refund for a jumper he's clearly worn to a wedding, I'm not having it."),
    ],
    "reimbursement": [
        ("N", "Yous have lost {n} of my units in the warehouse and I'm still waiting on the money for them."),
        ("N", "The reimbursement came through at half what the stock's worth, that's a bit rich."),
    ],
    "payments": [
        ("H", "Haven't been paid in a fortnight, payments are sitting on hold and I'm skint for restocking."),
        (
            "C",
            "All my dosh is frozen, the account's under review and I've wages to pay on Friday, it's a total nightmare.",
        ),
    ],
    "listing": [
        ("H", "Some cowboy has jumped on my listing with knock-offs and nicked the buy box."),
        ("N", "Listing's gone all wonky, wrong photos showing and I can't change them back."),
    ],
    "policy_compliance": [
        ("N", "Yous flagged my wee first aid kits as a pesticide, what's that about at all?"),
    ],
    "account_health": [
        ("C", "The account's been suspended out of nowhere and we're dead in the water, not a single sale."),
        ("H", "Account health has gone a bit pear-shaped, it's showing at risk and I'm bricking it."),
    ],
    "account_access": [
        ("N", "Can't get logged in at all, the code never comes through to my mobile."),
    ],
    "appeals": [
        ("H", "Sent my appeal in twice now and it's been knocked back both times with no reason given."),
    ],
    "inventory_logistics": [
        ("N", "Shipment's been sitting at the warehouse for ages and still hasn't been checked in."),
    ],
    "advertising": [
        ("N", "Ads are burning through the budget like nobody's business and not a sausage in sales."),
    ],
    "technical": [
        ("N", "Seller Central's been playing up all morning, the reports page just keeps spinning."),
    ],
    "other": [
        ("L", "Just a wee question, how do I go about selling into Ireland from the UK store?"),
    ],
}

# Quoted marketplace notices (what sellers paste into their message).
NOTICES = {
    "policy_compliance": [
        "Dear Seller, We have removed your listing because it may violate our Restricted Products policy. ASIN: {asin}. "
        "If you believe this is an error, you may submit an appeal with supporting documents.",
        "Hello, We received a report from a rights owner that the following content may violate their intellectual "
        "property rights: ASIN {asin}. Infringement type: Trademark. Complaint ID: {case}. We have removed the listing.",
        "Your listing has been deactivated because it appears to be a pesticide or pesticide device and is missing the "
        "required EPA registration information.",
        "We need additional information to verify that your product complies with our policies. Please provide a "
        "Certificate of Conformity and test reports within 7 days to avoid removal.",
    ],
    "account_health": [
        "Hello, Your Amazon seller account has been deactivated. Why is this happening? Your account may be related to "
        "another account that is not permitted to sell. Your funds will be held.",
        "Dear Seller, Your account is at risk of deactivation. Your Order Defect Rate is above our target of 1%.",
        "Your selling privileges have been removed because we could not verify the information you provided.",
        "We have suspended your account because your late shipment rate does not meet our performance target.",
    ],
    "appeals": [
        "Thank you for your plan of action. Unfortunately we are unable to reinstate your selling privileges at this time. "
        "Your plan of action did not contain the root cause of the issue.",
        "We reviewed your appeal and have decided not to reinstate your listing. Please do not reply to this message.",
    ],
    "payments": [
        "We have placed a temporary hold on your disbursements while we review your account. Funds available: {amount}.",
        "Your deposit could not be processed because your bank account information is invalid. Update it to receive "
        "your payment.",
        "An account level reserve has been applied to your account to protect buyers from chargebacks and claims.",
    ],
    "listing": [
        "Your listing is search suppressed because it is missing required attributes: item_type_keyword, main image.",
        "Alert: Inactive listing. The product detail page for ASIN {asin} has been removed from search due to a potential "
        "pricing error.",
    ],
    "inventory_logistics": [
        "Your shipment FBA{ship} contains units that were received with problems: {n} units unlabelled. Fees may apply.",
        "Your storage capacity limit for next month has been set to {n}00 cubic feet.",
    ],
    "reimbursement": [
        "We have reviewed your reimbursement request and found that the unit was returned to your inventory. Your claim "
        "is not eligible for reimbursement.",
        "Your SAFE-T claim for order {order} has been denied because the return was not received within the required time.",
    ],
    "returns_refunds": [
        "An A-to-z Guarantee claim has been filed for order {order}. Please respond within 72 hours.",
        "The buyer has requested a return for order {order}. Reason: Item defective or doesn't work.",
    ],
    "order_fulfillment": [
        "Action required: {n} of your orders are past their ship-by date and will be cancelled if not confirmed.",
    ],
    "advertising": [
        "Your ad was not approved because it does not comply with our advertising policies: unsubstantiated claims.",
    ],
    "account_access": [
        "We noticed a sign-in from a new device. If this wasn't you, change your password immediately.",
    ],
    "technical": [
        "Feed processing summary: Number of records processed 120, records with errors 120. Error 8560: SKU does not match.",
    ],
    "other": [],
}

NOTICE_INTROS = [
    "I got this message:",
    "Received the following notice today:",
    "Please see below the email I got:",
    "Copy of your notification:",
    "This is what you sent me:",
]

NOTICE_REACTIONS = [
    "I don't understand what I did wrong.",
    "This is completely wrong.",
    "What exactly do you need from me?",
    "Can you please explain this?",
    "We never had any complaint before.",
    "Please tell me how to fix this.",
]

PRODUCTS = [
    "kitchen gadgets",
    "phone cases",
    "dog toys",
    "yoga mats",
    "baby clothes",
    "LED lights",
    "garden tools",
    "handmade soap",
    "car accessories",
    "board games",
    "vitamins",
    "hair straighteners",
    "water bottles",
    "camping gear",
    "bed sheets",
    "phone chargers",
    "face masks",
    "first aid kits",
    "tea",
    "jewellery",
]

MARKETPLACES = ["Amazon.com", "Amazon UK", "the US store", "Amazon.co.uk", "Amazon.in", "Amazon.com.au", "Amazon.ca"]

CURRENCIES = ["${v}", "£{v}", "USD {v}", "{v} USD", "AUD {v}", "INR {v}", "₹{v}", "CAD {v}", "${v}"]

# Second batch: wording seen in real contacts for the most confusable categories.
PROBLEMS["returns_refunds"] += [
    ("H", "The buyer opened an A-to-z claim saying 'item not received' although tracking shows it was signed for."),
    ("N", "Customer returned the item after the return window closed and still got refunded, can I refuse it?"),
    ("N", "The buyer sent back a different, older model than the one we shipped and was refunded automatically."),
]
PROBLEMS["payments"] += [
    ("N", "There's a line in the settlement report I can't match to anything and it made my balance negative."),
    ("N", "The monthly subscription fee was charged twice this month."),
    ("H", "Payments are on hold because the bank account verification failed, it's the same account as always."),
]
PROBLEMS["technical"] += [
    ("N", "Box labels for the Send to Amazon shipment won't generate, the PDF just keeps loading."),
    ("N", "Since the update the Seller app crashes when I open an order."),
    ("H", "Our order management software stopped importing orders, the connection returns access denied."),
]
PROBLEMS["account_access"] += [
    ("H", "The two-step verification phone number belongs to an employee who left and we can't log in anymore."),
    ("N", "I want to change the primary user of the account to my business partner."),
]
PROBLEMS["other"] += [
    ("L", "Do we need a separate company to sell in the European and Japanese stores?"),
    ("N", "The agent promised a call back within 24 hours, nobody called and the case was closed."),
    ("L", "Are there any training materials or webinars for new sellers?"),
]
PROBLEMS["reimbursement"] += [
    ("N", "The inbound shipment was received short and the missing units were never reimbursed."),
    ("N", "Units were marked as damaged at check-in and blamed on our packaging, we want them reimbursed."),
]
