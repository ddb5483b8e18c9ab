"""The policy rules and automated detectors of a marketplace to start from. Operators edit them in
the admin; enforcement actions refer to rules by code and to detectors by name."""

from django.db import migrations

RULES = [
    (
        "PR-101",
        "Pesticides and pesticide claims",
        "Products that claim to kill, repel or control insects, germs, fungi or other pests are "
        "pesticides and need the registration number of the country of sale on the listing.",
        "Add the registration number to the listing, or remove claims such as 'kills 99.9% of germs' "
        "or 'antibacterial' if the product is not a pesticide.",
    ),
    (
        "PR-102",
        "Medical devices and personal protective equipment",
        "Products sold as protecting against infection or injury (respirators, surgical masks, "
        "protective gloves) need the certificate of conformity of the country of sale.",
        "Upload the certificate of conformity, or remove protective claims from a cosmetic or "
        "fashion product's title, bullet points and images.",
    ),
    (
        "PR-201",
        "Trademark use",
        "A listing may use a brand name only for genuine products of that brand, or to state "
        "compatibility ('fits', 'for use with').",
        "Remove the brand from the title and images, or provide invoices or a letter of "
        "authorisation from the brand owner.",
    ),
    (
        "PR-202",
        "Counterfeit and inauthentic products",
        "Every unit sold must be genuine and traceable to the manufacturer or an authorised "
        "distributor.",
        "Provide supplier invoices covering the units sold in the last 365 days, with the "
        "supplier's contact details.",
    ),
    (
        "PR-301",
        "Product condition",
        "Items sold as new must be unused, in original packaging, with all accessories.",
        "Inspect returned units before reselling them as new; list used units in a used condition.",
    ),
    (
        "PR-401",
        "Customer-service dissatisfaction",
        "Fewer than 25% of buyers who answer the survey may say that the seller did not solve "
        "their problem (rolling 30 days).",
        "Answer every buyer message with a concrete solution; offer a return or refund when the "
        "product is at fault.",
    ),
    (
        "PR-402",
        "Response time to buyers",
        "More than 90% of buyer messages must receive a first response within 24 hours, "
        "weekends included.",
        "Check messages at least once a day, including weekends, or appoint a colleague when you "
        "are away.",
    ),
    (
        "PR-501",
        "Accurate listings",
        "The title, images and description must describe the product actually shipped.",
        "Correct the listing so that it matches the product, including size, material and "
        "quantity.",
    ),
    (
        "PR-601",
        "Reviews and ratings",
        "Sellers may not pay for, incentivise or write reviews of their own or competitors' "
        "products.",
        "Stop any review programme outside the marketplace's own; do not offer refunds or gifts "
        "for reviews.",
    ),
    (
        "PR-701",
        "Seller identity and account information",
        "The business name, address, bank account and identity documents on the account must be "
        "current and verifiable.",
        "Update the account information and upload a current identity document and a bank "
        "statement in the business's name.",
    ),
    (
        "PR-801",
        "Food and expiry dates",
        "Food and supplements must reach the buyer with at least 90 days before their expiry date.",
        "Remove units with less than 90 days left from stock and label lots with their expiry "
        "date.",
    ),
]

DETECTORS = [
    (
        "pesticide-claims",
        "3.2",
        "Reads titles and bullet points for words that make a product a pesticide "
        "('antibacterial', 'kills germs', 'repels mosquitoes').",
    ),
    (
        "ppe-claims",
        "1.4",
        "Looks for protective-equipment products and claims (masks, respirators, gloves) in "
        "listings without a certificate.",
    ),
    (
        "trademark-match",
        "2.0",
        "Compares titles and images with registered brands in the brand registry.",
    ),
    (
        "review-abuse",
        "1.1",
        "Finds clusters of reviews from related accounts or reviews written after refunds.",
    ),
    (
        "expiry-check",
        "1.0",
        "Compares the expiry dates scanned at the warehouse with the date of delivery.",
    ),
]


def seed(apps, schema_editor):
    PolicyRule = apps.get_model("performance", "PolicyRule")
    Detector = apps.get_model("performance", "Detector")
    for code, title, summary, how in RULES:
        PolicyRule.objects.get_or_create(
            code=code, defaults={"title": title, "summary": summary, "how_to_comply": how}
        )
    for name, version, description in DETECTORS:
        Detector.objects.get_or_create(name=name, defaults={"version": version, "description": description})


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
