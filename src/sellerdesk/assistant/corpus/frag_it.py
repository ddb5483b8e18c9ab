# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Frammenti in italiano per build.py."""

OPENINGS = ["Buongiorno,", "Salve,", "Gentile supporto venditori,", "Ciao,", "Buonasera,", "Spett.le Amazon,", "", ""]

CLOSINGS = [
    "Grazie.",
    "Grazie in anticipo.",
    "Cordiali saluti,",
    "Distinti saluti, {name}",
    "Resto in attesa di una risposta.",
    "Grazie per l'aiuto.",
    "",
]

NAMES = ["Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara"]
SHOPS = ["Casa Italia Srl", "Sapori di Sicilia", "Ciclismo Rossi"]

CONTEXT = [
    "Siamo una piccola azienda di famiglia e vendiamo {product} su {mp} da {n} anni.",
    "Usiamo soprattutto Logistica di Amazon (FBA) e alcuni articoli li spediamo noi.",
    "Sono un nuovo venditore, l'account è attivo da {days} giorni.",
    "Il nostro marchio è iscritto al Registro dei marchi.",
    "Ho già chiamato due volte e nessuno ha saputo aiutarmi.",
    "Per il caso {case} ho ricevuto solo una risposta standard.",
]

DETAILS = [
    "Numero d'ordine: {order}",
    "Si tratta dell'ordine {order}.",
    "ASIN: {asin}",
    "ASIN {asin}, SKU {sku}.",
    "Importo: {amount}",
    "È successo il {date}.",
    "Caso {case}",
    "Spedizione FBA{ship}",
]

CUES = {
    "L": ["È solo una domanda.", "Niente di urgente, voglio solo capire.", "C'è una pagina di aiuto?"],
    "N": ["Vi prego di verificare.", "Potete controllare?", "Ditemi cosa devo fare."],
    "H": [
        "Stiamo perdendo vendite ogni giorno.",
        "È urgente, stiamo perdendo soldi.",
        "È il nostro prodotto più venduto, le vendite sono calate del {n}0%.",
    ],
    "C": [
        "La nostra attività è completamente ferma.",
        "Non possiamo vendere più nulla.",
        "È un'emergenza, devo pagare gli stipendi.",
    ],
}

ANGRY = [
    "È una vergogna.",
    "Ricevo solo risposte automatiche.",
    "È la terza volta che scrivo!!!",
    "Voglio parlare con un responsabile.",
]

SIDE_PREFIX = ["Inoltre,", "Un'altra cosa:", "PS:", "Ne approfitto per chiedere:"]

