# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Hand-written Japanese, German, French and Italian seller messages: (category, urgency, style, text[, subject])."""

JA = [
    (
        "account_health",
        "C",
        "notice",
        """お世話になっております。本日以下のメールが届きました。

「Amazon出品者アカウントが停止されました。お客様のアカウントは、Amazonでの販売が許可されていない別のアカウントに関連している可能性があります。アカウントの資金は保留されます。」

当社はこのアカウント一つしか持っておりません。7年間販売してきて一度も違反はありません。すべての出品が停止され、売上金も保留されています。社員の給料も払えなくなります。どの書類を提出すればよいか至急教えてください。""",
    ),
    (
        "account_health",
        "H",
        "long",
        """いつもお世話になっております。今週アカウント健全性が「リスクあり」になりました。注文不良率が1.3%で、AtoZ保証申請が2件と配送業者に関する低評価が1件です。いずれも配達証明があります。年末商戦の時期に停止されると大変困りますので、申請と評価の見直しをお願いできますでしょうか。""",
    ),
    (
        "account_health",
        "N",
        "terse",
        """出荷遅延率が4.9%になっていますが、すべて当日出荷しています。対象注文の確認をお願いします。""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """以下の通知を受け取りました。「制限対象商品ポリシーに違反している可能性があるため、出品を削除しました。ASIN：B07ZZX12QP」
普通の包丁で、どこのスーパーでも売っているものです。当店の売れ筋商品で、セール前なので困っています。再出品のために何を提出すればよいでしょうか。""",
    ),
    (
        "policy_compliance",
        "N",
        "polite",
        """お世話になっております。木製玩具について適合宣言書と試験報告書の提出を求められました。書類はそろっていますが、ASINごとにアップロードするのか、まとめて提出できるのか教えていただけますか。期限は14日後です。""",
    ),
    (
        "appeals",
        "C",
        "long",
        """セラーパフォーマンスチーム御中

3月3日に出荷遅延率を理由にアカウントが停止されました。3月5日と12日に改善計画書を提出しましたが、いずれも「根本原因が含まれていない」として却下されました。原因は配送業者のストライキで9日間集荷がなかったことで、現在は2社と契約し、出荷日数を2日に変更し、毎日指標を確認しています。3週間売上がなく、約180万円が保留されています。計画書に何が不足しているのか具体的に教えてください。""",
    ),
    (
        "appeals",
        "H",
        "angry",
        """また同じ定型文で申し立てが却下されました。仕入先の請求書もブランドの許可書も出しています。これ以上何が必要なのですか。この商品は売上の4割で、もう1か月以上止まっています。""",
    ),
    (
        "payments",
        "C",
        "long",
        """お世話になっております。2日にアカウントが審査対象になってから、すべての資金（約520万円）が凍結されています。出品は有効で出荷も続けていますが、19日間入金がありません。金曜日に従業員の給料と仕入先への支払いがあります。必要な書類を教えてください。緊急事態です。""",
    ),
    (
        "payments",
        "N",
        "terse",
        """10月14日の送金3,204,100円がまだ口座に入っていません。8日経過。口座情報は正しいです。""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """納品プランFBA17XKZ4RQについて調査をお願いします。480個を12箱で納品し、配送業者の受領証では12箱すべて受領済みです。しかし受領数は440個で、ちょうど1箱分（40個）が足りません。在庫履歴にも調整がありません。受領証、梱包リスト、単価の分かる請求書を添付しますので、補填をお願いします。""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """至急です。自社出荷の注文で、今朝から配送ラベルの購入ページがすべての注文でエラーになります。本日が出荷期限の注文が120件あり、ラベルを購入して出荷通知できなければすべてキャンセルになってしまいます。手動で出荷通知していただくか、期限を延長していただけないでしょうか。""",
    ),
    (
        "returns_refunds",
        "N",
        "long",
        """返品について相談です。電動ドリルを購入したお客様が「不良品」として返品しましたが、届いたのは古い別モデルのドリルで、シリアル番号も削られていました。すでに自動で18,000円が返金されています。写真はあります。SAFE-T申請をすべきでしょうか。""",
    ),
    (
        "listing",
        "C",
        "long",
        """本日未明、当社の出品340件がすべて「停止中（在庫切れ）」になりました。メールもアカウント健全性の通知もありません。FBAにも自社倉庫にも在庫はあります。普段は1日150件の注文がありますが、今日はゼロです。ストア全体が表示されていません。至急エスカレーションをお願いします。""",
    ),
    (
        "listing",
        "H",
        "mixed",
        """ブランド登録済みの商品B0BX7TR2PLに相乗りされ、偽物が半額で売られてカートを取られています。当社が唯一の製造元です。Report a Violationで2回報告しましたが何も変わりません。お客様が偽物を受け取って低評価を付けています。""",
    ),
    (
        "inventory_logistics",
        "H",
        "long",
        """第4四半期の保管上限が4,200から1,100立方フィートに削減されました。IPIは510あります。来週コンテナ2本が港に着きますが、年末商戦用の在庫です。納品できなければ主力15商品が11月中旬に在庫切れになります。一時的に上限を上げる方法はありますか。""",
    ),
    (
        "advertising",
        "H",
        "angry",
        """1日の予算は5,000円なのに、月曜日にスポンサープロダクト広告が41,200円も使いました。予算の8倍です。クリックの半分は無関係な検索語からです。超過分の返金と説明を求めます。""",
    ),
    (
        "technical",
        "C",
        "angry",
        """朝7時からセラーセントラルに全くアクセスできません。ログインすると白い画面で、アプリもエラーです。注文も見られず、ラベルも買えず、出荷通知もできません。今日200件出荷予定です。障害ですか？業務が完全に止まっています。""",
    ),
    (
        "account_access",
        "C",
        "long",
        """アカウントが乗っ取られました。今朝、ログイン用メールアドレスが知らないアドレスに変更されたという通知があり、その後2段階認証の電話番号も変更されました。もうログインできません。木曜日に約300万円の入金予定があり、口座を変えられるのが心配です。すぐにアカウントと支払いを止めてください。""",
    ),
    (
        "other",
        "L",
        "polite",
        """お世話になっております。アメリカのAmazonでも販売を始めたいのですが、現地法人が必要でしょうか。日本の法人のままで販売できますか。税金の手続きについても教えていただけると助かります。""",
    ),
]

DE = [
    (
        "account_health",
        "C",
        "notice",
        """Guten Tag,

heute kam diese E-Mail: "Ihr Amazon-Verkäuferkonto wurde deaktiviert. Warum geschieht dies? Ihr Konto steht möglicherweise mit einem anderen Konto in Verbindung, das nicht bei Amazon verkaufen darf. Ihre Guthaben werden einbehalten."

Wir haben nur dieses eine Konto, seit 2017, nie eine Beanstandung. Alle Angebote sind weg, das Geld ist eingefroren, und wir haben fünf Mitarbeiter. Welche Unterlagen brauchen Sie? Wir können im Moment gar nichts verkaufen.""",
    ),
    (
        "account_health",
        "H",
        "long",
        """Hallo, unser Kontozustand ist diese Woche auf "gefährdet" gesprungen. Die Bestellmängelquote liegt bei 1,4 %, wegen zwei A-bis-z-Anträgen und einer negativen Bewertung, die sich nur über DHL beschwert. Für alle haben wir Zustellnachweise. Im Weihnachtsgeschäft können wir uns keine Sperrung leisten. Können Sie die Anträge und die Bewertung bitte prüfen?""",
    ),
    (
        "account_health",
        "N",
        "terse",
        """Verspätungsrate 4,8 %, wir versenden aber alles am selben Tag. Bitte die markierten Bestellungen prüfen.""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Folgende Nachricht erhalten: "Wir haben Ihr Angebot entfernt, da es möglicherweise gegen unsere Richtlinie zu eingeschränkten Produkten verstößt. ASIN: B07ZZX12QP."
Das ist ein ganz normales Küchenmesser. Es ist unser meistverkaufter Artikel und der Black Friday steht vor der Tür. Was müssen wir einreichen, damit es wieder online geht?""",
    ),
    (
        "policy_compliance",
        "H",
        "angry",
        """Unsere Angebote sind seit Montag gesperrt, angeblich fehlt die LUCID-Registrierungsnummer für Verpackungen. Die Nummer ist seit zwei Jahren hinterlegt!!! Wir verlieren jeden Tag Umsatz. Bitte sofort freischalten.""",
    ),
    (
        "appeals",
        "C",
        "long",
        """Sehr geehrte Damen und Herren,

unser Konto wurde am 3. März wegen einer Verspätungsrate von 6,2 % deaktiviert. Wir haben am 5. und 12. März einen Maßnahmenplan eingereicht, beide wurden abgelehnt, weil die Grundursache fehle. Die Ursache war ein Streik beim Paketdienst, neun Tage ohne Abholung. Inzwischen haben wir zwei Versanddienstleister, eine Bearbeitungszeit von zwei Tagen und eine tägliche Kontrolle. Seit drei Wochen kein Umsatz, rund 12.400 € sind einbehalten. Bitte sagen Sie uns konkret, was im Plan fehlt.""",
    ),
    (
        "appeals",
        "N",
        "polite",
        """Guten Tag, ich möchte Widerspruch gegen die Entfernung meines Angebots B0C4RTY7LP wegen "gebraucht als neu verkauft" einlegen. Der Karton wurde beim Transport beschädigt, der Artikel war originalverpackt. Fotos und Schadensmeldung des Paketdienstes anbei. Vielen Dank für die erneute Prüfung.""",
    ),
    (
        "payments",
        "C",
        "long",
        """Hallo, seit das Konto am 2. in die Überprüfung gegangen ist, ist unser gesamtes Guthaben eingefroren, rund 38.000 € auf DE und FR. Die Angebote sind aktiv, wir versenden weiter, aber seit 19 Tagen keine Auszahlung. Freitag müssen wir Löhne und den Lieferanten bezahlen. Welche Dokumente brauchen Sie? Das ist ein Notfall.""",
    ),
    (
        "payments",
        "H",
        "polite",
        """Guten Tag, die Kontoreserve ist in diesem Abrechnungszeitraum von 900 € auf 7.400 € gestiegen, ohne dass sich bei uns etwas geändert hat. Das Geld ist für die Weihnachtsware eingeplant. Können Sie erklären, warum, und die Reserve reduzieren? Sonst verpassen wir die Bestellfrist beim Hersteller.""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """Hallo, ich beantrage eine Abstimmung für Sendung FBA17XKZ4RQ. Wir haben 480 Einheiten in 12 Kartons geschickt, laut Zustellnachweis wurden alle 12 Kartons in DTM2 angenommen. Verbucht wurden nur 440 Einheiten, also fehlt genau ein Karton. Zustellnachweis, Packliste und Rechnung (Stückpreis 6,20 €) anbei. Bitte prüfen und erstatten.""",
    ),
    (
        "reimbursement",
        "H",
        "angry",
        """Jetzt schon der siebte Fall wegen verlorenem Bestand. Laut Protokoll "verloren im Lager", 260 Einheiten, über 3.800 € Warenwert, und jeder Fall wird mit "gefunden" geschlossen. Die Ware ist nirgends! Zahlen Sie endlich die Erstattung.""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """DRINGEND: Wir versenden selbst, und seit heute früh wirft die Seite "Versand über Amazon kaufen" bei jeder Bestellung einen Fehler. 120 Bestellungen haben heute ihr Versanddatum. Wenn wir keine Etiketten kaufen können, werden alle storniert. Können Sie den Versand manuell bestätigen oder die Frist verlängern?""",
    ),
    (
        "returns_refunds",
        "N",
        "long",
        """Hallo, ich vermute einen Rücksendebetrug. Der Käufer hat einen Akkuschrauber als defekt zurückgeschickt, angekommen ist ein altes, billigeres Modell mit abgekratzter Seriennummer. Er hat schon automatisch 149 € erstattet bekommen. Fotos liegen vor. Soll ich einen SAFE-T-Antrag stellen?""",
    ),
    (
        "listing",
        "C",
        "long",
        """Guten Morgen, alle 340 Angebote sind heute Nacht inaktiv geworden. Keine E-Mail, keine Meldung im Kontozustand. Es steht "Inaktiv (nicht vorrätig)", obwohl Bestand bei FBA und bei uns im Lager vorhanden ist. Normalerweise 150 Bestellungen am Tag, heute null. Der ganze Shop ist unsichtbar. Bitte eskalieren.""",
    ),
    (
        "listing",
        "H",
        "mixed",
        """Ein Anbieter hängt sich an mein Markenangebot B0BX7TR2PL an und verkauft billige Fakes, er hat die Buy Box. Wir sind der einzige Hersteller, Brand Registry ist aktiv. Zweimal über "Report a Violation" gemeldet, nichts passiert.""",
    ),
    (
        "inventory_logistics",
        "H",
        "long",
        """Unser Lagerkapazitätslimit für das vierte Quartal wurde von 4.200 auf 1.100 Kubikfuß gekürzt, obwohl der IPI bei 510 liegt. Nächste Woche kommen zwei Container in Hamburg an, die Ware für Black Friday und Weihnachten. Wenn wir sie nicht einsenden können, sind unsere Top-15-Artikel Mitte November ausverkauft. Gibt es eine vorübergehende Erhöhung?""",
    ),
    (
        "advertising",
        "H",
        "angry",
        """Tagesbudget 50 €, am Montag hat die Kampagne 412 € ausgegeben. ACHTMAL so viel! Die Hälfte der Klicks kam über einen völlig unpassenden Suchbegriff. Ich will eine Gutschrift und eine Erklärung.""",
    ),
    (
        "technical",
        "N",
        "polite",
        """Guten Tag, der Upload unserer Lagerbestandsvorlage hängt seit zwei Tagen auf "in Bearbeitung" und Preisänderungen gehen nicht online. Können Sie prüfen, was mit dem System los ist?""",
    ),
    (
        "account_access",
        "C",
        "long",
        """Mein Konto wurde gehackt. Heute früh kam eine E-Mail, dass die Login-Adresse geändert wurde, kurz danach auch die Telefonnummer für die Zwei-Schritt-Verifizierung. Ich komme nicht mehr rein. Donnerstag ist eine Auszahlung von ca. 20.000 € fällig. Bitte sperren Sie sofort Konto und Auszahlungen.""",
    ),
    (
        "other",
        "L",
        "polite",
        """Hallo, wir möchten zusätzlich in Frankreich und Italien verkaufen. Brauchen wir dort jeweils eine Umsatzsteuer-Registrierung, und kann ich das alles aus Seller Central heraus machen? Danke für einen Hinweis.""",
    ),
]

FR = [
    (
        "account_health",
        "C",
        "notice",
        """Bonjour,

J'ai reçu ce matin : « Votre compte vendeur Amazon a été désactivé. Pourquoi ? Nous n'avons pas pu vérifier les informations que vous avez fournies. Les fonds de votre compte seront retenus. »

J'ai pourtant envoyé la pièce d'identité, la facture d'électricité et le relevé bancaire il y a deux semaines. Toutes nos offres sont inactives, nous ne vendons plus rien. Nous sommes une petite boutique de Lyon, c'est notre seul revenu. Quel document manque exactement ?""",
    ),
    (
        "account_health",
        "H",
        "long",
        """Bonjour, la santé de notre compte est passée à l'orange cette semaine : taux de défauts de commande à 1,3 % à cause de deux réclamations A à Z et d'un commentaire négatif qui ne concerne que le transporteur. Nous avons les preuves de livraison. En pleine période de Noël nous ne pouvons pas risquer une désactivation. Pouvez-vous réexaminer ces réclamations ?""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Voici la notification : « Nous avons supprimé votre offre car elle pourrait enfreindre notre politique relative aux produits soumis à restrictions. ASIN : B07ZZX12QP. »
C'est un simple couteau de cuisine. C'est notre meilleure vente et le Black Friday approche. Que faut-il envoyer pour la réactiver ?""",
    ),
    (
        "policy_compliance",
        "N",
        "polite",
        """Bonjour, on nous demande la déclaration de conformité CE et les rapports d'essai pour nos jouets en bois. Nous avons tout, mais faut-il les déposer ASIN par ASIN ou en une seule fois ? Le délai est de 14 jours. Merci.""",
    ),
    (
        "appeals",
        "C",
        "long",
        """Madame, Monsieur,

Notre compte a été désactivé le 3 mars pour un taux d'expéditions en retard de 6,2 %. Nous avons envoyé un plan d'action le 5 puis le 12 mars, refusé deux fois au motif qu'il ne contenait pas la cause principale. La cause était une grève du transporteur pendant 9 jours ; nous avons depuis deux transporteurs, un délai de préparation de 2 jours et un suivi quotidien. Trois semaines sans ventes et 12 400 € retenus. Merci de nous dire précisément ce qui manque.""",
    ),
    (
        "appeals",
        "H",
        "angry",
        """Mon appel est encore rejeté avec le même copier-coller ! Factures du distributeur, lettre d'autorisation de la marque, photos : tout a été envoyé. Que voulez-vous de plus ? L'offre est bloquée depuis un mois, c'est 40 % de mes ventes.""",
    ),
    (
        "payments",
        "C",
        "long",
        """Bonjour, depuis que le compte est en cours d'examen (le 2), tous nos fonds sont gelés : environ 38 000 € sur la France et l'Allemagne. Les offres sont actives, nous expédions toujours, mais aucun virement depuis 19 jours. Vendredi nous devons payer les salaires et le fournisseur. Quels documents voulez-vous ? C'est une urgence.""",
    ),
    (
        "payments",
        "N",
        "terse",
        """Virement du 14/10 de 3 204,10 € pas arrivé sur le compte, 8 jours. L'IBAN est correct.""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """Bonjour, je demande un rapprochement pour l'envoi FBA17XKZ4RQ. Nous avons envoyé 480 unités en 12 cartons, tous signés à l'entrepôt selon la preuve de livraison. L'envoi a été clôturé avec 440 unités reçues : il manque exactement un carton. Je joins la preuve de livraison, la liste de colisage et la facture (6,20 € l'unité). Merci d'enquêter et de rembourser.""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """URGENT : nous expédions nous-mêmes et depuis ce matin la page d'achat d'étiquettes affiche une erreur pour chaque commande. 120 commandes doivent partir aujourd'hui. Sans étiquettes ni confirmation, elles seront toutes annulées. Pouvez-vous confirmer l'expédition manuellement ou prolonger le délai ?""",
    ),
    (
        "order_fulfillment",
        "N",
        "polite",
        """Bonjour, une cliente souhaite changer l'adresse de livraison de la commande 171-5544332-1122334 pour son bureau. Nous n'avons pas encore expédié. Comment procéder ? Doit-elle annuler et recommander ? Merci.""",
    ),
    (
        "returns_refunds",
        "H",
        "angry",
        """Quatrième retour de carton VIDE ce mois-ci ! Et le système rembourse avant même que le colis arrive. 600 € de perdus. Je veux désactiver les remboursements sans retour et contrôler chaque retour avant remboursement.""",
    ),
    (
        "listing",
        "C",
        "long",
        """Bonjour, nos 340 offres sont toutes devenues inactives cette nuit, sans e-mail ni notification. Le statut indique « Inactif (en rupture de stock) » alors que nous avons du stock chez FBA et chez nous. D'habitude 150 commandes par jour, aujourd'hui zéro. Toute la boutique est invisible. Merci d'escalader.""",
    ),
    (
        "inventory_logistics",
        "H",
        "long",
        """Notre limite de capacité de stockage pour le 4e trimestre est passée de 4 200 à 1 100 pieds cubes, avec un IPI de 510. Deux conteneurs arrivent au Havre la semaine prochaine avec le stock de Noël. Si nous ne pouvons pas l'envoyer, nos 15 meilleures références seront en rupture mi-novembre. Existe-t-il une augmentation temporaire ?""",
    ),
    (
        "advertising",
        "N",
        "polite",
        """Bonjour, notre publicité vidéo Sponsored Brands a été refusée deux fois pour « allégations non justifiées ». La vidéo montre seulement le produit et le texte « Fabriqué en France », ce qui est vrai. Pouvez-vous nous dire quelle allégation pose problème ?""",
    ),
    (
        "technical",
        "C",
        "angry",
        """Seller Central est totalement inaccessible depuis 7h : page blanche après la connexion, l'appli affiche une erreur. Impossible de voir les commandes, d'acheter des étiquettes ou de confirmer les expéditions. 200 commandes à envoyer aujourd'hui. Y a-t-il une panne ? Notre activité est à l'arrêt.""",
    ),
    (
        "account_access",
        "N",
        "polite",
        """Bonjour, notre responsable d'entrepôt a quitté l'entreprise. Je voudrais supprimer son accès et créer un utilisateur pour son remplaçant avec les mêmes droits (commandes et stock, pas les paiements). Où cela se trouve-t-il dans les nouveaux paramètres ?""",
    ),
    (
        "other",
        "N",
        "angry",
        """Je veux déposer une réclamation formelle sur le traitement de mon dernier dossier. L'agent m'avait promis un rappel sous 24 heures, personne n'a appelé et le dossier a été marqué comme résolu. Rien n'est résolu. Je demande qu'un responsable revoie le dossier 14562389901.""",
    ),
]

