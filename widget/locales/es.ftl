# Español.
direction = ltr
overview-questions = { $count ->
    [one] { $count } pregunta
   *[other] { $count } preguntas
}
overview-attempts = { $attempts ->
    [one] Una toma por pregunta
   *[other] Hasta { $attempts } tomas por pregunta
}
overview-length = Respuestas de hasta { $minutes }
overview-deadline = Termina antes del { $date }
overview-deadline-extended = El equipo de selección te ha dado más tiempo: termina antes del { $date }
overview-deadline-passed = El plazo de esta entrevista ha terminado.
overview-extension-pending = Pediste más tiempo el { $date }. El equipo de selección responderá aquí: vuelve a abrir este enlace más tarde.
overview-extension-declined = El equipo de selección no ha podido darte más tiempo.
ask-extension = Pedir más tiempo
extension-title = Pedir más tiempo
extension-intro = Cuenta al equipo de selección en pocas palabras por qué necesitas más tiempo. Responderán aquí: vuelve a abrir este enlace más tarde para ver su respuesta.
extension-note = Tu mensaje al equipo de selección
extension-send = Enviar solicitud
extension-back = Volver
extension-sending = Enviando tu solicitud…
extension-note-empty = Escribe primero un mensaje breve para el equipo de selección.
extension-note-long = El mensaje es demasiado largo: como máximo { $max } caracteres.
overview-how = Comprobarás tu cámara y micrófono, grabarás un vídeo de prueba y probarás una pregunta de práctica. No se envía nada hasta que respondas las preguntas reales.
overview-adjusted = Los tiempos e intentos de abajo incluyen los ajustes acordados para ti.
overview-manual-start = La grabación solo empieza cuando tú la inicias.
start-interview = Empezar la entrevista
contact = ¿Necesitas ayuda o un ajuste, como más tiempo? Contacta con el equipo de selección, cuanto antes mejor:
contact-page = página de ayuda (se abre en una pestaña nueva)
progress-label = Dónde estás
progress-setup = Preparación
progress-practice = Práctica
progress-questions = Preguntas
progress-answered = Preguntas: { $answered } de { $count } respondidas
progress-question = Pregunta { $number } de { $count }
consent-title = Antes de empezar
consent-privacy = Política de privacidad (se abre en una pestaña nueva)
consent-agree = Acepto
consent-decline = No acepto
consent-sending = Guardando tu respuesta…
declined-title = Has decidido no participar
declined-body = No se ha grabado nada. El equipo de selección sabe que has rechazado participar. Si cambias de opinión, ponte en contacto con ellos.
device-title = Comprobación de cámara y micrófono
device-opening = Esperando a tu cámara…
device-say-something = Di algo: podrás grabar cuando el micrófono te haya oído.
device-heard = Tu micrófono funciona.
sound-too-quiet = Te oímos, pero muy bajo. Acércate al micrófono o sube su volumen y vuelve a decir unas palabras.
sound-clipping = Tu sonido es tan fuerte que se distorsiona. Aléjate un poco o baja el volumen del micrófono y vuelve a decir unas palabras.
sound-no-speech = Oímos un sonido constante, pero ninguna voz. Busca un lugar más tranquilo o comprueba que está elegido el micrófono correcto, y di unas palabras.
take-mostly-silent = Casi toda esta grabación está en silencio. Comprueba tu micrófono y, si puedes, vuelve a grabarla.
device-level-unavailable = Este navegador no puede mostrar aquí el nivel de tu micrófono. Te escucharás en el video de prueba a continuación.
device-level = Nivel del micrófono
tips-title = Consejos para una buena grabación
tip-quiet = Busca un lugar tranquilo y silencia las notificaciones del teléfono.
tip-light = Ponte frente a una ventana o una lámpara, con la luz delante de ti y no detrás.
tip-framing = Coloca la cámara a la altura de los ojos, con la cabeza y los hombros en la imagen.
tip-connection = Usa wifi si puedes. Con una conexión débil, una respuesta puede tardar un poco más en terminar de guardarse después de detenerla; no se pierde nada.
connection-checking = Comprobando tu conexión…
connection-good = Tu conexión: unos { $speed } Mbit/s. Las respuestas terminan de guardarse unos { $wait } después de detenerlas.
connection-slow = Tu conexión es lenta (unos { $speed } Mbit/s): una respuesta larga puede tardar hasta { $wait } en terminar de guardarse después de detenerla. No se pierde nada; con wifi o mejor señal irá más rápido.
connection-offer = Tu conexión (unos { $speed } Mbit/s) es demasiado lenta para vídeo: una respuesta larga puede tardar hasta { $wait } en terminar de guardarse después de detenerla. El equipo también acepta respuestas solo con sonido, que se guardan al momento.
connection-sound-only = Tus respuestas se grabarán solo con sonido: el equipo te oirá, pero no te verá.
sound-only-choose = Responder solo con sonido
sound-only-undo = Responder con vídeo
continue = Continuar
try-again = Reintentar
help-not-allowed = El navegador no tiene permiso para usar la cámara o el micrófono. Pulsa el icono de la cámara en la barra de direcciones (en el móvil: Ajustes › tu navegador › Cámara y Micrófono), permite el acceso y pulsa Reintentar.
help-not-allowed-chrome = El navegador bloqueó la cámara. Pulsa el icono de la cámara al final de la barra de direcciones, elige “Permitir siempre” y pulsa Reintentar.
help-not-allowed-firefox = Firefox bloqueó la cámara. Pulsa el icono de la cámara tachada a la izquierda de la barra de direcciones, quita el bloqueo y pulsa Reintentar.
help-not-allowed-safari = Safari bloqueó la cámara. Elige Safari › Ajustes de este sitio web, pon Cámara y Micrófono en Permitir y pulsa Reintentar.
help-not-allowed-ios = En iPhone o iPad: toca “aA” en la barra de direcciones › Ajustes del sitio web, pon Cámara y Micrófono en Permitir (o Ajustes › Safari › Cámara) y pulsa Reintentar.
help-not-allowed-android = En Android: toca el icono a la izquierda de la barra de direcciones › Permisos, permite Cámara y Micrófono y pulsa Reintentar.
help-not-found = No se encontró cámara ni micrófono. Conecta uno y pulsa Reintentar.
help-busy = Otra aplicación (quizá una videollamada) está usando la cámara o el micrófono. Ciérrala y pulsa Reintentar.
help-overconstrained = Tu cámara no admite la configuración pedida. Prueba otra cámara y pulsa Reintentar.
help-insecure = Esta página no es segura (no empieza por https://), así que el navegador oculta la cámara. Pide el enlace correcto al equipo de selección.
help-unsupported = Este navegador no puede grabar vídeo. Abre el enlace en Chrome, Edge, Firefox o Safari actualizados.
help-in-app = La aplicación en la que abriste este enlace no puede usar la cámara. Ábrelo en Safari o Chrome (menú › Abrir en el navegador).
invite-link-label = El enlace de esta entrevista
copy-link = Copiar enlace
link-copied = Enlace copiado. Pégalo en la barra de direcciones de tu navegador.
elsewhere-scan = O sigue en otro dispositivo: escanea este código con su cámara.
qr-label = Código QR del enlace de esta entrevista
use-camera-app = Grabar con la app de cámara
camera-app-offer = O responde con la app de cámara de este teléfono: grabas cada respuesta allí y esta página la envía.
camera-app-hint = Se abre tu app de cámara: mantén la respuesta por debajo de { $limit }, detén la grabación y usa el vídeo.
camera-app-too-long = Este vídeo dura { $seconds }; aquí las respuestas pueden durar como máximo { $limit }. Graba uno más corto (no se ha usado ningún intento).
camera-app-too-large = Este vídeo es demasiado grande para enviarlo ({ $size }). Graba uno más corto o elige una resolución menor en los ajustes de la cámara.
camera-app-empty = Este vídeo está vacío. Grábalo de nuevo.
camera-app-unreadable = este dispositivo no pudo leer el vídeo
help-other = No se pudo iniciar la cámara. Recarga la página o prueba otro navegador.
test-title = Vídeo de prueba
test-intro = Graba unos segundos para verte y oírte. No se envía a nadie.
record-test = Grabar vídeo de prueba
re-record = Volver a grabar
looks-good = Se ve bien
practice-title = Pregunta de práctica
practice-intro = Esta respuesta no se guarda. Úsala para sentirte cómodo.
questions-title = Tus preguntas
question-number = Pregunta { $number }
question-status-new = Sin empezar
question-status-used = { $attempts ->
    [one] { $used } de { $attempts } toma usada
   *[other] { $used } de { $attempts } tomas usadas
}
question-status-submitted = Enviada
question-length = Hasta { $seconds }
question-think = Tiempo para pensar: { $seconds }
question-think-manual = Tiempo para pensar: el que necesites
question-takes-left = { $left ->
    [0] No quedan tomas
    [one] Queda { $left } de { $attempts } tomas
   *[other] Quedan { $left } de { $attempts } tomas
}
view-question = Ver la pregunta
practice-again = Practicar de nuevo
revealing = Cargando la pregunta…
thinking = La grabación empieza en { $seconds }
thinking-manual = Tómate el tiempo que necesites y luego empieza a grabar.
record-now = Grabar ahora
starting = Iniciando la cámara…
recording = Grabando { $elapsed } de { $limit }
uploaded-so-far = { $sent } de { $recorded } guardado
stop = Detener
stopping = Guardando…
review-title = Revisa tu respuesta
retake = Repetir (quedan { $left })
retake-practice = Repetir
submit-answer = Enviar respuesta
continue-practice = Ir a las preguntas
submitting = Enviando…
offline-keep-going = Estás sin conexión. Sigue adelante: tu respuesta se guarda en este dispositivo y se enviará cuando vuelva la conexión.
storage-full = Este dispositivo no tiene espacio para guardar una copia de tu grabación, así que va directa al servidor: mantén esta página abierta hasta que todo esté guardado.
failed-take = La grabación se detuvo: { $reason }. Esta toma no cuenta.
record-again = Grabar de nuevo
done-title = ¡Gracias! Tu entrevista está completa.
done-review = El equipo de selección revisará tus respuestas pronto.
done-review-by = El equipo de selección revisará tus respuestas antes del { $date }.
done-answer = { $question }: { $duration } · { $size } · sha256 { $sha256 }
unsaved-warning = Tu respuesta aún se está guardando. Si sales ahora podrías perderla.
announce-think = { $seconds ->
    [one] La grabación empieza en { $seconds } segundo.
   *[other] La grabación empieza en { $seconds } segundos.
}
announce-left = { $seconds ->
    [one] Queda { $seconds } segundo.
   *[other] Quedan { $seconds } segundos.
}
self-view-hidden = Grabando. Tu cámara está encendida; la imagen se oculta para que te concentres.
device-lost = la cámara o el micrófono se desconectó
page-hidden = saliste de la página (otra app, otra pestaña o la pantalla bloqueada)
camera-paused = el dispositivo pausó la cámara o el micrófono
recorded-nothing = este navegador no grabó nada; prueba con una versión actual de Chrome, Edge, Firefox o Safari
error-unreachable = No se puede contactar con el servidor de la entrevista. Comprueba tu conexión y recarga la página. Las respuestas que grabaste se guardan en este dispositivo.
error-format = El servidor de la entrevista envió una respuesta que esta grabadora no entiende. Avisa al equipo de selección.
error-server = El servidor de la entrevista no pudo hacerlo (error { $status }). Inténtalo de nuevo en un momento.
error-options = Esta página no está bien configurada para la entrevista. Avisa al equipo de selección.
error-recording = La grabación se detuvo de forma inesperada. Graba esta respuesta de nuevo.
error-recording-start = No se pudo iniciar la grabación. Recarga la página o prueba una versión actual de Chrome, Edge, Firefox o Safari.
error-upload-lost = El servidor ya no tiene esta respuesta. Sigue en este dispositivo: recarga la página para enviarla de nuevo.
error-upload-unsupported = El servidor de subida no puede recibir grabaciones de esta grabadora. Avisa al equipo de selección.
error-upload-out-of-step = Tu respuesta y el servidor se desincronizaron. Recarga la página para continuar; la respuesta se guarda en este dispositivo.
error-not-now = Eso no es posible en esta pantalla.
error-token-missing = Este enlace de entrevista está incompleto. Vuelve a abrir el enlace de tu invitación.
error-invite-invalid = Este enlace de entrevista no es válido. Pide uno nuevo al equipo de selección.
error-question-unknown = Esta pregunta no forma parte de tu entrevista. Recarga la página.
error-question-not-revealed = Esta pregunta aún no se ha abierto. Ábrela y luego graba tu respuesta.
error-no-attempts-left = Ya usaste todas las tomas de esta pregunta.
error-technical-retries-used = Esta pregunta ya se volvió a grabar por problemas técnicos tantas veces como se permite. Contacta con el equipo de selección.
error-deadline-passed = El plazo de esta entrevista ha terminado.
error-consent-required = Esta entrevista solo graba después de que aceptes cómo se usarán tus respuestas. Vuelve a cargar la página para leerlo.
error-consent-changed = El texto que se te mostró ha cambiado. Vuelve a cargar la página para leer la nueva versión.
error-consent-answered = Ya respondiste a esto de otra forma. Ponte en contacto con el equipo de selección para cambiarlo.
error-already-submitted = Ya enviaste una respuesta a esta pregunta.
error-answers-missing = Algunas preguntas aún no tienen una respuesta enviada.
error-take-incomplete = Tu respuesta aún se está enviando. Espera un momento y vuelve a intentarlo.
error-take-mismatch = El servidor recibió una grabación distinta de la que hizo este dispositivo. Graba la respuesta de nuevo.
error-answer-too-long = Este vídeo es más largo de lo que pueden durar las respuestas, así que no puede ser la respuesta. El intento se ha usado; graba una respuesta más corta si te quedan intentos.
error-video-unreadable = El servidor no pudo leer este vídeo. Graba la respuesta de nuevo.
error-upload-not-found = El servidor no encuentra esta grabación. Graba la respuesta de nuevo.
error-upload-gone = Esta grabación se eliminó o caducó en el servidor. Graba la respuesta de nuevo.
error-submitted-cannot-be-deleted = Una respuesta enviada no se puede quitar.
error-too-large = Esta grabación es más grande de lo que acepta el servidor. Graba una respuesta más corta.
error-offset-mismatch = Tu respuesta y el servidor se desincronizaron. Recarga la página para continuar; la respuesta se guarda en este dispositivo.
error-checksum-mismatch = Parte de tu respuesta se dañó por el camino. Recarga la página para enviarla de nuevo.
error-locked = Tu respuesta se está enviando desde otra ventana. Cierra las demás ventanas de esta entrevista.
error-too-many-requests = Tu respuesta se está enviando desde demasiadas ventanas a la vez. Cierra las demás ventanas de esta entrevista; no se pierde nada.
error-storage-full = El servidor de la entrevista se ha quedado sin espacio por ahora. Tu respuesta se guarda en este dispositivo y se enviará en cuanto haya sitio; puedes avisar al equipo de selección.
error-tus-version = El servidor de subida no puede recibir grabaciones de esta grabadora. Avisa al equipo de selección.
error-content-type = El servidor de subida no puede recibir grabaciones de esta grabadora. Avisa al equipo de selección.
error-bad-request = El servidor no pudo leer una solicitud de esta grabadora. Avisa al equipo de selección.
error-review-link-invalid = Este enlace de revisión no es válido.
error-extension-not-now = Solo se puede pedir más tiempo cerca del plazo, y una solicitud cada vez.
error-extension-unknown = Esta solicitud de más tiempo ya tiene respuesta.
error-server-error = El servidor de la entrevista tuvo un problema. Inténtalo de nuevo en un momento; tu respuesta se guarda.
error-crashed = La grabadora de la entrevista se detuvo por un error. Tus respuestas grabadas se guardan en este dispositivo: recarga la página para continuar.
error-load-failed = La grabadora de la entrevista no pudo iniciarse. Comprueba tu conexión y recarga la página.
error-already-open = Esta entrevista ya está abierta en otra pestaña o ventana. Continúa allí, o ciérrala y recarga esta página.