PROBLEMS = {
    "order_fulfillment": [
        ("L", "Come acquisto le etichette di spedizione per un ordine gestito da me?"),
        ("N", "L'ordine {order} risulta non spedito anche se ieri ho confermato la spedizione con il tracking."),
        ("N", "Il cliente dice di non aver ricevuto il pacco ma il tracking risulta consegnato."),
        ("N", "Il numero di tracciamento di BRT viene rifiutato come non valido."),
        ("H", "Il corriere non passa a ritirare da {n} giorni e domani scade la data di spedizione di {n}0 ordini."),
        ("C", "Stanotte {n}0 ordini verranno cancellati automaticamente perché non riusciamo a comprare le etichette."),
    ],
    "returns_refunds": [
        ("L", "Qual è il periodo di reso per gli articoli venduti a Natale?"),
        ("N", "Un acquirente ha restituito una scatola vuota ed è stato rimborsato completamente."),
        ("N", "Il cliente ha restituito l'articolo usato e incompleto, voglio fare solo un rimborso parziale."),
        ("N", "Ho rimborsato l'ordine {order} due volte per errore."),
        (
            "H",
            "Un acquirente ha aperto un reclamo Garanzia dalla A alla Z anche se il pacco è stato consegnato con firma.",
        ),
        ("N", "Il cliente chiede il reso 'non conforme alla descrizione' ma l'articolo è esattamente come descritto."),
    ],
    "reimbursement": [
        ("L", "Entro quanto tempo posso richiedere il rimborso per inventario smarrito in FBA?"),
        (
            "N",
            "Secondo il registro inventario {n} unità sono state smarrite nel centro logistico ma non ho ricevuto nessun rimborso.",
        ),
        (
            "N",
            "Un reso cliente è stato rimborsato {days} giorni fa ma l'articolo non è mai rientrato nel mio inventario.",
        ),
        (
            "N",
            "La mia richiesta SAFE-T per l'ordine {order} è stata respinta anche se l'articolo è tornato danneggiato.",
        ),
        ("H", "Nel magazzino è sparito inventario per oltre {amount} e le mie richieste vengono chiuse."),
        (
            "N",
            "Le tariffe FBA sono state calcolate con la fascia di dimensione sbagliata, rimborsate la differenza di {amount}.",
        ),
    ],
    "payments": [
        ("L", "Quando arriva il prossimo bonifico? Risulta in sospeso."),
        ("L", "Come cambio il conto bancario per i pagamenti?"),
        ("N", "Il bonifico di {amount} del {date} non è arrivato sul mio conto."),
        (
            "H",
            "La riserva dell'account è aumentata all'improvviso e non posso accedere a {amount} che mi servono per la merce.",
        ),
        ("H", "I miei pagamenti sono trattenuti da {days} giorni, devo pagare il fornitore."),
        (
            "C",
            "Tutti i miei fondi ({amount}) sono congelati da quando l'account è sotto revisione, non posso pagare gli stipendi.",
        ),
        ("N", "Mi è stato addebitato un chargeback per l'ordine {order} anche se il cliente era già stato rimborsato."),
    ],
    "listing": [
        ("L", "Come aggiungo una nuova variante di colore a un ASIN padre esistente?"),
        ("N", "La mia offerta {asin} è soppressa per mancanza dell'immagine principale, ma l'immagine c'è."),
        ("N", "Titolo e punti elenco che modifico tornano sempre alla versione vecchia."),
        ("H", "Un venditore scorretto vende copie false sulla mia scheda prodotto e ha preso la Buy Box."),
        ("H", "La mia scheda principale {asin} è inattiva e nascosta dalla ricerca, le vendite si sono fermate."),
        ("C", "Tutte le nostre {n}00 offerte sono diventate inattive stanotte senza avviso e non abbiamo vendite."),
    ],
    "policy_compliance": [
        ("L", "Quali documenti servono per vendere giocattoli nell'UE?"),
        ("N", "Ho ricevuto un reclamo per violazione del marchio ma vendo prodotti originali."),
        ("N", "La mia offerta è stata rimossa come pesticida ma è un kit di pronto soccorso."),
        ("H", "Abbiamo ricevuto un avviso per prodotti con restrizioni e {n} offerte sono state rimosse."),
        ("H", "Un concorrente ha presentato un falso reclamo per copyright sulle mie foto."),
        ("C", "Per i ripetuti reclami di proprietà intellettuale l'intero account rischia la disattivazione domani."),
    ],
    "account_health": [
        ("L", "Come viene calcolata la valutazione dello stato dell'account?"),
        ("N", "Il tasso di spedizioni in ritardo è al 5% anche se quasi tutto è arrivato in tempo."),
        (
            "H",
            "Il mio tasso di difettosità degli ordini è all'1,2% per tre reclami dalla A alla Z, temo la sospensione.",
        ),
        ("H", "Lo stato dell'account è 'a rischio' e minacciano la disattivazione."),
        ("C", "Il mio account venditore è stato sospeso oggi e tutte le offerte sono sparite."),
        ("C", "L'account è stato disattivato per la verifica dell'identità e tutti i fondi sono bloccati."),
    ],
    "account_access": [
        ("L", "Come aggiungo un utente con permessi limitati?"),
        ("N", "Non ricevo il codice di verifica in due passaggi sul nuovo numero."),
        ("N", "Ho dimenticato la password e l'e-mail per reimpostarla non arriva mai."),
        ("H", "Qualcuno è entrato nel mio account e ha cambiato i dati bancari."),
        ("C", "Il mio account è stato hackerato, hanno cambiato l'e-mail di accesso e non riesco più a entrare."),
    ],
    "appeals": [
        ("L", "Come scrivo un piano d'azione per una disattivazione dovuta ai ritardi di spedizione?"),
        ("N", "Ho presentato ricorso per la rimozione dell'offerta {days} giorni fa e non ho avuto risposta."),
        ("H", "Il mio ricorso è stato respinto con lo stesso modello, senza dire cosa manca."),
        (
            "C",
            "L'account è disattivato da {days} giorni, il piano d'azione è stato respinto due volte, chiediamo la riattivazione.",
        ),
        ("N", "Voglio contestare la decisione sul reclamo dalla A alla Z, ho la prova di consegna."),
    ],
    "inventory_logistics": [
        ("L", "Come creo un ordine di rimozione per le unità non vendibili?"),
        ("N", "La spedizione FBA{ship} risulta consegnata da {days} giorni ma ci sono ancora 0 unità ricevute."),
        ("N", "Ho {n}0 unità di inventario bloccato (stranded) e la correzione non funziona."),
        (
            "H",
            "Il limite di capacità di stoccaggio è stato ridotto e non possiamo inviare la merce di Natale già al porto.",
        ),
        (
            "H",
            "Tutte le unità del mio prodotto più venduto sono 'riservate' da settimane e l'offerta risulta esaurita.",
        ),
        ("C", "Tutto il nostro inventario FBA è bloccato e non si può vendere nulla."),
    ],
    "advertising": [
        ("L", "Che ACOS è normale per il lancio di un prodotto?"),
        ("N", "La mia campagna Sponsored Products è attiva ma non ha impressioni."),
        ("N", "Mi hanno addebitato {amount} per clic che sembrano di bot."),
        ("H", "La spesa pubblicitaria ha superato di cinque volte il budget giornaliero, {amount} in un giorno."),
        ("H", "La mia offerta lampo del Black Friday è stata annullata due giorni prima."),
    ],
    "technical": [
        ("L", "C'è un'API per scaricare automaticamente il report di liquidazione?"),
        ("N", "I report sulle vendite non si caricano, errore 500."),
        ("N", "Il caricamento dell'inventario tramite file è in elaborazione da {days} giorni."),
        ("H", "L'integrazione del repricer non sincronizza più, i prezzi di {n}00 articoli sono sbagliati."),
        (
            "C",
            "Seller Central non è raggiungibile da {n} ore, non vediamo gli ordini e non possiamo stampare le etichette.",
        ),
    ],
    "other": [
        ("L", "Come posso iniziare a vendere in Spagna e Francia?"),
        ("L", "Esiste un programma per piccole imprese o artigiani?"),
        ("N", "Voglio chiudere il mio account venditore, cosa succede al saldo?"),
        ("N", "Voglio fare un reclamo sull'operatore dell'ultimo caso, mi ha chiuso il telefono in faccia."),
        ("L", "Grazie per l'aiuto della settimana scorsa."),
    ],
}

