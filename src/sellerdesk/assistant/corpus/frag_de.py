# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Deutsche Fragmente für build.py."""

OPENINGS = [
    "Hallo,",
    "Guten Tag,",
    "Sehr geehrte Damen und Herren,",
    "Hallo Seller Support,",
    "Moin,",
    "Servus,",
    "Liebes Support-Team,",
    "",
    "",
]

CLOSINGS = [
    "Danke.",
    "Vielen Dank im Voraus.",
    "Mit freundlichen Grüßen",
    "Viele Grüße, {name}",
    "MfG {name}",
    "Bitte um schnelle Rückmeldung.",
    "Gruß",
    "",
]

NAMES = ["Thomas", "Sabine", "Jörg", "Katrin", "Stefan", "Anja"]
SHOPS = ["Hausrat Müller GmbH", "Bergsport Huber", "TechnikKiste"]

CONTEXT = [
    "Wir sind ein kleiner Familienbetrieb und verkaufen seit {n} Jahren {product} auf {mp}.",
    "Wir nutzen hauptsächlich Versand durch Amazon (FBA), einige Artikel versenden wir selbst.",
    "Ich bin neuer Verkäufer, das Konto gibt es erst seit {days} Tagen.",
    "Unsere Marke ist in der Markenregistrierung eingetragen.",
    "Ich habe schon zweimal angerufen und niemand konnte helfen.",
    "Zu Fall {case} kam nur eine Standardantwort.",
]

DETAILS = [
    "Bestellnummer: {order}",
    "Es geht um Bestellung {order}.",
    "ASIN: {asin}",
    "ASIN {asin}, SKU {sku}.",
    "Betrag: {amount}",
    "Das war am {date}.",
    "Fall-ID {case}",
    "Sendung FBA{ship}",
]

CUES = {
    "L": ["Nur eine Frage, nicht dringend.", "Gibt es dazu eine Hilfeseite?", "Ich möchte es nur verstehen."],
    "N": ["Bitte prüfen Sie das.", "Können Sie sich das ansehen?", "Bitte teilen Sie mir mit, was ich tun muss."],
    "H": [
        "Wir verlieren jeden Tag Umsatz.",
        "Bitte dringend bearbeiten, es kostet uns Geld.",
        "Das ist unser Bestseller, der Umsatz ist um {n}0% eingebrochen.",
    ],
    "C": [
        "Unser Geschäft steht komplett still.",
        "Wir können gar nichts mehr verkaufen.",
        "Das ist ein Notfall, ich muss Gehälter zahlen.",
    ],
}

ANGRY = [
    "Das ist eine Frechheit.",
    "Ich bekomme nur Textbausteine.",
    "Das ist jetzt meine dritte Anfrage!!!",
    "Ich will einen Vorgesetzten sprechen.",
]

SIDE_PREFIX = ["Außerdem:", "Noch etwas:", "PS:", "Nebenbei gefragt:"]

