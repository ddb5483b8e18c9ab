# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Fragmentos en español (España y Latinoamérica) para build.py. Same slots and shape as frag_en."""

OPENINGS = [
    "Hola,",
    "Buenos días,",
    "Buenas tardes,",
    "Estimado equipo de soporte:",
    "Hola, buenas.",
    "Saludos,",
    "Estimados señores:",
    "Hola equipo,",
    "Qué tal,",
    "",
    "",
    "",
]

CLOSINGS = [
    "Gracias.",
    "Muchas gracias de antemano.",
    "Un saludo,",
    "Saludos cordiales, {name}",
    "Quedo atento a su respuesta.",
    "Espero su pronta respuesta.",
    "Gracias por su ayuda.",
    "Atentamente, {name} ({shop})",
    "Por favor ayúdenme.",
    "",
]

NAMES = ["Carlos", "María", "Javier", "Lucía", "Andrés", "Sofía", "Diego", "Carmen", "Alejandro"]
SHOPS = ["Casa Bonita SL", "TecnoMundo", "Artesanía Oaxaca", "DeporVida", "Mascotas Felices MX"]

CONTEXT = [
    "Somos una pequeña empresa familiar que vende {product} en {mp} desde 2018.",
    "Vendo sobre todo {product} con FBA y algunos productos por mi cuenta.",
    "Llevo {n} años vendiendo en {mp} sin ningún problema.",
    "Soy vendedor nuevo, abrí la cuenta hace {days} días.",
    "Tenemos la marca registrada en el Registro de Marcas.",
    "Ya hablé con dos agentes por teléfono y nadie me resolvió nada.",
    "Abrí el caso {case} la semana pasada y me contestaron con una plantilla.",
    "Estamos en plena temporada alta y esto nos afecta muchísimo.",
]

DETAILS = [
    "El número de pedido es {order}.",
    "Pedido: {order}",
    "ASIN: {asin}",
    "ASIN {asin}, SKU {sku}.",
    "El SKU afectado es {sku}.",
    "El importe es de {amount}.",
    "Esto pasó el {date}.",
    "Número de caso {case}.",
    "Envío FBA{ship}.",
]

CUES = {
    "L": [
        "Es solo una consulta.",
        "No es urgente, solo quiero entenderlo.",
        "¿Hay alguna guía sobre esto?",
        "Cuando puedan.",
    ],
    "N": [
        "Por favor revísenlo.",
        "¿Pueden comprobarlo?",
        "Necesito que lo solucionen.",
        "Díganme qué tengo que hacer.",
    ],
    "H": [
        "Estoy perdiendo ventas todos los días.",
        "Es urgente, estamos perdiendo dinero.",
        "Es mi producto más vendido y las ventas han caído un {n}0%.",
        "Por favor escalen el caso, nos está haciendo mucho daño.",
    ],
    "C": [
        "Nuestro negocio está completamente parado.",
        "No podemos vender absolutamente nada.",
        "Es una emergencia, tengo empleados que pagar.",
        "Llevamos cero ventas desde que pasó esto.",
    ],
}

ANGRY = [
    "Esto es una vergüenza.",
    "Estoy harto de recibir respuestas automáticas.",
    "¡Es la tercera vez que escribo por lo mismo!",
    "¿Alguien lee realmente estos mensajes?",
    "Quiero hablar con un supervisor YA.",
    "Es increíble que nadie se haga responsable.",
]

SIDE_PREFIX = ["Además,", "Otra cosa:", "P.D.", "Aprovecho para preguntar:", "Por cierto,"]