NOTICES = {
    "account_health": [
        "Il tuo account venditore Amazon è stato disattivato. I fondi del tuo account saranno trattenuti."
    ],
    "policy_compliance": [
        "Abbiamo rimosso la tua offerta perché potrebbe violare la nostra politica sui prodotti con restrizioni. ASIN: {asin}."
    ],
    "appeals": [
        "Grazie per il tuo piano d'azione. Purtroppo al momento non possiamo ripristinare i tuoi privilegi di vendita."
    ],
    "payments": ["Abbiamo temporaneamente sospeso i tuoi pagamenti mentre esaminiamo il tuo account."],
}

NOTICE_INTROS = ["Ho ricevuto questo messaggio:", "Oggi è arrivata questa notifica:"]
NOTICE_REACTIONS = ["Non capisco cosa ho sbagliato.", "È completamente falso.", "Cosa vi serve esattamente?"]

PRODUCTS = [
    "utensili da cucina",
    "cover per cellulari",
    "giochi per cani",
    "tappetini yoga",
    "abbigliamento per bambini",
    "prodotti tipici",
    "accessori bici",
]
MARKETPLACES = ["Amazon.it", "il marketplace italiano", "Amazon Italia"]
CURRENCIES = ["{v} €", "{v}€", "€ {v}", "{v} EUR", "{v} euro"]
