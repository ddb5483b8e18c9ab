# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Fragments en français pour build.py."""

OPENINGS = ["Bonjour,", "Bonjour à tous,", "Madame, Monsieur,", "Bonjour le support,", "Bonsoir,", "", ""]

CLOSINGS = [
    "Merci.",
    "Merci d'avance.",
    "Cordialement,",
    "Bien cordialement, {name}",
    "Dans l'attente de votre retour.",
    "Merci de votre aide.",
    "",
]

NAMES = ["Julien", "Claire", "Nicolas", "Sophie", "Mehdi", "Isabelle"]
SHOPS = ["Maison Lumière SARL", "Vélo & Co", "Les Savons de Provence"]

CONTEXT = [
    "Nous sommes une petite entreprise familiale qui vend des {product} sur {mp} depuis {n} ans.",
    "Nous utilisons surtout Expédié par Amazon (FBA) et quelques articles en expédition par nos soins.",
    "Je suis un nouveau vendeur, mon compte a {days} jours.",
    "Notre marque est inscrite au Registre des marques.",
    "J'ai déjà appelé deux fois et personne n'a pu m'aider.",
    "Pour le dossier {case}, je n'ai reçu qu'une réponse type.",
]

DETAILS = [
    "Numéro de commande : {order}",
    "Il s'agit de la commande {order}.",
    "ASIN : {asin}",
    "ASIN {asin}, SKU {sku}.",
    "Montant : {amount}",
    "C'est arrivé le {date}.",
    "Dossier {case}",
    "Envoi FBA{ship}",
]

CUES = {
    "L": ["C'est juste une question.", "Rien d'urgent, je veux juste comprendre.", "Y a-t-il une page d'aide ?"],
    "N": ["Merci de vérifier.", "Pouvez-vous regarder ?", "Dites-moi ce que je dois faire."],
    "H": [
        "Nous perdons des ventes chaque jour.",
        "C'est urgent, nous perdons de l'argent.",
        "C'est notre meilleure vente, le chiffre a chuté de {n}0%.",
    ],
    "C": [
        "Notre activité est totalement à l'arrêt.",
        "Nous ne pouvons plus rien vendre.",
        "C'est une urgence, j'ai des salaires à payer.",
    ],
}

ANGRY = [
    "C'est inadmissible.",
    "Je ne reçois que des réponses automatiques.",
    "C'est la troisième fois que j'écris !!!",
    "Je veux parler à un responsable.",
]

SIDE_PREFIX = ["Par ailleurs,", "Autre chose :", "PS :", "J'en profite pour demander :"]