PROBLEMS = {
    "order_fulfillment": [
        ("L", "¿Cómo compro etiquetas de envío con Comprar envío para un pedido que envío yo?"),
        ("L", "¿Qué tiempo de preparación debo poner para productos hechos a mano?"),
        ("N", "El pedido {order} aparece como no enviado aunque confirmé el envío ayer con número de seguimiento."),
        ("N", "El comprador dice que no recibió el paquete pero el seguimiento indica entregado."),
        ("N", "No puedo confirmar el envío, el número de seguimiento de Correos aparece como no válido."),
        (
            "H",
            "La paquetería no ha pasado a recoger desde hace {n} días y mañana vence la fecha de envío de {n}0 pedidos.",
        ),
        ("H", "Los pedidos llevan {days} días en pendiente y los clientes preguntan por sus compras."),
        ("C", "Tenemos {n}0 pedidos que se van a cancelar esta noche porque no podemos generar las guías."),
        ("N", "Un cliente quiere cambiar la dirección de entrega después de hacer el pedido."),
    ],
    "returns_refunds": [
        ("L", "¿Cuál es el plazo de devolución para productos vendidos en Navidad?"),
        ("L", "¿Puedo cobrar una tarifa de reposición si el cliente abrió la caja?"),
        ("N", "Un comprador devolvió una caja vacía y recibió el reembolso completo."),
        ("N", "El cliente devolvió el producto usado y sin piezas, quiero hacer solo un reembolso parcial."),
        ("N", "Reembolsé el pedido {order} dos veces por error, ¿cómo recupero el dinero?"),
        (
            "H",
            "Un comprador abrió una reclamación de la Garantía de la A a la Z aunque el paquete se entregó con firma.",
        ),
        ("H", "Estamos recibiendo muchas devoluciones fraudulentas, nos devuelven productos viejos y rotos."),
        ("N", "El cliente abrió una devolución diciendo que no es como se describe, pero es exactamente lo anunciado."),
    ],
    "reimbursement": [
        ("L", "¿Cuánto tiempo tengo para reclamar inventario perdido en FBA?"),
        (
            "N",
            "Se perdieron {n} unidades en el centro logístico según el registro de inventario y no me han reembolsado.",
        ),
        ("N", "Se reembolsó una devolución hace {days} días pero la unidad nunca volvió a mi inventario."),
        ("N", "Me denegaron la reclamación SAFE-T del pedido {order} aunque el producto volvió dañado."),
        ("N", "El reembolso por unidades dañadas se calculó muy por debajo de mi precio de venta."),
        ("H", "Han desaparecido más de {amount} de inventario en el almacén y me cierran todas las reclamaciones."),
        ("N", "Me cobraron tarifas de FBA de un tamaño incorrecto, quiero que me devuelvan la diferencia de {amount}."),
    ],
    "payments": [
        ("L", "¿Cuándo será mi próximo desembolso? La fecha sale pendiente."),
        ("L", "¿Cómo cambio la cuenta bancaria para los pagos?"),
        ("N", "El desembolso de {amount} se envió el {date} pero no ha llegado a mi banco."),
        ("N", "Me cobraron la cuota mensual de {amount} aunque cambié al plan individual."),
        ("N", "Falta la factura con IVA de las tarifas del mes pasado."),
        (
            "H",
            "La reserva de la cuenta subió de repente y no puedo acceder a {amount} que necesito para comprar stock.",
        ),
        ("H", "Mis pagos están retenidos desde hace {days} días y tengo que pagar al proveedor."),
        (
            "C",
            "Todos mis fondos ({amount}) están congelados desde que la cuenta está en revisión, no puedo pagar nóminas.",
        ),
        ("N", "Me han cargado un contracargo del pedido {order} aunque el cliente ya tenía el reembolso."),
    ],
    "listing": [
        ("L", "¿Cómo añado una nueva variación de color a un ASIN padre?"),
        ("L", "¿Cómo solicito la aprobación para vender en la categoría de alimentación?"),
        ("N", "Mi anuncio {asin} está suprimido por falta de imagen principal, pero la imagen está subida."),
        ("N", "Los cambios del título y las viñetas vuelven siempre a la versión anterior."),
        ("N", "Otro vendedor cambió las fotos del anuncio de mi marca."),
        ("H", "Un secuestrador de anuncios vende copias falsas en mi anuncio y se quedó con la buy box."),
        ("H", "Mi anuncio principal {asin} aparece inactivo y suprimido de la búsqueda, las ventas se pararon."),
        ("C", "Todos nuestros anuncios pasaron a inactivos esta noche sin aviso y no tenemos ventas."),
    ],
    "policy_compliance": [
        ("L", "¿Qué documentos necesito para vender juguetes en la UE?"),
        ("N", "Recibí una queja de propiedad intelectual por marca registrada pero vendo productos originales."),
        ("N", "Eliminaron mi anuncio por ser un pesticida, pero es un simple botiquín."),
        ("N", "Me piden un certificado de seguridad del producto {asin} en {days} días."),
        ("H", "Recibimos una advertencia por productos restringidos y retiraron {n} anuncios."),
        ("H", "Un competidor presentó una queja falsa de derechos de autor sobre mis propias fotos."),
        ("H", "Marcaron mi producto como no auténtico y tengo que enviar facturas del fabricante en 7 días."),
        ("C", "Por las quejas de propiedad intelectual toda la cuenta está en riesgo de desactivación mañana."),
    ],
    "account_health": [
        ("L", "¿Cómo se calcula la tasa de defectos en pedidos (ODR)?"),
        ("N", "Mi tasa de envíos con retraso sale un 5% pero casi todos llegaron a tiempo."),
        ("H", "Mi ODR está en 1,2% por tres reclamaciones A a Z y tengo miedo de que me suspendan."),
        ("H", "La salud de la cuenta está en riesgo y me avisan de que pueden desactivar la cuenta."),
        ("C", "Hoy suspendieron mi cuenta de vendedor y todos los anuncios desaparecieron."),
        ("C", "Desactivaron la cuenta por verificación de identidad y todos los fondos están retenidos."),
        ("C", "Nos quitaron los privilegios de venta, la cuenta está en revisión y no podemos vender nada."),
    ],
    "account_access": [
        ("L", "¿Cómo añado un usuario nuevo con permisos limitados?"),
        ("N", "No me llega el código de verificación en dos pasos al nuevo número."),
        ("N", "Olvidé la contraseña y el correo para restablecerla nunca llega."),
        ("H", "Alguien entró en mi cuenta y cambió los datos bancarios."),
        ("C", "Me hackearon la cuenta, cambiaron el correo de acceso y no puedo entrar de ninguna forma."),
        ("H", "Estoy bloqueado en Seller Central tras varios intentos y tengo pedidos por enviar."),
    ],
    "appeals": [
        ("L", "¿Cómo redacto un plan de acción para una desactivación por envíos tardíos?"),
        ("N", "Envié una apelación por la eliminación del anuncio hace {days} días y no hay respuesta."),
        ("H", "Rechazaron mi apelación con la misma plantilla, sin explicar qué falta."),
        ("H", "He enviado facturas tres veces para apelar la queja de autenticidad y siempre la deniegan."),
        (
            "C",
            "La cuenta lleva {days} días desactivada, mandamos el plan de acción dos veces y lo rechazan, necesitamos la reactivación.",
        ),
        ("N", "Quiero disputar la decisión de la reclamación A a Z, tengo prueba de entrega."),
    ],
    "inventory_logistics": [
        ("L", "¿Cómo creo una orden de retirada para unidades no aptas para la venta?"),
        ("L", "¿Qué es el IPI y cómo afecta a mi límite de almacenamiento?"),
        ("N", "El envío FBA{ship} figura entregado hace {days} días pero sigue con 0 unidades recibidas."),
        ("N", "Tengo {n}0 unidades de inventario varado y la opción de corregir no funciona."),
        ("N", "Mi envío se dividió en {n} almacenes distintos y el transporte sale carísimo."),
        (
            "H",
            "Nos redujeron el límite de capacidad y no podemos enviar el stock de temporada que ya está en el puerto.",
        ),
        ("H", "Todas las unidades de mi producto estrella están en estado reservado y sale agotado."),
        ("C", "Todo nuestro inventario de FBA está varado y no se puede vender nada."),
    ],
    "advertising": [
        ("L", "¿Qué ACOS es razonable para el lanzamiento de un producto?"),
        ("N", "Mi campaña de Sponsored Products está activa pero no tiene impresiones."),
        ("N", "Me cobraron {amount} por clics de publicidad que parecen de bots."),
        ("N", "El cupón que creé no aparece en la página del producto."),
        ("H", "El gasto en publicidad superó cinco veces el presupuesto diario: {amount} en un día."),
        ("H", "Cancelaron mi oferta flash del Black Friday dos días antes de empezar."),
    ],
    "technical": [
        ("L", "¿Hay una API para descargar el informe de liquidación automáticamente?"),
        ("N", "La página de informes empresariales no carga, sale error 500."),
        ("N", "La carga de inventario con plantilla lleva {days} días en curso."),
        ("N", "La app de vendedor se cierra cada vez que abro los pedidos."),
        ("H", "La integración del repricer dejó de sincronizar y los precios están mal en {n}00 productos."),
        ("C", "Seller Central no funciona desde hace {n} horas, no vemos pedidos ni podemos imprimir etiquetas."),
    ],
    "other": [
        ("L", "¿Cómo puedo empezar a vender en Amazon México desde España?"),
        ("L", "¿Tienen algún programa para pequeñas empresas o artesanos?"),
        ("N", "Quiero cerrar mi cuenta de vendedor, ¿qué pasa con el saldo?"),
        ("N", "Quiero poner una queja por la atención del último caso, el agente me colgó."),
        ("L", "Gracias por resolver mi problema la semana pasada."),
        ("L", "¿Dónde encuentro las tarifas de vendedor actualizadas?"),
    ],
}

