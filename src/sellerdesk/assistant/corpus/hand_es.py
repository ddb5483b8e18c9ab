# ruff: noqa: E501  (hand-written message text: one line per sentence or message)
"""Mensajes escritos a mano en español: (category, urgency L/N/H/C, style, text[, subject])."""

MESSAGES = [
    (
        "account_health",
        "C",
        "notice",
        """Buenos días,

Hoy recibí este correo: "Hola: Tu cuenta de vendedor de Amazon ha sido desactivada. ¿Por qué ocurre esto? No hemos podido verificar la información que nos proporcionaste. Los fondos de tu cuenta se retendrán."

Ya envié el DNI, el recibo de la luz y el extracto del banco hace dos semanas y me dijeron que estaba todo correcto. Ahora todos mis anuncios están inactivos y no puedo vender nada. Somos una tienda pequeña de Valencia, esto es lo único que tenemos. ¿Qué documento falta exactamente?""",
    ),
    (
        "account_health",
        "H",
        "long",
        """Hola, la salud de mi cuenta ha pasado a naranja esta semana. La tasa de defectos en pedidos está en 1,3% por dos reclamaciones de la garantía A a Z y una valoración negativa que habla del transportista, no del producto. Tengo miedo de que me desactiven la cuenta en plena campaña de Navidad. ¿Pueden revisar las reclamaciones y eliminar la valoración? Tengo pruebas de entrega de todo.""",
    ),
    (
        "account_health",
        "C",
        "angry",
        """¡¡Me suspendieron la cuenta sin ningún aviso!! Llevo 6 años vendiendo, nunca una queja, y hoy me encuentro con que todo está desactivado y el dinero retenido. Tengo tres empleados y un almacén alquilado. Llamé dos veces y me dicen que espere 48 horas. No puedo esperar, no estamos vendiendo NADA.""",
    ),
    (
        "account_health",
        "N",
        "terse",
        """La tasa de envíos tardíos sale 4,9% pero enviamos todo en el día. ¿Pueden revisar los pedidos marcados?""",
    ),
    (
        "policy_compliance",
        "H",
        "notice",
        """Me llegó este aviso: "Estimado vendedor: Hemos eliminado tu anuncio porque podría infringir nuestra política de productos restringidos. ASIN: B07ZZX12QP." Es un cuchillo de cocina normal, de los que se venden en cualquier supermercado. Es mi producto más vendido y se acerca el Black Friday. ¿Qué tengo que mandar para que lo reactiven?""",
    ),
    (
        "policy_compliance",
        "N",
        "polite",
        """Buenas tardes, nos piden la documentación de seguridad (declaración de conformidad CE y ficha técnica) de nuestros juguetes de madera. Tenemos todo, pero no sé si hay que subirlo por cada ASIN o en un solo sitio. El plazo es de 10 días. Gracias por la ayuda.""",
    ),
    (
        "policy_compliance",
        "H",
        "mixed",
        """Hola, un competidor nos puso un IP complaint falso por trademark sobre NUESTRA propia marca, que está registrada en la EUIPO y en Brand Registry. Ya es la segunda vez este mes y el listing lleva 4 días caído. Estamos perdiendo como 500 € al día. ¿Con quién hablo?""",
    ),
    (
        "appeals",
        "C",
        "long",
        """Estimados señores:

Nuestra cuenta fue desactivada el 3 de marzo por la tasa de envíos tardíos. Enviamos el plan de acción el 5 y el 12 de marzo y las dos veces lo rechazaron diciendo que no incluía la causa raíz. La causa fue una huelga del transportista durante 9 días; ya hemos contratado un segundo transportista, ampliado el tiempo de preparación y revisamos la métrica a diario. Llevamos tres semanas sin ventas y 12.400 € retenidos. Por favor, indíquennos qué falta en el plan. Necesitamos la reactivación cuanto antes.""",
    ),
    (
        "appeals",
        "H",
        "angry",
        """Otra vez me rechazan la apelación con el mismo texto copiado y pegado. Mandé facturas del distribuidor, carta de autorización de la marca, fotos. ¿Qué más quieren? El anuncio lleva un mes caído y era el 40% de mis ventas.""",
    ),
    (
        "appeals",
        "N",
        "polite",
        """Hola, quisiera apelar la eliminación de mi anuncio B0C1AB2CD3 por la queja "usado vendido como nuevo". La caja llegó dañada por culpa del transporte, pero el producto estaba precintado. Adjunto fotos y el informe del transportista. ¿Podrían reconsiderarlo? Muchas gracias.""",
    ),
    (
        "payments",
        "C",
        "long",
        """Hola, desde que la cuenta entró en revisión el día 2, todos nuestros fondos están congelados: unos 38.000 € entre España e Italia. Los anuncios siguen activos y seguimos enviando, pero no recibimos ningún desembolso desde hace 19 días. El viernes tenemos que pagar las nóminas y al proveedor. Díganme qué documentos necesitan, es una emergencia.""",
    ),
    (
        "payments",
        "H",
        "polite",
        """Buenos días, la reserva de la cuenta pasó de 800 € a 6.900 € en este periodo de liquidación sin ningún cambio en nuestro negocio. Ese dinero es para comprar el stock de Navidad. ¿Podrían explicarme por qué ha subido y si se puede reducir? Si no lo liberan esta semana perdemos el pedido con la fábrica.""",
    ),
    ("payments", "N", "terse", """Desembolso del 14/10 de 3.204,10 € no llegó al banco, 8 días. El IBAN está bien."""),
    (
        "payments",
        "N",
        "mixed",
        """Oigan, me hicieron un chargeback de $1,250 MXN en la orden 701-1234567-7654321 pero el cliente ya tenía su refund desde hace dos semanas. Le están pagando doble. Quiero que me regresen ese dinero.""",
    ),
    (
        "reimbursement",
        "N",
        "long",
        """Hola, solicito una conciliación del envío FBA17ABCD123. Enviamos 480 unidades en 12 cajas y el transportista confirma la entrega de las 12 cajas en MAD4. El envío se cerró con 440 unidades recibidas: falta exactamente una caja (40 unidades). Adjunto el albarán firmado y la factura con coste unitario de 6,20 €. Por favor, investiguen y reembolsen las unidades que faltan.""",
    ),
    (
        "reimbursement",
        "N",
        "terse",
        """Devolución del pedido 405-1122334-5566778 reembolsada hace 60 días, el producto nunca volvió al almacén. Pido el reembolso.""",
    ),
    (
        "reimbursement",
        "H",
        "angry",
        """Siete casos abiertos por inventario perdido. El registro dice "Perdido en el almacén" para 260 unidades (más de 3.500 €) y cada caso lo cierran diciendo que "se encontraron". ¡No están en ningún sitio! Págenme lo que me deben.""",
    ),
    (
        "order_fulfillment",
        "C",
        "long",
        """URGENTE: hacemos envíos por nuestra cuenta y desde esta mañana la página de Comprar envío da error en todos los pedidos. Tenemos 120 pedidos con fecha límite de envío hoy. Si no podemos comprar etiquetas y confirmar, se cancelarán todos y la tasa de cancelación se disparará. ¿Pueden confirmar el envío manualmente o ampliar el plazo?""",
    ),
    (
        "order_fulfillment",
        "N",
        "polite",
        """Buenas, una clienta quiere cambiar la dirección de entrega del pedido 402-5544332-1122334 a su oficina. Todavía no lo hemos enviado. ¿Qué debemos hacer? ¿Le pedimos que cancele y vuelva a comprar? Gracias.""",
    ),
    (
        "order_fulfillment",
        "H",
        "mixed",
        """El carrier (Estafeta) no ha venido por los paquetes en tres días y tengo 45 órdenes que mañana ya van a salir late. ¿Se puede extender el handling time sin que me afecte las métricas?""",
    ),
    (
        "returns_refunds",
        "N",
        "long",
        """Hola, creo que tengo una devolución fraudulenta. El cliente compró un taladro Bosch y lo devolvió como defectuoso. Lo que llegó es un taladro viejo de otro modelo con el número de serie borrado. Ya se le hizo el reembolso automático de 149 €. Tengo fotos de lo que recibimos. ¿Qué hago, una reclamación SAFE-T o contacto al cliente?""",
    ),
    (
        "returns_refunds",
        "H",
        "angry",
        """¡Cuarta devolución de caja vacía este mes! Y el sistema les devuelve el dinero antes de que llegue el paquete. Llevo 600 € perdidos. Quiero desactivar los reembolsos sin devolución y revisar cada devolución antes de reembolsar.""",
    ),
    (
        "returns_refunds",
        "L",
        "polite",
        """Buenas, ¿cuál es la diferencia entre una solicitud de devolución y una reclamación de la garantía de la A a la Z? Si autorizo la devolución, ¿el cliente puede abrir igualmente una reclamación? Gracias, solo quiero entender el proceso.""",
    ),
    (
        "listing",
        "C",
        "long",
        """Hola, los 340 anuncios que tenemos pasaron a inactivos esta madrugada. No hay ningún correo ni aviso en la salud de la cuenta. Dice "Inactivo (sin stock)" pero tenemos stock en FBA y en nuestro almacén. Hoy llevamos cero ventas cuando normalmente hacemos 150 pedidos. Por favor, escalen esto, toda la tienda es invisible.""",
    ),
    (
        "listing",
        "H",
        "mixed",
        """Un seller chino se pegó a mi listing B0BXY12345 con copias baratas y se quedó con la buy box. Yo soy dueño de la marca, está en Brand Registry. Los clientes reciben la copia y me dejan reseñas de una estrella. Ya lo reporté dos veces.""",
    ),
    (
        "listing",
        "N",
        "polite",
        """Hola, en amazon.es el título de mi anuncio B08YTRE556 aparece en alemán. Lo creé en español y ha cambiado solo. ¿Cómo lo corrijo para la tienda española?""",
    ),
    (
        "inventory_logistics",
        "H",
        "long",
        """Nos han reducido el límite de capacidad de almacenamiento para el cuarto trimestre de 4.000 a 1.000 pies cúbicos, con un IPI de 520. Tenemos dos contenedores llegando a Valencia la semana que viene con el stock de Black Friday y Navidad. Si no podemos enviarlo, nos quedaremos sin stock en los 15 productos principales. ¿Hay alguna forma de conseguir un aumento temporal?""",
    ),
    (
        "inventory_logistics",
        "N",
        "terse",
        """Envío FBA18F2XL9KC entregado hace 12 días, sigue en "recibiendo", 0 de 300 unidades.""",
    ),
    (
        "inventory_logistics",
        "N",
        "mixed",
        """Tengo 120 units de inventario varado desde hace meses. Le doy a "fix stranded inventory" y al día siguiente vuelve a salir stranded. ¿Lo arreglo o hago una removal order?""",
    ),
    (
        "advertising",
        "H",
        "angry",
        """Mi presupuesto diario es de 50 €. El lunes la campaña se gastó 412 €. ¡OCHO VECES el presupuesto! La mitad de los clics vienen de una búsqueda que no tiene nada que ver. Quiero el abono del exceso y una explicación.""",
    ),
    (
        "advertising",
        "L",
        "polite",
        """Hola, soy nuevo en publicidad. ¿Qué diferencia hay entre una campaña automática y una manual? ¿Cuál me recomiendan para empezar y cuánto presupuesto diario?""",
    ),
    (
        "technical",
        "C",
        "angry",
        """Seller Central no funciona desde las 7 de la mañana: el login lleva a una página en blanco y la app dice "algo salió mal". No vemos pedidos, no podemos comprar etiquetas ni confirmar envíos. Tenemos 200 pedidos para hoy. ¿Hay una caída? El negocio está totalmente parado.""",
    ),
    (
        "technical",
        "N",
        "polite",
        """Buenas, al subir la plantilla de inventario se queda "en proceso" desde hace dos días y los cambios de precio no se publican. ¿Pueden revisar qué pasa con el sistema?""",
    ),
    (
        "account_access",
        "C",
        "long",
        """Me han hackeado la cuenta. Esta mañana recibí un correo de que el email de acceso se cambió a una dirección que no conozco y luego que cambiaron el teléfono de verificación. Ya no puedo entrar. Tengo miedo de que cambien la cuenta bancaria y se lleven el desembolso del jueves, unos 20.000 €. Por favor, bloqueen la cuenta y los pagos ya.""",
    ),
    (
        "account_access",
        "N",
        "mixed",
        """No me llega el código de verificación desde que cambié de celular. Intenté con la app authenticator pero no está vinculada. ¿Cómo entro a mi cuenta?""",
    ),
    (
        "other",
        "L",
        "polite",
        """Hola, somos una empresa española y queremos empezar a vender en Estados Unidos. ¿Necesitamos una empresa americana o podemos vender con nuestra SL? ¿Y cómo funciona el tema de impuestos? Gracias.""",
    ),
    (
        "other",
        "N",
        "angry",
        """Quiero poner una queja formal por cómo se gestionó mi último caso. La agente me dijo que me llamaría en 24 horas, nadie llamó y el caso se marcó como resuelto. No se resolvió nada. Quiero que un responsable revise el caso 14562389901.""",
    ),
]
