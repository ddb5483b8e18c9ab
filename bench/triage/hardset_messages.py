# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""The hard set: fully hand-written, deliberately difficult seller messages kept OUT of training.

Long, messy, quoting notices, several topics with one dominant, regional and non-native English, mixed languages.
Written before looking at the model's answers on them. (language, category, urgency, text[, subject]); the tier
label follows the corpus rule (``sellerdesk.assistant.labels.tier_for``).
"""

HARD = [
    # ---------------------------------------------------------------- English
    (
        "en",
        "account_health",
        "critical",
        """Hi,

So I woke up to this in my inbox:

"Hello, We are writing to let you know that your Amazon.co.uk selling account has been deactivated and your listings have been removed from our store. Why did this happen? We have reason to believe that you have violated our Seller Code of Conduct by ... manipulating product reviews. Funds in your account will not be transferred to you..."

We've NEVER paid for a review. The only thing we did was put a wee card in the box asking people to get in touch if anything was wrong with their order, with our email. Is that what it's about? I've removed the insert already. Our whole income is this shop, 2 staff plus me and the wife. There's about £11k sitting in the account. I've also got a question about VAT invoices but honestly that's the least of my worries right now. What do we do??""",
        "deactivated - review manipulation?? urgent",
    ),
    (
        "en",
        "payments",
        "high",
        """hello, we are a Chinese manufacturer selling in US store. Since 3 weeks our disbursement is not coming, the payment page show "Your payments are on hold due to a verification of your bank account". We already upload the bank statement from 招商银行 with english translation, twice. Still on hold. Total USD 23,450.80. Next week we must pay the factory for the Q4 goods, if not, cannot ship to FBA in time. Please tell us what is wrong with the document. Also our listing B0CK7YHT2M has some bad review from customer about size, we will improve.""",
    ),
    (
        "en",
        "inventory_logistics",
        "high",
        """Hiya, writing from Belfast. Sent in a shipment back at the start of the month (FBA18ZZQ7K1P, 6 cartons, 480 units of the Christmas jumpers) and it's been sat at 'Delivered' for 16 days, not a single unit checked in. The jumpers are only good till December, after that they're just taking up space and I'm paying storage on them. I've rung twice, both times was told "allow 14 days". Well it's been 16. Could someone have a wee look please? The POD from UPS is attached. Not looking for money at this point, I just want them received so they can sell.""",
    ),
    (
        "en",
        "listing",
        "high",
        """Our best seller (B09QWERTY1 - silicone baking mats, 3 pack) has been 'search suppressed' since Friday. The reason on the listing quality dashboard says "Missing: item_form" which isn't even an attribute for this product type as far as I can see - there's no field for it in the edit page. We've done about 60-70 units a day on this over the last month and since Friday it's been 4. I tried uploading a flat file with item_form=sheet and got error 90220. In my last case (case 17348291011) the associate told me to "add the missing attribute". Yes, thanks, that's what I'm trying to do. Please can someone who knows the catalogue side look at this.""",
    ),
    (
        "en",
        "returns_refunds",
        "normal",
        """Hi there, I hope you can help. Buyer on order 204-7766554-3322110 returned a pair of walking boots saying 'too small'. When they came back the soles were caked in mud and one lace was missing, so they clearly went up a hill or two first! The automatic refund already went through for the full £89.99. I'd like to know if I can recover part of that or file a claim since I can't sell them as new now. I had a quick look at the SAFE-T section but I'm not sure this is what it's for since it's FBM and I issued the return label. Not urgent, just don't want to keep eating these costs.""",
    ),
    (
        "en",
        "reimbursement",
        "normal",
        """Morning. Going through the inventory ledger reconciliation for Q2 and there are 37 units across 4 SKUs that show as "Warehouse lost" with no matching reimbursement event and no "found" event either. Dates range from April 3 to June 20. Some are past the 60 day auto-reimbursement window. SKUs: TT-2231-BLK (12 units), TT-2231-WHT (9), TT-5510 (10), GX-100 (6). Per-unit cost is around $14. Can you raise these for reimbursement or tell me the right place to file them now that the old "Lost and damaged inventory" form seems to have gone? Thanks.""",
    ),
    (
        "en",
        "order_fulfillment",
        "critical",
        """URGENT!!! We are an SFP seller and UPS did not collect yesterday or today (their truck broke down apparently, depot can't give us a new time). We have 212 Prime orders that are now late or will be late tonight. Buy Shipping won't let me switch to another carrier for the ones already labelled. If these orders get cancelled or we lose the Prime badge just before Black Friday we're finished. Can you extend the ship-by date or at least stop the auto-cancel? I know the late shipment rate will take a hit, I'll deal with that after. Order examples: 111-2233445-5566778, 112-9988776-5544332.""",
    ),
    (
        "en",
        "policy_compliance",
        "high",
        """Another one of these:

> Dear Seller,
> We have removed your listing(s) because they may be a "Pesticide or Pesticide Device" under the applicable regulations... ASIN B07TT66RR2 - Bamboo Charcoal Air Purifying Bags...
> To reinstate, provide EPA registration or an explanation...

They are bags of charcoal. They absorb smells. There is no claim about killing bacteria, germs, mould or anything else, I checked every word of the listing and the A+ content. This is the 3rd time in a year on the same product. Every time it takes 2-3 weeks to get reinstated and I lose the ranking. It's our No.2 product. Can the flag be removed permanently?""",
    ),
    (
        "en",
        "appeals",
        "critical",
        """To the Account Health / Seller Performance team,

This is our 4th appeal regarding the deactivation of our account (merchant token A2XXXXXXXX) for "inauthentic" complaints on 3 ASINs of the brand "HomeGlo". We are an authorised reseller - we have the distributor invoices (HomeGlo Europe GmbH), the letter of authorisation and the supply chain details, all attached again. Every response we get says "the invoices you provided could not be verified". We have called the distributor and they confirmed they were never contacted. We have been unable to sell for 52 days, €31,000 is held, and we've had to let one employee go. We are asking for a human review of our appeal or a phone call. What exactly cannot be verified?""",
    ),
    (
        "en",
        "technical",
        "normal",
        """Hey team, since the new "Send to Amazon" rollout I can't print box labels for shipments with more than 50 boxes - the PDF generation just spins for ages and then says "Something went wrong, please try again later". Smaller shipments are fine. Tried Chrome/Firefox/Safari, different laptops. Workaround right now is to split into smaller shipments which costs more on the partnered carrier. Not the end of the world but it's annoying, please pass to the tech folks.""",
    ),
    (
        "en",
        "advertising",
        "normal",
        """I'm a bit confused about my ad bill. My card was charged £612.40 on the 3rd for "Sponsored Products" but in the campaign manager the total spend for last month shows £488. Where does the other £124 come from? Is it VAT? We're VAT registered so that should be reverse charged. Also, my Sponsored Brands campaign was paused for "billing issue" for 2 days even though the card is fine. Can someone look at the invoice please?""",
    ),
    (
        "en",
        "account_access",
        "critical",
        """Somebody has got into our Seller Central. We got an email at 03:12 that a new user "admin-support" with full permissions was added - nobody here did that. By the time I tried to log in the password had been changed and the 2SV phone number isn't ours anymore. They also changed the deposit method, I got a notification about that too. Disbursement of roughly $38k is due Tuesday. Please freeze the account / payments NOW and help us get back in, this is our company account, we can verify with any document.""",
    ),
    (
        "en",
        "other",
        "low",
        """Hi, not a problem as such, more of a question. We're a small family business in Queensland and have been selling on Amazon.com.au for a year. A few people told us about Amazon Global Selling and the US marketplace. How does the unified account work, do we need a US bank account, and do we have to pay US sales tax ourselves or does Amazon collect it? Any docs you can point us to would be great. Cheers!""",
    ),
    (
        "en",
        "account_health",
        "high",
        """Good afternoon,

Kindly note that our account health rating is showing 180 and the status changed to "At Risk". Under "Policy compliance" there are 4 items: 2 "Food and product safety issues" and 2 "Listing policy violations". We have already deleted the listings concerned (they were old listings from 2021 which we are not selling). As per the page, at 100 the account may be deactivated. Please do the needful to remove these violations since the products are not active anymore, or kindly guide us what action is required from our side. We are also facing one issue with the coupon not showing but that is secondary.

Thanks & Regards,
Ramesh Kumar
Senior Executive - Ecommerce""",
    ),
    (
        "en",
        "returns_refunds",
        "high",
        """A-to-z claim on order 026-4455667-8899001. Buyer says "item not received". Royal Mail tracked shows delivered and signed for by "SMITH" on the 14th. Buyer's name is Smith. Claim is due for decision in 2 days. This will be our 4th claim in 60 days and the ODR is sitting at 0.9% - one more and we're over 1%. I've responded with the tracking in the claim but I've heard these get auto-granted. Can a human please look at it?""",
    ),
    (
        "en",
        "inventory_logistics",
        "normal",
        """We have around 900 units in "Unfulfillable - customer damaged" status. Most of them are returns where the box is a bit dented but the item is fine. Is there any way to get them graded as sellable without a removal order? If not, what's the cheapest option - removal to our warehouse or liquidation? I read about FBA Grade and Resell, does that work for UK? Not urgent, just trying to reduce storage fees before the aged inventory surcharge kicks in.""",
    ),
    (
        "en",
        "payments",
        "normal",
        """Hi, the September settlement report has a line "FBA Inventory Reimbursement - Reversal" for -$1,480.22 and I can't match it to anything. There's no case ID, no FNSKU in the report row. Because of it my balance went negative and the September disbursement was $0. Could you tell me what the reversal relates to and whether it's correct? If it's a mistake I'd like it reversed back.""",
    ),
    (
        "en",
        "listing",
        "normal",
        """Hola! I'm trying to create variations for my t-shirts (sizes S to XXL, 5 colours) with the Brand Registry account. Every time I upload the flat file the child ASINs get created but they don't link to the parent, they show as separate listings. Error says "The parent_sku provided is not found". The parent is there, I created it first, same feed. What am I doing wrong? I've tried 4 times now, it's driving me mad lol.""",
    ),
    (
        "en",
        "order_fulfillment",
        "normal",
        """Bit of an odd one. Customer ordered two of the same item (order 203-1112223-3344455) and we shipped both in one box, one tracking number. She's saying she only got one. Our packing photo shows two inside. The order page now says "Buyer requested cancellation" for one unit even though it's already shipped. What should I do - refund the one unit and ask her to check again or is there some way to show our packing proof? Don't want it turning into an A-to-z.""",
    ),
    (
        "en",
        "policy_compliance",
        "normal",
        """We sell in DE and FR as well as UK and have received a message in Seller Central asking us to provide "the EPR registration number for packaging in France (Triman / Citeo)" for our account within 30 days or our listings may be removed in France. We do have a German LUCID number. Is the French one mandatory for sellers shipping via Pan-EU? Who do we register with? Please advise the steps, we're a bit lost with all the EU rules.""",
    ),
    (
        "en",
        "appeals",
        "high",
        """Re: appeal for listing removal - Case 18822993311

Your colleague told me on the phone last Tuesday that the appeal would be reviewed within 48 hours and I'd get a call back. No call, no email. The listing (B0BBBB1234, dog harness) was removed for "Customer product safety complaint" after ONE review saying the clip broke. We've sent the test report (EN 71? no - it's the pet product standard) and the supplier's QC sheet. It's been 11 days. We sell 30 of these a day in summer and we're losing the rank. Please escalate the appeal.""",
    ),
    (
        "en",
        "technical",
        "high",
        """Our Linnworks integration stopped importing orders from Amazon at around 11pm last night. The Amazon channel in Linnworks shows "Access to requested resource is denied" (SP-API 403). We reauthorised the app this morning, it worked for 20 minutes, then the same error. We process ~400 orders a day through Linnworks so right now we're downloading order reports manually and typing them into the courier system. It's slow and we'll miss dispatch times if it continues. Has something changed on your side with app permissions?""",
    ),
    # ---------------------------------------------------------------- Spanish
    (
        "es",
        "account_health",
        "critical",
        """Buenas noches,

Les escribo muy preocupado. Hoy me ha llegado este correo: "Hola: Tu cuenta de vendedor de Amazon.es ha sido desactivada... Hemos determinado que tu cuenta tiene relación con otra cuenta que no puede vender en Amazon." No tengo ninguna otra cuenta. Hace un año mi hermano abrió una tienda pero la cerró enseguida, quizá sea eso porque usamos el mismo ordenador algún día. Tengo 8.300 € retenidos y el almacén lleno de mercancía para Navidad. No puedo vender nada. ¿Qué tengo que hacer? ¿Tengo que mandar algo de mi hermano? Por favor respóndanme cuanto antes.""",
    ),
    (
        "es",
        "payments",
        "high",
        """Hola, qué tal. Soy vendedor de México en amazon.com.mx. Mi depósito de $45,600 MXN está "en espera" desde hace 12 días y en la página de pagos dice que la cuenta bancaria no pudo ser verificada. Es la misma cuenta de siempre, de BBVA, no la he cambiado. Necesito ese dinero para pagarle al proveedor el viernes si no me quedo sin stock en diciembre. También quería preguntar por las facturas CFDI de las comisiones, pero lo urgente es el pago.""",
    ),
    (
        "es",
        "reimbursement",
        "normal",
        """Hola, revisando el informe de inventario veo que en el envío FBA15ABCD99X enviamos 300 unidades y solo se recibieron 276. El transportista (SEUR) entregó los 10 bultos completos y tengo el albarán firmado. Ya pasaron más de 30 días desde la entrega. Quiero abrir una reclamación para las 24 unidades que faltan (coste 8,50 € cada una). ¿Dónde se hace ahora? En la página antigua ya no me aparece la opción.""",
    ),
    (
        "es",
        "listing",
        "high",
        """Hola!! Alguien ha cambiado la foto principal y el título de mi producto (ASIN B0DDFFGG12, soporte de móvil para bicicleta) y ahora sale como "soporte universal para coche". Yo soy el fabricante y el que creó el anuncio. Los clientes compran pensando que es para coche y me están devolviendo el producto y dejando malas opiniones. Llevo 3 días intentando corregirlo desde "Editar" pero vuelve a cambiar. Estamos perdiendo ventas y encima las devoluciones. ¿Pueden bloquear el anuncio para que nadie más lo cambie?""",
    ),
    (
        "es",
        "order_fulfillment",
        "normal",
        """buenas, tengo un pedido que el cliente dice que no le ha llegado, el 171-9988776-1234567. Correos dice entregado en oficina pero el cliente dice que fue a recogerlo y no estaba. Que hago, le vuelvo a enviar o espero?? no quiero que me abra reclamacion. gracias""",
    ),
    (
        "es",
        "returns_refunds",
        "normal",
        """Estimados, un cliente ha devuelto un aspirador diciendo que no funciona pero lo hemos probado y va perfecto, además venía sin el filtro y con pelo de perro dentro. Amazon ya le ha hecho el reembolso completo (189,99 €). ¿Puedo reclamar algo? ¿O al menos que no cuente como devolución por defecto? No es urgente pero me pasa cada vez más.""",
    ),
    (
        "es",
        "appeals",
        "high",
        """Por favor lean mi caso con atención. Me retiraron el anuncio B0AAAA9876 por una queja de "producto no auténtico". Soy distribuidor oficial de la marca en España, tengo contrato y facturas. Presenté apelación el día 3 con todo, el día 7 me la rechazaron con un texto automático. La volví a presentar el 9 y todavía nada. Es el 35% de mis ventas y esto empieza a afectar la salud de la cuenta. Necesito que un humano revise la documentación.""",
    ),
    (
        "es",
        "inventory_logistics",
        "high",
        """Hola, nos redujeron la capacidad de almacenamiento para noviembre y diciembre de 2.500 a 700 pies cúbicos. Teníamos planificado enviar 6.000 unidades de juguetes para Navidad que ya están en nuestro almacén de Zaragoza. Nuestro IPI es 480, no entendemos por qué. Si no podemos enviarlas vamos a perder la campaña entera. ¿Hay alguna solicitud especial o excepción?""",
    ),
    (
        "es",
        "technical",
        "normal",
        """Mira, desde hace una semana la plantilla de inventario (la de categoría Hogar) me da error 99001 "falta un valor obligatorio" en la columna "unidad de medida", pero la columna ya está rellena. Con la plantilla del año pasado funcionaba. ¿Hay algún cambio? No es urgente porque estoy subiendo los productos a mano, pero son 200 y me va a llevar días.""",
    ),
    (
        "es",
        "advertising",
        "normal",
        """Hola, mi cupón del 15% para la Black Friday aparece como "Caducado" en la consola aunque le puse fechas del 20 al 30 de noviembre. Además me cobraron 40 € de tarifa del cupón. ¿Me pueden decir qué ha pasado y si me devuelven la tarifa? Gracias.""",
    ),
    # ---------------------------------------------------------------- Chinese
    (
        "zh",
        "account_health",
        "critical",
        """您好！

今天收到邮件："您的亚马逊卖家账户已被停用……我们发现您的账户可能与另一个被禁止在亚马逊销售的账户存在关联。"我们公司只有这一个美国站账号，欧洲站是同一个主体统一账号。可能的原因是我们之前用过的一个ERP服务商也服务其他卖家？现在所有listing都不可售，账户里还有大约3.6万美元，FBA仓库里有2万多件货，每天还在产生仓储费。请问需要提供什么材料来申诉？公司营业执照、法人身份证、水电账单都可以马上提供。""",
    ),
    (
        "zh",
        "inventory_logistics",
        "normal",
        """你好，我们有一批货FBA17QQWW2ER在10号就显示签收了，但是到现在已经12天了，还是显示"正在接收"，已接收数量只有120/600。这批是圣诞节的货，麻烦帮忙催一下仓库尽快上架。另外想问一下，入库配置费是按什么标准收的？这个月多扣了好多，不过这个不急。""",
    ),
    (
        "zh",
        "reimbursement",
        "normal",
        """客服您好，我们核对了库存分类账，发现3月到5月一共有58件货显示"仓库丢失"（Lost_warehouse），但是没有看到对应的赔偿记录，也没有找到记录。SKU分别是KL-3320-BK 25件，KL-3320-WT 18件，KL-7788 15件，单件成本约9美元。请帮忙核实并赔偿，谢谢！""",
    ),
    (
        "zh",
        "listing",
        "critical",
        """紧急！！！我们店铺今天早上所有的listing（大概450个ASIN）全部变成"不可售"，状态显示"已停售-缺少信息"，可是我们什么都没改。账户状况页面是绿色的，没有任何违规通知。现在前台全部搜不到，一单都没有了，每天损失两万多美金。请马上帮我们升级处理！""",
    ),
    (
        "zh",
        "payments",
        "normal",
        """您好，上个月的结算报告里有一笔"Subscription Fee"扣了两次，各39.99美元，我们只有一个专业销售计划。另外增值税发票在哪里下载？请帮忙把多扣的退回来。""",
    ),
    (
        "zh",
        "policy_compliance",
        "high",
        """您好，收到以下通知：
"我们收到了权利所有人的通知，称以下商品信息可能侵犯了其知识产权：ASIN B0CCVVBB77，侵权类型：外观设计专利。我们已删除该商品信息。"
这款产品是我们自己设计的，在国内和美国都申请了外观专利，而且申请日期比投诉方早一年。投诉方是另一家中国卖家，明显是恶意投诉。这个链接是我们销量第二的产品，旺季被下架损失很大。请问如何提交反通知？需要律师函吗？""",
    ),
    (
        "zh",
        "advertising",
        "high",
        """广告出问题了！我们的SP广告从昨天开始花费异常，有一个广告活动日预算100美金，结果一天花了780美金，出单只有3单。搜索词报告里全是一些奇怪的词。请帮忙核实是否是无效点击，并退还超出预算的部分。我们已经先把广告暂停了，但是黑五马上到了，不能一直停。""",
    ),
    (
        "zh",
        "account_access",
        "high",
        """你好，我们公司的主账号绑定的手机号是之前离职员工的，现在两步验证收不到验证码，登不上后台了。子账号只有订单权限，看不到付款和账户设置。这个月还要改收款账户和提交税务信息，截止日期是下周。请问怎么更换两步验证的手机号？""",
    ),
    (
        "zh",
        "returns_refunds",
        "normal",
        """亲，有个买家退货退回来的是一个完全不同的产品（我们卖的是蓝牙音箱，退回来的是一个旧的充电宝），系统已经给他全额退款了59.99美元。我们是自发货，请问这种情况能申请SAFE-T索赔吗？需要哪些证据？""",
    ),
    (
        "zh",
        "other",
        "low",
        """您好，我们是做家居用品的工厂，目前只在美国站销售，想了解一下如果开日本站和欧洲站，需要另外注册公司吗？还有VAT和日本的消费税要怎么处理？有没有相关的培训资料？谢谢！""",
    ),
    # ---------------------------------------------------------------- Japanese
    (
        "ja",
        "account_health",
        "critical",
        """お世話になっております。

本日、以下のメールを受け取りました。
「Amazon.co.jpの出品用アカウントが停止されました。お客様のアカウントは、Amazonの出品者行動規範に違反している可能性があります。アカウントの資金は保留されます。」

思い当たることがまったくありません。10年以上問題なく販売しており、評価も98%です。すべての出品が表示されなくなり、本日から売上がゼロです。社員5名の会社で、このままでは今月の給料も払えません。何を提出すれば再開できるのか、至急教えてください。""",
    ),
    (
        "ja",
        "inventory_logistics",
        "normal",
        """いつもお世話になっております。納品プランFBA16ABCDE12について、11月2日に配達済みとなっておりますが、2週間経っても「受領中」のままで、受領数は200個中40個です。年末のセールに間に合わせたいので、確認をお願いできますでしょうか。あわせて、在庫保管手数料の請求額についても後日質問させてください。""",
    ),
    (
        "ja",
        "listing",
        "high",
        """商品ページ（ASIN：B0EEFFGG34）の画像とタイトルが、当社の知らないうちに別の商品のものに変わっています。当社はブランド登録済みのメーカーです。お客様から「写真と違う」と返品が続いており、評価も下がっています。何度も修正を申請していますが反映されません。売上への影響が大きいので、早急に対応をお願いいたします。""",
    ),
    (
        "ja",
        "reimbursement",
        "normal",
        """お客様返品について、返金は10月1日に行われていますが、60日経過しても商品が倉庫に戻っていません。注文番号：503-1234567-7654321。在庫調整の記録もありません。補填の対象になると思いますので、ご確認をお願いします。""",
    ),
    (
        "ja",
        "payments",
        "low",
        """お世話になっております。売上金の振込サイクルについて教えてください。14日ごとと聞いておりますが、今回は入金予定日が1日ずれていました。祝日の関係でしょうか。急ぎではありませんが、資金繰りの参考にしたいので、お手すきの際にご回答いただけますと幸いです。""",
    ),
    (
        "ja",
        "technical",
        "high",
        """昨日の夜から、在庫連携ツール（ネクストエンジン）経由の在庫数更新が反映されていません。フィードは「完了」となっていますが、セラーセントラル上の在庫数が変わらず、在庫切れの商品に注文が入ってしまっています。すでに15件キャンセルせざるを得ませんでした。キャンセル率が上がるのが心配です。API側で何か変更があったのでしょうか。""",
    ),
    (
        "ja",
        "other",
        "normal",
        """前回のケース（ケースID：12345678901）で、担当の方から「3営業日以内に折り返しご連絡します」と言われましたが、1週間経っても連絡がなく、ケースもクローズされていました。問題自体は自分で解決しましたが、このような対応は困ります。今後の改善をお願いしたく、ご連絡しました。""",
    ),
    # ---------------------------------------------------------------- German
    (
        "de",
        "account_health",
        "critical",
        """Hallo,

wir haben heute folgende Nachricht bekommen: "Ihr Verkäuferkonto wurde deaktiviert, da wir die von Ihnen angegebenen Informationen nicht verifizieren konnten. Ihre Angebote wurden entfernt und Ihre Guthaben werden einbehalten."

Wir haben vor drei Wochen den Handelsregisterauszug, den Personalausweis des Geschäftsführers und einen Kontoauszug hochgeladen, und es hieß, alles sei in Ordnung. Seit heute Morgen verkaufen wir gar nichts mehr, ca. 22.000 € sind eingefroren. Wir haben 6 Mitarbeiter. Welches Dokument fehlt denn jetzt noch? Bitte dringend melden.""",
    ),
    (
        "de",
        "policy_compliance",
        "high",
        """Guten Tag, seit Montag sind 40 unserer Angebote in Frankreich und Spanien gesperrt mit dem Hinweis, dass die "EPR-Registrierungsnummer für Elektrogeräte" fehlt. In Deutschland haben wir die WEEE-Nummer hinterlegt, für FR und ES hatten wir das nicht auf dem Schirm. Wir verkaufen über Pan-EU. Wie lange dauert die Registrierung und können die Angebote in Deutschland währenddessen aktiv bleiben? Es sind unsere meistverkauften Artikel und das Weihnachtsgeschäft läuft gerade an.""",
    ),
    (
        "de",
        "reimbursement",
        "normal",
        """Moin, bei der Sendung FBA15XYZ1234 wurden laut Eingangsbericht 18 Einheiten als "beschädigt" verbucht, angeblich bei uns verursacht (Verpackung unzureichend). Die Kartons waren doppelwandig und gepolstert, Fotos vom Verladen haben wir. Wir bitten um Überprüfung und Erstattung der 18 Einheiten (Einkaufspreis 12,40 € pro Stück).""",
    ),
    (
        "de",
        "order_fulfillment",
        "high",
        """Hallo zusammen, DHL hat bei uns seit Donnerstag nicht mehr abgeholt (Streik im Zustellbezirk). Wir haben jetzt ca. 80 Bestellungen, die heute und morgen ihr Versanddatum erreichen. Können wir die Bearbeitungszeit nachträglich verlängern, ohne dass das in die Verspätungsrate einfließt? Wir wollen natürlich keine Stornierungen. Ein paar Bestellungen haben wir schon mit Hermes rausgeschickt.""",
    ),
    (
        "de",
        "advertising",
        "low",
        """Hallo, kurze Frage: Wir möchten für unsere neue Produktlinie Sponsored Display testen. Lohnt sich das für Produkte ohne Bewertungen? Und kann ich die Werbung auf bestimmte Wettbewerber-ASINs ausrichten? Danke schon mal!""",
    ),
    (
        "de",
        "appeals",
        "high",
        """Sehr geehrte Damen und Herren, unser Widerspruch gegen die Entfernung des Angebots B0GGHHJJ56 (Vorwurf: "gebraucht als neu verkauft") wurde zum zweiten Mal abgelehnt. Grundlage ist eine einzige Kundenbewertung, in der steht, der Karton sei beschädigt gewesen. Das war der Transport. Wir haben Fotos der originalverpackten Ware aus dem Lager und den Lieferschein beigefügt. Das Angebot war unser zweitstärkster Artikel. Bitte prüfen Sie den Widerspruch noch einmal manuell.""",
    ),
    (
        "de",
        "technical",
        "normal",
        """Hi, seit dem Update der Seller App (iOS) stürzt die App ab, sobald ich in "Bestellungen verwalten" auf eine Bestellung tippe. Am PC geht alles. Neu installiert, abgemeldet, iPhone neugestartet – hilft nichts. Kein Drama, aber ich bin viel unterwegs und würde gern wieder vom Handy aus arbeiten.""",
    ),
    # ---------------------------------------------------------------- French
    (
        "fr",
        "account_health",
        "high",
        """Bonjour,

Notre note de santé du compte est passée de 280 à 160 en une semaine à cause de deux violations « Réclamations clients relatives à l'authenticité du produit ». Il s'agit de nos propres produits, fabriqués dans notre atelier en Bretagne ! Le message indique que le compte peut être désactivé si la note descend sous 100. Nous avons peur d'une désactivation en pleine période de Noël. Que devons-nous fournir pour faire retirer ces violations ? Nous avons les factures de matières premières et les photos de l'atelier.""",
    ),
    (
        "fr",
        "payments",
        "critical",
        """Bonjour, depuis que notre compte est « en cours de vérification », plus aucun virement n'est effectué et la totalité du solde (41 800 €) est bloquée. Nos offres sont toujours en ligne et nous continuons d'expédier, mais nous ne recevons plus rien depuis trois semaines. Nous avons des salaires et l'URSSAF à payer la semaine prochaine, et notre banque refuse une avance. Sans ces fonds, nous devrons fermer. Dites-nous quels documents envoyer, nous les fournirons immédiatement.""",
    ),
    (
        "fr",
        "returns_refunds",
        "normal",
        """Bonjour, un client m'a renvoyé un manteau porté (odeur de tabac, étiquette coupée) et a été remboursé automatiquement 129 €. Je voudrais savoir si je peux appliquer un remboursement partiel ou faire une réclamation, car je ne peux pas le revendre. C'est la deuxième fois ce mois-ci. Merci de m'indiquer la procédure.""",
    ),
    (
        "fr",
        "inventory_logistics",
        "high",
        """Bonjour, 1 200 unités de notre meilleure vente sont en statut « réservé - traitement centre de distribution » depuis 3 semaines. La fiche produit affiche « actuellement indisponible » et nous perdons environ 50 ventes par jour. À chaque contact on nous répond que c'est un transfert entre entrepôts. Pouvez-vous accélérer ou au moins nous dire quand le stock sera disponible ?""",
    ),
    (
        "fr",
        "listing",
        "normal",
        """Bonjour, impossible de créer une variation de taille pour mes chaussures : le fichier de chargement renvoie l'erreur 8541 « les données SKU ne correspondent pas au catalogue ». Le parent existe déjà. Rien d'urgent mais je bloque depuis deux jours. Qu'est-ce que je fais mal ?""",
    ),
    (
        "fr",
        "account_access",
        "normal",
        """Bonjour, mon associé a quitté la société et c'est son numéro de téléphone qui est lié à la vérification en deux étapes du compte principal. J'ai encore accès aujourd'hui car le navigateur est reconnu, mais je voudrais changer le numéro avant d'être bloqué. Comment faire sans son téléphone ?""",
    ),
    (
        "fr",
        "other",
        "low",
        """Bonjour, nous sommes une petite marque de cosmétiques bio et nous aimerions savoir s'il existe un programme d'accompagnement pour les PME françaises (formations, webinaires). Et est-ce qu'il y a un événement vendeurs à Paris cette année ? Merci !""",
    ),
    # ---------------------------------------------------------------- Italian
    (
        "it",
        "account_health",
        "critical",
        """Buongiorno,

oggi ci è arrivata questa comunicazione: "Il tuo account venditore è stato sospeso. Abbiamo riscontrato che le prestazioni del tuo account non rispettano i nostri obiettivi: tasso di ordini difettosi superiore all'1%". Tutte le offerte sono sparite e i fondi sono bloccati. È vero che abbiamo avuto 4 reclami dalla A alla Z a novembre per un problema del corriere, ma li abbiamo già rimborsati tutti. Siamo un'azienda di Napoli con 7 dipendenti e non possiamo vendere più nulla. Cosa dobbiamo fare? Serve un piano d'azione?""",
    ),
    (
        "it",
        "reimbursement",
        "normal",
        """Salve, nel report dei rimborsi manca il rimborso per 14 unità distrutte dal magazzino senza la nostra autorizzazione (avevamo scelto "restituzione", non "smaltimento"). Ordine di rimozione n. 1234ABCD, SKU MT-4410. Valore circa 280 €. Vi chiedo di verificare e rimborsare, grazie.""",
    ),
    (
        "it",
        "order_fulfillment",
        "normal",
        """ciao, il cliente dell'ordine 405-6677889-9001122 mi scrive che il pacco è arrivato aperto e mancava un articolo su due. Io ho la foto del pacco chiuso prima della spedizione. Il corriere è GLS. Devo rispedire il pezzo mancante o rimborsare? Non voglio che apra un reclamo A-Z.""",
    ),
    (
        "it",
        "policy_compliance",
        "normal",
        """Buongiorno, abbiamo ricevuto la richiesta di caricare le informazioni GPSR (persona responsabile nell'UE, avvertenze di sicurezza, immagini dell'etichetta) per tutti i nostri 85 prodotti entro il 13 dicembre. Siamo produttori italiani, quindi la persona responsabile siamo noi? E le avvertenze vanno anche in tedesco e francese visto che vendiamo in Pan-EU? Grazie per le indicazioni.""",
    ),
    (
        "it",
        "payments",
        "high",
        """Salve, da tre settimane i pagamenti sono "in sospeso" perché la verifica del conto bancario non va a buon fine. Il conto è lo stesso da 4 anni (Intesa Sanpaolo), ho caricato l'estratto conto due volte. Sono bloccati circa 9.800 €. A fine mese devo pagare il fornitore della merce natalizia e senza questi soldi non riesco. Mi potete dire cosa non va nel documento?""",
    ),
    (
        "it",
        "advertising",
        "normal",
        """Buongiorno, la mia campagna Sponsored Products è "idonea" ma da 5 giorni non ha nessuna impressione. Ho alzato le offerte sopra quelle suggerite e il budget non è esaurito. L'unica cosa che ho cambiato è il prezzo dell'articolo. Cosa può essere?""",
    ),
    (
        "it",
        "appeals",
        "critical",
        """Spett.le team Prestazioni venditore, il nostro account è disattivato da 38 giorni per "account correlato". Abbiamo inviato tre ricorsi spiegando che l'altro account era di un ex socio che ha lasciato la società nel 2022, allegando visura camerale e atto di cessione quote. Ogni volta riceviamo la stessa risposta automatica. Abbiamo 16.000 € bloccati e la merce ferma nei magazzini FBA. Chiediamo una revisione manuale del ricorso e di sapere cosa manca.""",
    ),
]