# Spanglish / Latin American voice.
MIXED = {
    "order_fulfillment": [
        ("H", "Oye, el carrier no ha hecho el pickup y tengo como {n}0 orders que se van a poner late mañana.")
    ],
    "returns_refunds": [
        ("N", "El customer me mandó back una caja vacía y Amazon le dio el refund completo, no es justo.")
    ],
    "reimbursement": [("N", "Se perdieron {n} units en el warehouse y todavía no me dan el reimbursement.")],
    "payments": [("H", "Mi disbursement está on hold hace dos semanas y necesito el dinero para pagar el inventory.")],
    "listing": [("H", "Un hijacker se metió a mi listing y me quitó la buy box, necesito que lo saquen ya.")],
    "policy_compliance": [
        ("N", "Me llegó un IP complaint por trademark pero yo compro directo al distribuidor autorizado.")
    ],
    "account_health": [("C", "Me suspendieron la cuenta hoy, todos mis listings están down y no vendo nada.")],
    "account_access": [("N", "No me llega el OTP para hacer login, ya cambié de celular.")],
    "appeals": [("H", "Ya mandé el POA dos veces y me lo rechazan con el mismo template.")],
    "inventory_logistics": [("N", "Mi shipment lleva dos semanas en receiving y no está available para vender.")],
    "advertising": [("N", "Mis campañas de PPC no tienen impressions desde el lunes.")],
    "technical": [("N", "El flat file me da error cada vez que lo subo, no sé qué está mal.")],
    "other": [("L", "¿Cómo le hago para vender en Amazon USA si mi empresa está en México?")],
}