IT = [
    (
        "account_health",
        "C",
        "notice",
        """Buongiorno,

stamattina ho ricevuto questa e-mail: "Il tuo account venditore Amazon è stato disattivato. Perché? Il tuo account potrebbe essere collegato a un altro account che non è autorizzato a vendere. I fondi del tuo account saranno trattenuti."

Abbiamo un solo account dal 2017 e nessuna segnalazione. Tutte le offerte sono sparite, i soldi sono bloccati e abbiamo quattro dipendenti. Quali documenti vi servono? Non possiamo vendere nulla.""",
    ),
    (
        "account_health",
        "H",
        "long",
        """Salve, questa settimana lo stato dell'account è diventato arancione: tasso di difettosità degli ordini all'1,3% per due reclami dalla A alla Z e un feedback negativo che riguarda solo il corriere. Abbiamo le prove di consegna. Sotto Natale non possiamo rischiare la disattivazione. Potete riesaminare i reclami e rimuovere il feedback?""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Ho ricevuto questa notifica: "Abbiamo rimosso la tua offerta perché potrebbe violare la nostra politica sui prodotti con restrizioni. ASIN: B07ZZX12QP."
È un normalissimo coltello da cucina. È il nostro prodotto più venduto e sta arrivando il Black Friday. Cosa devo inviare per riattivarlo?""",
    ),
    (
        "policy_compliance",
        "N",
        "polite",
        """Buongiorno, ci chiedono la dichiarazione di conformità CE e i rapporti di prova per i nostri giocattoli in legno. Abbiamo tutto, ma va caricato per ogni ASIN o in un'unica sezione? La scadenza è tra 14 giorni. Grazie.""",
    ),
    (
        "appeals",
        "C",
        "long",
        """Gentile team Performance venditori,

il nostro account è stato disattivato il 3 marzo per un tasso di spedizioni in ritardo del 6,2%. Abbiamo inviato il piano d'azione il 5 e il 12 marzo, entrambi respinti perché mancherebbe la causa principale. La causa è stato uno sciopero del corriere per 9 giorni; ora abbiamo due corrieri, tempi di gestione di 2 giorni e controlliamo la metrica ogni giorno. Tre settimane senza vendite e 12.400 € trattenuti. Diteci esattamente cosa manca.""",
    ),
    (
        "appeals",
        "H",
        "angry",
        """Ricorso respinto di nuovo con lo stesso copia e incolla! Fatture del distributore, lettera di autorizzazione del marchio, foto: ho mandato tutto. Cosa volete ancora? L'offerta è ferma da un mese, è il 40% delle mie vendite.""",
    ),
    (
        "payments",
        "C",
        "long",
        """Buongiorno, da quando l'account è in revisione (il giorno 2) tutti i nostri fondi sono congelati: circa 38.000 € tra Italia e Spagna. Le offerte sono attive e continuiamo a spedire, ma nessun bonifico da 19 giorni. Venerdì dobbiamo pagare stipendi e fornitore. Quali documenti servono? È un'emergenza.""",
    ),
    (
        "payments",
        "H",
        "polite",
        """Salve, la riserva dell'account è passata da 900 € a 7.400 € in questo periodo di pagamento senza alcun cambiamento da parte nostra. Sono i soldi per la merce di Natale. Potete spiegarci il motivo e ridurla? Altrimenti perdiamo la scadenza dell'ordine con il produttore.""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """Buongiorno, chiedo una riconciliazione per la spedizione FBA17XKZ4RQ. Abbiamo inviato 480 unità in 12 cartoni, tutti firmati al magazzino MXP5 secondo la prova di consegna. La spedizione è stata chiusa con 440 unità ricevute: manca esattamente un cartone. Allego prova di consegna, packing list e fattura (6,20 € cadauno). Vi prego di verificare e rimborsare.""",
    ),
    (
        "reimbursement",
        "N",
        "terse",
        """Reso dell'ordine 405-1122334-5566778 rimborsato 60 giorni fa, articolo mai rientrato in magazzino. Chiedo il rimborso.""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """URGENTE: spediamo noi e da stamattina la pagina per acquistare le etichette dà errore su ogni ordine. Abbiamo 120 ordini con data di spedizione oggi. Se non compriamo le etichette e non confermiamo, verranno tutti cancellati. Potete confermare manualmente la spedizione o prorogare la scadenza?""",
    ),
    (
        "returns_refunds",
        "N",
        "long",
        """Salve, sospetto un reso fraudolento. Il cliente ha restituito un trapano avvitatore come difettoso, ma è arrivato un modello vecchio e più economico con il numero di serie cancellato. È già stato rimborsato automaticamente di 149 €. Ho le foto. Devo aprire una richiesta SAFE-T?""",
    ),
    (
        "listing",
        "C",
        "long",
        """Buongiorno, tutte le nostre 340 offerte sono diventate inattive stanotte, senza e-mail né avvisi. Lo stato dice "Inattiva (esaurito)" ma abbiamo merce sia in FBA sia nel nostro magazzino. Di solito 150 ordini al giorno, oggi zero. Tutto il negozio è invisibile. Vi prego di scalare la richiesta.""",
    ),
    (
        "listing",
        "H",
        "mixed",
        """Un venditore si è agganciato alla mia scheda B0BX7TR2PL vendendo copie false a metà prezzo e ha preso la Buy Box. Siamo l'unico produttore, il marchio è nel Brand Registry. Segnalato due volte con "Report a Violation", niente.""",
    ),
    (
        "inventory_logistics",
        "N",
        "terse",
        """Spedizione FBA18F2XL9KC consegnata 12 giorni fa, ancora "in ricezione", 0 su 300 unità.""",
    ),
    (
        "advertising",
        "H",
        "angry",
        """Budget giornaliero 50 €, lunedì la campagna ha speso 412 €. OTTO volte il budget! Metà dei clic da una ricerca che non c'entra niente. Voglio un rimborso dell'eccedenza e una spiegazione.""",
    ),
    (
        "technical",
        "N",
        "polite",
        """Buongiorno, il caricamento del file inventario resta "in elaborazione" da due giorni e le modifiche di prezzo non vanno online. Potete controllare cosa succede al sistema?""",
    ),
    (
        "account_access",
        "C",
        "long",
        """Il mio account è stato hackerato. Stamattina è arrivata un'e-mail che l'indirizzo di accesso è stato cambiato, poi anche il numero per la verifica in due passaggi. Non riesco più a entrare. Giovedì è previsto un bonifico di circa 20.000 €. Bloccate subito l'account e i pagamenti, per favore.""",
    ),
    (
        "other",
        "L",
        "polite",
        """Salve, vorremmo iniziare a vendere anche in Germania. Serve la partita IVA tedesca? E si può gestire tutto dal nostro account italiano? Grazie per le informazioni.""",
    ),
]

MESSAGES = {"ja": JA, "de": DE, "fr": FR, "it": IT}