PROBLEMS = {
    "order_fulfillment": [
        ("L", "Wie kaufe ich Versandetiketten über Versand über Amazon für eine selbst versandte Bestellung?"),
        (
            "N",
            "Bestellung {order} steht als nicht versandt, obwohl ich gestern den Versand mit Sendungsnummer bestätigt habe.",
        ),
        ("N", "Der Käufer sagt, das Paket sei nie angekommen, laut DHL wurde es beim Nachbarn abgegeben."),
        ("N", "Die Sendungsnummer wird als ungültig abgelehnt und ich kann den Versand nicht bestätigen."),
        ("H", "Der Paketdienst holt seit {n} Tagen nicht ab und morgen ist das Versanddatum für {n}0 Bestellungen."),
        ("C", "Heute Nacht werden {n}0 Bestellungen automatisch storniert, weil wir keine Etiketten kaufen können."),
    ],
    "returns_refunds": [
        ("L", "Wie lange ist die Rücksendefrist für Artikel aus dem Weihnachtsgeschäft?"),
        ("N", "Ein Käufer hat einen leeren Karton zurückgeschickt und die volle Erstattung bekommen."),
        (
            "N",
            "Der Kunde hat den Artikel benutzt und unvollständig zurückgesendet, ich möchte nur teilweise erstatten.",
        ),
        ("N", "Ich habe Bestellung {order} versehentlich doppelt erstattet."),
        ("H", "Ein Käufer hat einen A-bis-z-Garantieantrag gestellt, obwohl mit Unterschrift zugestellt wurde."),
        ("N", "Der Kunde reklamiert 'entspricht nicht der Beschreibung', dabei ist der Artikel genau wie beschrieben."),
    ],
    "reimbursement": [
        ("L", "Wie lange kann ich eine Erstattung für verlorenen FBA-Bestand beantragen?"),
        (
            "N",
            "Laut Bestandsprotokoll sind {n} Einheiten im Logistikzentrum verloren gegangen, aber es gab keine Erstattung.",
        ),
        ("N", "Eine Kundenrücksendung wurde vor {days} Tagen erstattet, die Ware kam nie ins Lager zurück."),
        ("N", "Mein SAFE-T-Antrag für Bestellung {order} wurde abgelehnt, obwohl der Artikel beschädigt zurückkam."),
        ("H", "Im Lager ist Ware im Wert von über {amount} verschwunden und meine Anträge werden einfach geschlossen."),
        (
            "N",
            "Die FBA-Gebühren wurden mit der falschen Größenklasse berechnet, bitte erstatten Sie die Differenz von {amount}.",
        ),
    ],
    "payments": [
        ("L", "Wann kommt die nächste Auszahlung? Es steht 'ausstehend'."),
        ("L", "Wie ändere ich das Bankkonto für die Auszahlungen?"),
        ("N", "Die Auszahlung über {amount} vom {date} ist nicht auf meinem Konto angekommen."),
        ("H", "Die Kontoreserve wurde plötzlich erhöht und ich komme nicht an {amount}, die ich für Ware brauche."),
        ("H", "Meine Auszahlungen sind seit {days} Tagen zurückgehalten, ich muss meinen Lieferanten bezahlen."),
        (
            "C",
            "Mein gesamtes Guthaben ({amount}) ist eingefroren, seit das Konto überprüft wird, ich kann keine Löhne zahlen.",
        ),
        (
            "N",
            "Mir wurde eine Rückbuchung (Chargeback) für Bestellung {order} belastet, obwohl der Kunde schon erstattet wurde.",
        ),
    ],
    "listing": [
        ("L", "Wie füge ich einer bestehenden Eltern-ASIN eine neue Farbvariante hinzu?"),
        ("N", "Mein Angebot {asin} ist unterdrückt wegen fehlendem Hauptbild, dabei ist das Bild hochgeladen."),
        ("N", "Titel und Aufzählungspunkte springen immer wieder auf die alte Version zurück."),
        ("H", "Ein Trittbrettfahrer verkauft Fälschungen auf meinem Markenangebot und hat die Buy Box übernommen."),
        ("H", "Mein Top-Artikel {asin} ist inaktiv und in der Suche unterdrückt, der Umsatz ist weg."),
        (
            "C",
            "Alle unsere {n}00 Angebote sind über Nacht ohne Benachrichtigung inaktiv geworden, wir haben keine Verkäufe.",
        ),
    ],
    "policy_compliance": [
        ("L", "Welche Unterlagen brauche ich, um Spielzeug in der EU zu verkaufen?"),
        ("N", "Ich habe eine Markenrechtsbeschwerde bekommen, verkaufe aber Originalware."),
        ("N", "Mein Angebot wurde als Pestizid entfernt, es ist aber ein Erste-Hilfe-Set."),
        ("H", "Wir haben eine Warnung wegen eingeschränkter Produkte erhalten und {n} Angebote wurden entfernt."),
        ("H", "Unsere Angebote sind gesperrt wegen fehlender EPR-Registrierungsnummer für Verpackungen."),
        ("C", "Wegen wiederholter Rechteinhaber-Beschwerden droht ab morgen die Deaktivierung des ganzen Kontos."),
    ],
    "account_health": [
        ("L", "Wie wird die Kontozustandsbewertung berechnet?"),
        ("N", "Meine Verspätungsrate zeigt 5%, obwohl fast alle Bestellungen pünktlich ankamen."),
        (
            "H",
            "Meine Bestellmängelquote liegt bei 1,2% wegen drei A-bis-z-Anträgen, ich habe Angst vor einer Sperrung.",
        ),
        ("H", "Der Kontostatus ist 'gefährdet' und es wird mit Deaktivierung gedroht."),
        ("C", "Mein Verkäuferkonto wurde heute gesperrt und alle Angebote sind weg."),
        ("C", "Das Konto wurde wegen Identitätsprüfung deaktiviert und das ganze Guthaben ist einbehalten."),
    ],
    "account_access": [
        ("L", "Wie lege ich einen neuen Benutzer mit eingeschränkten Rechten an?"),
        ("N", "Ich bekomme den Code für die Zwei-Schritt-Verifizierung nicht auf meine neue Nummer."),
        ("N", "Passwort vergessen und die E-Mail zum Zurücksetzen kommt nie an."),
        ("H", "Jemand hat sich in mein Konto eingeloggt und die Bankverbindung geändert."),
        ("C", "Mein Konto wurde gehackt, die Login-E-Mail wurde geändert und ich komme überhaupt nicht mehr rein."),
    ],
    "appeals": [
        ("L", "Wie schreibe ich einen Maßnahmenplan für eine Deaktivierung wegen verspäteter Lieferungen?"),
        (
            "N",
            "Ich habe vor {days} Tagen Widerspruch gegen die Entfernung des Angebots eingelegt und keine Antwort bekommen.",
        ),
        ("H", "Mein Einspruch wurde mit demselben Textbaustein abgelehnt, ohne zu sagen, was fehlt."),
        (
            "C",
            "Das Konto ist seit {days} Tagen deaktiviert, unser Maßnahmenplan wurde zweimal abgelehnt, bitte reaktivieren Sie es.",
        ),
        ("N", "Ich möchte die Entscheidung zum A-bis-z-Antrag anfechten, ich habe einen Zustellnachweis."),
    ],
    "inventory_logistics": [
        ("L", "Wie erstelle ich einen Rücksendeauftrag für nicht verkaufsfähige Einheiten?"),
        ("N", "Sendung FBA{ship} wurde vor {days} Tagen zugestellt, aber es sind immer noch 0 Einheiten eingegangen."),
        ("N", "Ich habe {n}0 Einheiten gestrandeten Bestand und die Korrektur funktioniert nicht."),
        ("H", "Unser Lagerkapazitätslimit wurde gekürzt und wir können die Weihnachtsware im Hafen nicht einsenden."),
        ("H", "Alle Einheiten meines Bestsellers sind seit Wochen 'reserviert' und das Angebot zeigt nicht vorrätig."),
        ("C", "Unser gesamter FBA-Bestand ist gestrandet und nichts ist verkaufbar."),
    ],
    "advertising": [
        ("L", "Welcher ACOS ist bei einer Produkteinführung normal?"),
        ("N", "Meine Sponsored-Products-Kampagne ist aktiv, bekommt aber keine Impressionen."),
        ("N", "Mir wurden {amount} für Klicks berechnet, die nach Bots aussehen."),
        ("H", "Die Werbeausgaben lagen beim Fünffachen des Tagesbudgets, {amount} an einem Tag."),
        ("H", "Mein Blitzangebot für den Black Friday wurde zwei Tage vorher storniert."),
    ],
    "technical": [
        ("L", "Gibt es eine API, um den Abrechnungsbericht automatisch herunterzuladen?"),
        ("N", "Die Geschäftsberichte laden nicht, es kommt Fehler 500."),
        ("N", "Der Lagerbestands-Upload per Vorlage hängt seit {days} Tagen in Bearbeitung."),
        ("H", "Die Repricer-Schnittstelle synchronisiert nicht mehr, die Preise von {n}00 Artikeln sind falsch."),
        (
            "C",
            "Seller Central ist seit {n} Stunden nicht erreichbar, wir sehen keine Bestellungen und können nichts drucken.",
        ),
    ],
    "other": [
        ("L", "Wie kann ich anfangen, in Österreich und der Schweiz zu verkaufen?"),
        ("L", "Gibt es ein Förderprogramm für kleine Unternehmen?"),
        ("N", "Ich möchte mein Verkäuferkonto schließen, was passiert mit dem Guthaben?"),
        ("N", "Ich möchte mich über den Mitarbeiter im letzten Fall beschweren, er hat einfach aufgelegt."),
        ("L", "Danke für die schnelle Hilfe letzte Woche."),
    ],
}