NOTICES = {
    "policy_compliance": [
        "Estimado vendedor: Hemos eliminado tu anuncio porque podría infringir nuestra política de productos "
        "restringidos. ASIN: {asin}.",
        "Hemos recibido una notificación del titular de derechos sobre una posible infracción de propiedad "
        "intelectual: ASIN {asin}. Tipo de infracción: marca registrada.",
    ],
    "account_health": [
        "Hola: Tu cuenta de vendedor de Amazon ha sido desactivada. Los fondos de tu cuenta se retendrán.",
        "Tu cuenta está en riesgo de desactivación: la tasa de defectos en pedidos supera el objetivo del 1%.",
    ],
    "appeals": [
        "Gracias por tu plan de acción. Lamentablemente no podemos restablecer tus privilegios de venta en este momento.",
    ],
    "payments": ["Hemos retenido temporalmente tus desembolsos mientras revisamos tu cuenta."],
    "listing": ["Tu anuncio está suprimido de la búsqueda porque faltan atributos obligatorios."],
    "reimbursement": ["Hemos revisado tu solicitud de reembolso y la unidad se devolvió a tu inventario."],
    "returns_refunds": ["Se ha presentado una reclamación de la Garantía de la A a la Z para el pedido {order}."],
}

NOTICE_INTROS = ["Me llegó este mensaje:", "Recibí hoy este aviso:", "Copio el correo que me enviaron:"]
NOTICE_REACTIONS = [
    "No entiendo qué hice mal.",
    "Esto es totalmente falso.",
    "¿Qué necesitan exactamente?",
    "¿Me lo pueden explicar?",
]

PRODUCTS = [
    "artículos de cocina",
    "fundas de móvil",
    "juguetes para perros",
    "esterillas de yoga",
    "ropa de bebé",
    "luces LED",
    "herramientas de jardín",
    "jabón artesanal",
    "accesorios de coche",
    "vitaminas",
    "café",
]

MARKETPLACES = ["Amazon.es", "Amazon México", "Amazon.com.mx", "Amazon España", "la tienda de EE. UU."]

CURRENCIES = ["{v} €", "{v}€", "€{v}", "{v} euros", "${v} MXN", "{v} pesos", "EUR {v}"]

PROBLEMS["returns_refunds"] += [
    (
        "H",
        "El cliente abrió una reclamación A a Z diciendo que no recibió el producto, pero el seguimiento dice entregado.",
    ),
    ("N", "El cliente devolvió un modelo distinto y más viejo y se le reembolsó automáticamente."),
]
PROBLEMS["payments"] += [
    ("N", "Hay un cargo en el informe de liquidación que no sé de qué es y mi saldo quedó en negativo."),
    ("H", "Los pagos están retenidos porque falló la verificación de la cuenta bancaria, es la misma de siempre."),
]
PROBLEMS["reimbursement"] += [
    ("N", "El envío a FBA se recibió con unidades de menos y nunca me reembolsaron las que faltan."),
]
PROBLEMS["technical"] += [("N", "No se generan las etiquetas de las cajas del envío, el PDF se queda cargando.")]
PROBLEMS["account_access"] += [
    ("H", "El teléfono de la verificación en dos pasos es de un empleado que ya no está y no podemos entrar.")
]
PROBLEMS["other"] += [
    ("L", "¿Necesitamos otra empresa para vender en Europa o en Japón?"),
    ("N", "El agente prometió llamarme en 24 horas, nadie llamó y cerraron el caso."),
]