PROBLEMS = {
    "order_fulfillment": [
        ("L", "Comment acheter des étiquettes d'expédition pour une commande expédiée par mes soins ?"),
        (
            "N",
            "La commande {order} apparaît non expédiée alors que j'ai confirmé l'expédition hier avec le numéro de suivi.",
        ),
        ("N", "Le client dit ne pas avoir reçu le colis, mais le suivi indique livré en point relais."),
        ("N", "Le numéro de suivi Colissimo est refusé, impossible de confirmer l'expédition."),
        (
            "H",
            "Le transporteur ne passe plus depuis {n} jours et demain c'est la date limite d'expédition de {n}0 commandes.",
        ),
        (
            "C",
            "{n}0 commandes vont être annulées automatiquement ce soir car nous ne pouvons pas acheter d'étiquettes.",
        ),
    ],
    "returns_refunds": [
        ("L", "Quel est le délai de retour pour les articles vendus pendant les fêtes ?"),
        ("N", "Un acheteur a renvoyé un carton vide et a été remboursé intégralement."),
        ("N", "Le client a renvoyé l'article utilisé et incomplet, je veux faire un remboursement partiel."),
        ("N", "J'ai remboursé la commande {order} deux fois par erreur."),
        (
            "H",
            "Un acheteur a ouvert une réclamation au titre de la garantie A à Z alors que le colis a été livré contre signature.",
        ),
        (
            "N",
            "Le client demande un retour 'non conforme à la description' alors que l'article est exactement comme annoncé.",
        ),
    ],
    "reimbursement": [
        ("L", "Combien de temps ai-je pour réclamer un stock perdu chez FBA ?"),
        (
            "N",
            "Selon l'historique d'inventaire, {n} unités ont été perdues dans l'entrepôt et je n'ai reçu aucun remboursement.",
        ),
        (
            "N",
            "Un retour client a été remboursé il y a {days} jours mais l'article n'est jamais revenu dans mon stock.",
        ),
        ("N", "Ma réclamation SAFE-T pour la commande {order} a été refusée alors que l'article est revenu abîmé."),
        ("H", "Plus de {amount} de stock a disparu de l'entrepôt et toutes mes demandes sont clôturées."),
        (
            "N",
            "Les frais FBA ont été facturés avec le mauvais format de colis, merci de rembourser la différence de {amount}.",
        ),
    ],
    "payments": [
        ("L", "Quand aura lieu mon prochain virement ? Il est indiqué en attente."),
        ("L", "Comment changer le compte bancaire pour les virements ?"),
        ("N", "Le virement de {amount} du {date} n'est pas arrivé sur mon compte bancaire."),
        (
            "H",
            "La réserve du compte a augmenté d'un coup et je ne peux pas accéder aux {amount} dont j'ai besoin pour mon stock.",
        ),
        ("H", "Mes virements sont bloqués depuis {days} jours, je dois payer mon fournisseur."),
        (
            "C",
            "Tous mes fonds ({amount}) sont gelés depuis que le compte est en cours d'examen, je ne peux pas payer les salaires.",
        ),
        (
            "N",
            "On m'a débité une rétrofacturation pour la commande {order} alors que le client avait déjà été remboursé.",
        ),
    ],
    "listing": [
        ("L", "Comment ajouter une nouvelle variante de couleur à un ASIN parent existant ?"),
        (
            "N",
            "Mon offre {asin} est supprimée des résultats car il manque l'image principale, pourtant elle est en ligne.",
        ),
        ("N", "Le titre et les puces que je modifie reviennent toujours à l'ancienne version."),
        ("H", "Un vendeur pirate vend des contrefaçons sur ma fiche produit et a pris la Buy Box."),
        ("H", "Ma meilleure fiche {asin} est inactive et masquée de la recherche, les ventes se sont arrêtées."),
        (
            "C",
            "Toutes nos {n}00 offres sont devenues inactives cette nuit sans notification, nous n'avons plus aucune vente.",
        ),
    ],
    "policy_compliance": [
        ("L", "Quels documents faut-il pour vendre des jouets dans l'UE ?"),
        ("N", "J'ai reçu une plainte pour contrefaçon de marque mais je vends des produits authentiques."),
        ("N", "Mon offre a été retirée comme pesticide alors que c'est une trousse de premiers secours."),
        ("H", "Nous avons reçu un avertissement pour produits soumis à restrictions et {n} offres ont été supprimées."),
        ("H", "Un concurrent a déposé une fausse plainte pour droits d'auteur sur mes propres photos."),
        (
            "C",
            "À cause des plaintes répétées pour propriété intellectuelle, tout le compte risque d'être désactivé demain.",
        ),
    ],
    "account_health": [
        ("L", "Comment est calculée la note de santé du compte ?"),
        ("N", "Mon taux d'expéditions en retard affiche 5% alors que presque tout est arrivé à temps."),
        (
            "H",
            "Mon taux de défauts de commande est à 1,2% à cause de trois réclamations A à Z, j'ai peur d'une suspension.",
        ),
        ("H", "La santé du compte est passée 'à risque' et on me menace de désactivation."),
        ("C", "Mon compte vendeur a été suspendu aujourd'hui et toutes les offres ont disparu."),
        ("C", "Le compte a été désactivé pour vérification d'identité et tous les fonds sont bloqués."),
    ],
    "account_access": [
        ("L", "Comment ajouter un utilisateur avec des droits limités ?"),
        ("N", "Je ne reçois pas le code de vérification en deux étapes sur mon nouveau numéro."),
        ("N", "J'ai oublié mon mot de passe et l'e-mail de réinitialisation n'arrive jamais."),
        ("H", "Quelqu'un s'est connecté à mon compte et a modifié les coordonnées bancaires."),
        (
            "C",
            "Mon compte a été piraté, l'adresse e-mail de connexion a été changée et je ne peux plus du tout y accéder.",
        ),
    ],
    "appeals": [
        ("L", "Comment rédiger un plan d'action pour une désactivation due aux retards d'expédition ?"),
        ("N", "J'ai fait appel de la suppression de l'offre il y a {days} jours et je n'ai aucune réponse."),
        ("H", "Mon appel a été rejeté avec le même modèle de réponse, sans dire ce qui manque."),
        (
            "C",
            "Le compte est désactivé depuis {days} jours, notre plan d'action a été refusé deux fois, merci de le réactiver.",
        ),
        ("N", "Je veux contester la décision sur la réclamation A à Z, j'ai une preuve de livraison."),
    ],
    "inventory_logistics": [
        ("L", "Comment créer une demande de retour pour les unités invendables ?"),
        ("N", "L'envoi FBA{ship} est livré depuis {days} jours mais toujours 0 unité réceptionnée."),
        ("N", "J'ai {n}0 unités de stock bloqué (stranded) et la correction ne fonctionne pas."),
        (
            "H",
            "Notre limite de capacité de stockage a été réduite et le stock de Noël déjà au port ne peut pas être envoyé.",
        ),
        (
            "H",
            "Toutes les unités de ma meilleure vente sont 'réservées' depuis des semaines et l'offre est en rupture.",
        ),
        ("C", "Tout notre stock FBA est bloqué et rien n'est vendable."),
    ],
    "advertising": [
        ("L", "Quel ACOS viser pour le lancement d'un produit ?"),
        ("N", "Ma campagne Sponsored Products est active mais n'a aucune impression."),
        ("N", "On m'a facturé {amount} pour des clics qui ressemblent à des robots."),
        ("H", "Les dépenses publicitaires ont atteint cinq fois le budget quotidien, {amount} en une journée."),
        ("H", "Ma vente flash du Black Friday a été annulée deux jours avant le début."),
    ],
    "technical": [
        ("L", "Existe-t-il une API pour télécharger automatiquement le rapport de paiement ?"),
        ("N", "Les rapports d'activité ne se chargent pas, erreur 500."),
        ("N", "Le chargement de stock par fichier modèle est en cours depuis {days} jours."),
        ("H", "La synchronisation de notre outil de repricing est cassée, les prix de {n}00 articles sont faux."),
        (
            "C",
            "Seller Central est inaccessible depuis {n} heures, impossible de voir les commandes ou d'imprimer les étiquettes.",
        ),
    ],
    "other": [
        ("L", "Comment commencer à vendre en Belgique ?"),
        ("L", "Avez-vous un programme pour les petites entreprises ou les artisans ?"),
        ("N", "Je souhaite fermer mon compte vendeur, que devient le solde ?"),
        ("N", "Je veux me plaindre de l'agent du dernier dossier, il m'a raccroché au nez."),
        ("L", "Merci pour votre aide la semaine dernière."),
    ],
}

NOTICES = {
    "account_health": ["Votre compte vendeur Amazon a été désactivé. Les fonds de votre compte seront retenus."],
    "policy_compliance": [
        "Nous avons supprimé votre offre car elle pourrait enfreindre notre politique relative aux produits soumis à restrictions. ASIN : {asin}."
    ],
    "appeals": [
        "Merci pour votre plan d'action. Malheureusement, nous ne sommes pas en mesure de rétablir vos privilèges de vente pour le moment."
    ],
    "payments": ["Nous avons temporairement suspendu vos virements pendant l'examen de votre compte."],
}

NOTICE_INTROS = ["J'ai reçu ce message :", "Voici la notification reçue aujourd'hui :"]
NOTICE_REACTIONS = ["Je ne comprends pas ce qui ne va pas.", "C'est complètement faux.", "Que voulez-vous exactement ?"]

PRODUCTS = [
    "ustensiles de cuisine",
    "coques de téléphone",
    "jouets pour chiens",
    "tapis de yoga",
    "vêtements bébé",
    "savons artisanaux",
    "accessoires vélo",
]
MARKETPLACES = ["Amazon.fr", "la marketplace française", "Amazon France"]
CURRENCIES = ["{v} €", "{v}€", "{v} EUR", "{v} euros"]