NOTICES = {
    "account_health": ["Ihr Amazon-Verkäuferkonto wurde deaktiviert. Ihre Guthaben werden einbehalten."],
    "policy_compliance": [
        "Wir haben Ihr Angebot entfernt, da es möglicherweise gegen unsere Richtlinie zu eingeschränkten Produkten verstößt. ASIN: {asin}."
    ],
    "appeals": [
        "Vielen Dank für Ihren Maßnahmenplan. Leider können wir Ihre Verkaufsberechtigung derzeit nicht wiederherstellen."
    ],
    "payments": ["Wir haben Ihre Auszahlungen vorübergehend zurückgehalten, während wir Ihr Konto überprüfen."],
}

NOTICE_INTROS = ["Ich habe folgende Nachricht bekommen:", "Heute kam diese Benachrichtigung:"]
NOTICE_REACTIONS = [
    "Ich verstehe nicht, was falsch sein soll.",
    "Das ist völlig falsch.",
    "Was genau brauchen Sie von mir?",
]

PRODUCTS = [
    "Küchenhelfer",
    "Handyhüllen",
    "Hundespielzeug",
    "Yogamatten",
    "Babykleidung",
    "LED-Leuchten",
    "Gartenwerkzeug",
    "Fahrradzubehör",
]
MARKETPLACES = ["Amazon.de", "dem deutschen Marktplatz", "Amazon Deutschland"]
CURRENCIES = ["{v} €", "{v}€", "{v} EUR", "EUR {v}", "{v} Euro"]
