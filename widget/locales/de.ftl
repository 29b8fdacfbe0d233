# Deutsch.
direction = ltr
overview-questions = { $count ->
    [one] { $count } Frage
   *[other] { $count } Fragen
}
overview-attempts = { $attempts ->
    [one] Ein Versuch pro Frage
   *[other] Bis zu { $attempts } Versuche pro Frage
}
overview-length = Antworten bis zu { $minutes }
overview-deadline = Bitte bis { $date } abschließen
overview-deadline-extended = Das Recruiting-Team hat Ihnen mehr Zeit gegeben: Bitte schließen Sie bis { $date } ab
overview-deadline-passed = Die Frist für dieses Interview ist abgelaufen.
overview-extension-pending = Sie haben am { $date } um mehr Zeit gebeten. Das Recruiting-Team antwortet hier: Öffnen Sie diesen Link später noch einmal.
overview-extension-declined = Das Recruiting-Team konnte Ihnen keine weitere Zeit geben.
ask-extension = Um mehr Zeit bitten
extension-title = Um mehr Zeit bitten
extension-intro = Schreiben Sie dem Recruiting-Team in wenigen Worten, warum Sie mehr Zeit brauchen. Die Antwort erscheint hier: Öffnen Sie diesen Link später noch einmal.
extension-note = Ihre Nachricht an das Recruiting-Team
extension-send = Anfrage senden
extension-back = Zurück
extension-sending = Ihre Anfrage wird gesendet …
extension-note-empty = Schreiben Sie zuerst eine kurze Nachricht an das Recruiting-Team.
extension-note-long = Die Nachricht ist zu lang: höchstens { $max } Zeichen.
overview-how = Sie prüfen Kamera und Mikrofon, nehmen ein kurzes Testvideo auf und probieren eine Übungsfrage aus. Nichts wird gesendet, bevor Sie die echten Fragen beantworten.
overview-adjusted = Die Zeiten und Versuche unten enthalten die für Sie vereinbarten Anpassungen.
overview-manual-start = Die Aufnahme beginnt erst, wenn Sie sie selbst starten.
start-interview = Interview starten
contact = Brauchen Sie Hilfe oder eine Anpassung, etwa mehr Zeit? Wenden Sie sich möglichst früh an das Recruiting-Team:
contact-page = Hilfeseite (öffnet sich in einem neuen Tab)
progress-label = Wo Sie gerade sind
progress-setup = Vorbereitung
progress-practice = Übung
progress-questions = Fragen
progress-answered = Fragen: { $answered } von { $count } beantwortet
progress-question = Frage { $number } von { $count }
consent-title = Bevor Sie beginnen
consent-privacy = Datenschutzerklärung (öffnet sich in einem neuen Tab)
consent-agree = Ich stimme zu
consent-decline = Ich stimme nicht zu
consent-sending = Ihre Antwort wird gespeichert …
declined-title = Sie haben sich gegen eine Teilnahme entschieden
declined-body = Es wurde nichts aufgezeichnet. Das Recruiting-Team weiß, dass Sie abgelehnt haben. Wenn Sie es sich anders überlegen, wenden Sie sich bitte an das Team.
device-title = Kamera- und Mikrofontest
device-opening = Warte auf Ihre Kamera…
device-say-something = Sagen Sie etwas: Die Aufnahme kann beginnen, sobald Ihr Mikrofon Sie gehört hat.
device-heard = Ihr Mikrofon funktioniert.
sound-too-quiet = Wir hören Sie, aber nur leise. Gehen Sie näher an das Mikrofon oder erhöhen Sie seine Lautstärke und sagen Sie dann noch einmal ein paar Worte.
sound-clipping = Ihr Ton ist so laut, dass er verzerrt. Gehen Sie etwas zurück oder verringern Sie die Mikrofonlautstärke und sagen Sie dann noch einmal ein paar Worte.
sound-no-speech = Wir hören ein gleichmäßiges Geräusch, aber keine Stimme. Suchen Sie einen ruhigeren Ort oder prüfen Sie, ob das richtige Mikrofon gewählt ist, und sagen Sie dann ein paar Worte.
take-mostly-silent = Diese Aufnahme ist größtenteils still. Prüfen Sie Ihr Mikrofon und nehmen Sie sie, wenn möglich, noch einmal auf.
device-level-unavailable = Dieser Browser kann den Pegel Ihres Mikrofons hier nicht anzeigen. Im folgenden Testvideo hören Sie sich selbst.
device-level = Mikrofonpegel
tips-title = Tipps für eine gute Aufnahme
tip-quiet = Suchen Sie einen ruhigen Ort und schalten Sie die Benachrichtigungen Ihres Telefons stumm.
tip-light = Setzen Sie sich mit dem Gesicht zu einem Fenster oder einer Lampe: das Licht vor Ihnen, nicht hinter Ihnen.
tip-framing = Stellen Sie die Kamera auf Augenhöhe, mit Kopf und Schultern im Bild.
tip-connection = Nutzen Sie nach Möglichkeit WLAN. Bei einer schwachen Verbindung kann das Speichern einer Antwort nach dem Stoppen etwas länger dauern; es geht nichts verloren.
connection-checking = Ihre Verbindung wird geprüft…
connection-good = Ihre Verbindung: etwa { $speed } Mbit/s. Antworten sind etwa { $wait } nach dem Stoppen gespeichert.
connection-slow = Ihre Verbindung ist langsam (etwa { $speed } Mbit/s): Eine lange Antwort kann nach dem Stoppen bis zu { $wait } zum Speichern brauchen. Es geht nichts verloren; mit WLAN oder besserem Empfang geht es schneller.
connection-offer = Ihre Verbindung (etwa { $speed } Mbit/s) ist zu langsam für Video: Eine lange Antwort kann nach dem Stoppen bis zu { $wait } zum Speichern brauchen. Das Team nimmt auch Antworten nur mit Ton an; sie sind sofort gespeichert.
connection-sound-only = Ihre Antworten werden nur mit Ton aufgenommen: Das Team hört Sie, sieht Sie aber nicht.
sound-only-choose = Nur mit Ton antworten
sound-only-undo = Doch mit Video antworten
continue = Weiter
try-again = Erneut versuchen
help-not-allowed = Ihr Browser darf Kamera oder Mikrofon nicht verwenden. Klicken Sie auf das Kamerasymbol in der Adressleiste (auf dem Handy: Einstellungen › Ihr Browser › Kamera und Mikrofon), erlauben Sie den Zugriff und tippen Sie dann auf „Erneut versuchen“.
help-not-allowed-chrome = Der Browser hat die Kamera blockiert. Klicken Sie auf das Kamerasymbol rechts in der Adressleiste, wählen Sie „Immer zulassen“ und dann „Erneut versuchen“.
help-not-allowed-firefox = Firefox hat die Kamera blockiert. Klicken Sie auf das durchgestrichene Kamerasymbol links in der Adressleiste, heben Sie die Sperre auf und wählen Sie dann „Erneut versuchen“.
help-not-allowed-safari = Safari hat die Kamera blockiert. Wählen Sie Safari › Einstellungen für diese Website, stellen Sie Kamera und Mikrofon auf „Erlauben“ und wählen Sie dann „Erneut versuchen“.
help-not-allowed-ios = Auf iPhone oder iPad: Tippen Sie in der Adressleiste auf „aA“ › Website-Einstellungen, stellen Sie Kamera und Mikrofon auf „Erlauben“ (oder Einstellungen › Safari › Kamera) und tippen Sie dann auf „Erneut versuchen“.
help-not-allowed-android = Auf Android: Tippen Sie auf das Symbol links neben der Adressleiste › Berechtigungen, erlauben Sie Kamera und Mikrofon und tippen Sie dann auf „Erneut versuchen“.
help-not-found = Es wurde keine Kamera und kein Mikrofon gefunden. Schließen Sie eines an und wählen Sie dann „Erneut versuchen“.
help-busy = Eine andere Anwendung (vielleicht ein Videoanruf) verwendet Ihre Kamera oder Ihr Mikrofon. Schließen Sie sie und wählen Sie dann „Erneut versuchen“.
help-overconstrained = Ihre Kamera unterstützt die gewünschten Einstellungen nicht. Versuchen Sie eine andere Kamera und wählen Sie dann „Erneut versuchen“.
help-insecure = Diese Seite ist nicht sicher (sie beginnt nicht mit https://), daher verbirgt der Browser die Kamera. Bitten Sie das Recruiting-Team um den richtigen Link.
help-unsupported = Dieser Browser kann kein Video aufnehmen. Öffnen Sie den Link in einer aktuellen Version von Chrome, Edge, Firefox oder Safari.
help-in-app = Die App, in der Sie diesen Link geöffnet haben, kann die Kamera nicht verwenden. Öffnen Sie den Link in Safari oder Chrome (Menü › Im Browser öffnen).
invite-link-label = Der Link zu diesem Interview
copy-link = Link kopieren
link-copied = Link kopiert. Fügen Sie ihn in die Adresszeile Ihres Browsers ein.
elsewhere-scan = Oder machen Sie auf einem anderen Gerät weiter: Scannen Sie diesen Code mit dessen Kamera.
qr-label = QR-Code des Links zu diesem Interview
use-camera-app = Mit der Kamera-App aufnehmen
camera-app-offer = Oder antworten Sie mit der Kamera-App dieses Telefons: Sie nehmen jede Antwort dort auf, und diese Seite sendet sie.
camera-app-hint = Ihre Kamera-App öffnet sich: Bleiben Sie unter { $limit }, beenden Sie die Aufnahme und verwenden Sie dann das Video.
camera-app-too-long = Dieses Video ist { $seconds } lang; Antworten dürfen hier höchstens { $limit } lang sein. Nehmen Sie ein kürzeres auf (es wurde kein Versuch verbraucht).
camera-app-too-large = Dieses Video ist zu groß zum Senden ({ $size }). Nehmen Sie ein kürzeres auf oder wählen Sie in den Kameraeinstellungen eine niedrigere Auflösung.
camera-app-empty = Dieses Video ist leer. Bitte nehmen Sie es erneut auf.
camera-app-unreadable = dieses Gerät konnte das Video nicht lesen
help-other = Die Kamera konnte nicht gestartet werden. Laden Sie die Seite neu oder versuchen Sie einen anderen Browser.
test-title = Testvideo
test-intro = Nehmen Sie ein paar Sekunden auf, um sich zu sehen und zu hören. Es wird an niemanden gesendet.
record-test = Testvideo aufnehmen
re-record = Neu aufnehmen
looks-good = Sieht gut aus
practice-title = Übungsfrage
practice-intro = Diese Antwort wird nicht gespeichert. Nutzen Sie sie, um sich einzugewöhnen.
questions-title = Ihre Fragen
question-number = Frage { $number }
question-status-new = Nicht begonnen
question-status-used = { $attempts ->
    [one] { $used } von { $attempts } Versuch genutzt
   *[other] { $used } von { $attempts } Versuchen genutzt
}
question-status-submitted = Gesendet
question-length = Bis zu { $seconds }
question-think = Bedenkzeit { $seconds }
question-think-manual = Bedenkzeit so lange Sie brauchen
question-takes-left = { $left ->
    [0] Keine Versuche mehr
    [one] { $left } von { $attempts } Versuchen übrig
   *[other] { $left } von { $attempts } Versuchen übrig
}
view-question = Frage ansehen
practice-again = Noch einmal üben
revealing = Die Frage wird geladen…
thinking = Die Aufnahme beginnt in { $seconds }
thinking-manual = Nehmen Sie sich die Zeit, die Sie brauchen, und starten Sie dann die Aufnahme.
record-now = Jetzt aufnehmen
starting = Kamera wird gestartet…
recording = Aufnahme { $elapsed } von { $limit }
uploaded-so-far = { $sent } von { $recorded } gespeichert
stop = Beenden
stopping = Wird gespeichert…
review-title = Ihre Antwort ansehen
retake = Wiederholen (noch { $left })
retake-practice = Wiederholen
submit-answer = Antwort senden
continue-practice = Weiter zu den Fragen
submitting = Wird gesendet…
offline-keep-going = Sie sind offline. Machen Sie weiter: Ihre Antwort bleibt auf diesem Gerät und wird hochgeladen, sobald die Verbindung zurück ist.
storage-full = Auf diesem Gerät ist kein Platz für eine Kopie Ihrer Aufnahme, sie geht direkt an den Server: Lassen Sie diese Seite offen, bis alles gespeichert ist.
failed-take = Die Aufnahme wurde beendet: { $reason }. Dieser Versuch zählt nicht.
record-again = Erneut aufnehmen
done-title = Vielen Dank! Ihr Interview ist abgeschlossen.
done-review = Das Recruiting-Team sieht sich Ihre Antworten bald an.
done-review-by = Das Recruiting-Team sieht sich Ihre Antworten bis { $date } an.
done-answer = { $question }: { $duration } · { $size } · sha256 { $sha256 }
unsaved-warning = Ihre Antwort wird noch gespeichert. Wenn Sie die Seite jetzt verlassen, kann sie verloren gehen.
announce-think = { $seconds ->
    [one] Die Aufnahme beginnt in { $seconds } Sekunde.
   *[other] Die Aufnahme beginnt in { $seconds } Sekunden.
}
announce-left = { $seconds ->
    [one] Noch { $seconds } Sekunde.
   *[other] Noch { $seconds } Sekunden.
}
self-view-hidden = Aufnahme läuft. Ihre Kamera ist an; das Bild ist ausgeblendet, damit Sie sich konzentrieren können.
device-lost = Kamera oder Mikrofon wurde getrennt
page-hidden = Sie haben die Seite verlassen (andere App, anderer Tab oder gesperrter Bildschirm)
camera-paused = das Gerät hat Kamera oder Mikrofon angehalten
recorded-nothing = dieser Browser hat nichts aufgenommen; bitte versuchen Sie eine aktuelle Version von Chrome, Edge, Firefox oder Safari
error-unreachable = Der Interview-Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu. Aufgenommene Antworten bleiben auf diesem Gerät.
error-format = Der Interview-Server hat eine Antwort gesendet, die dieser Rekorder nicht versteht. Bitte informieren Sie das Recruiting-Team.
error-server = Der Interview-Server konnte das nicht ausführen (Fehler { $status }). Bitte versuchen Sie es gleich noch einmal.
error-options = Diese Seite ist für das Interview nicht richtig eingerichtet. Bitte informieren Sie das Recruiting-Team.
error-recording = Die Aufnahme wurde unerwartet beendet. Bitte nehmen Sie diese Antwort erneut auf.
error-recording-start = Die Aufnahme konnte nicht starten. Laden Sie die Seite neu oder versuchen Sie eine aktuelle Version von Chrome, Edge, Firefox oder Safari.
error-upload-lost = Der Server hat diese Antwort nicht mehr. Sie ist noch auf diesem Gerät: Laden Sie die Seite neu, um sie erneut zu senden.
error-upload-unsupported = Der Upload-Server kann keine Aufnahmen von diesem Rekorder empfangen. Bitte informieren Sie das Recruiting-Team.
error-upload-out-of-step = Ihre Antwort und der Server sind nicht mehr synchron. Laden Sie die Seite neu, um fortzufahren; die Antwort bleibt auf diesem Gerät.
error-not-now = Das ist auf diesem Bildschirm nicht möglich.
error-token-missing = Dieser Interview-Link ist unvollständig. Öffnen Sie den Link aus Ihrer Einladung erneut.
error-invite-invalid = Dieser Interview-Link ist nicht gültig. Bitte fragen Sie das Recruiting-Team nach einem neuen.
error-question-unknown = Diese Frage gehört nicht zu Ihrem Interview. Bitte laden Sie die Seite neu.
error-question-not-revealed = Diese Frage wurde noch nicht geöffnet. Öffnen Sie sie und nehmen Sie dann Ihre Antwort auf.
error-no-attempts-left = Sie haben alle Versuche für diese Frage genutzt.
error-technical-retries-used = Diese Frage wurde nach technischen Problemen bereits so oft wie erlaubt neu aufgenommen. Bitte wenden Sie sich an das Recruiting-Team.
error-deadline-passed = Die Frist für dieses Interview ist abgelaufen.
error-consent-required = Dieses Interview nimmt erst auf, wenn Sie der Verwendung Ihrer Antworten zugestimmt haben. Laden Sie die Seite neu, um den Text zu lesen.
error-consent-changed = Der Ihnen gezeigte Text wurde geändert. Laden Sie die Seite neu, um die neue Fassung zu lesen.
error-consent-answered = Sie haben hierauf bereits anders geantwortet. Bitte wenden Sie sich an das Recruiting-Team, um das zu ändern.
error-already-submitted = Sie haben für diese Frage bereits eine Antwort gesendet.
error-answers-missing = Einige Fragen haben noch keine gesendete Antwort.
error-take-incomplete = Ihre Antwort wird noch gesendet. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.
error-take-mismatch = Der Server hat eine andere Aufnahme erhalten, als dieses Gerät gemacht hat. Bitte nehmen Sie die Antwort erneut auf.
error-answer-too-long = Dieses Video ist länger, als Antworten hier sein dürfen, und kann daher nicht die Antwort sein. Der Versuch ist verbraucht; nehmen Sie eine kürzere Antwort auf, wenn Sie noch Versuche haben.
error-video-unreadable = Der Server konnte dieses Video nicht lesen. Bitte nehmen Sie die Antwort erneut auf.
error-upload-not-found = Der Server findet diese Aufnahme nicht. Bitte nehmen Sie die Antwort erneut auf.
error-upload-gone = Diese Aufnahme wurde auf dem Server gelöscht oder ist abgelaufen. Bitte nehmen Sie die Antwort erneut auf.
error-submitted-cannot-be-deleted = Eine gesendete Antwort kann nicht entfernt werden.
error-too-large = Diese Aufnahme ist größer, als der Server annimmt. Bitte nehmen Sie eine kürzere Antwort auf.
error-offset-mismatch = Ihre Antwort und der Server sind nicht mehr synchron. Laden Sie die Seite neu, um fortzufahren; die Antwort bleibt auf diesem Gerät.
error-checksum-mismatch = Ein Teil Ihrer Antwort wurde unterwegs beschädigt. Laden Sie die Seite neu, um sie erneut zu senden.
error-locked = Ihre Antwort wird aus einem anderen Fenster gesendet. Schließen Sie die anderen Fenster dieses Interviews.
error-too-many-requests = Ihre Antwort wird aus zu vielen Fenstern gleichzeitig gesendet. Schließen Sie die anderen Fenster dieses Interviews; nichts geht verloren.
error-storage-full = Der Interview-Server hat gerade keinen Speicherplatz. Ihre Antwort bleibt auf diesem Gerät und wird gesendet, sobald wieder Platz ist; Sie können das Recruiting-Team informieren.
error-tus-version = Der Upload-Server kann keine Aufnahmen von diesem Rekorder empfangen. Bitte informieren Sie das Recruiting-Team.
error-content-type = Der Upload-Server kann keine Aufnahmen von diesem Rekorder empfangen. Bitte informieren Sie das Recruiting-Team.
error-bad-request = Der Server konnte eine Anfrage dieses Rekorders nicht lesen. Bitte informieren Sie das Recruiting-Team.
error-review-link-invalid = Dieser Review-Link ist nicht gültig.
error-extension-not-now = Um mehr Zeit kann nur kurz vor der Frist gebeten werden, und nur mit einer Anfrage zur gleichen Zeit.
error-extension-unknown = Diese Anfrage um mehr Zeit wurde bereits beantwortet.
error-server-error = Der Interview-Server hatte ein Problem. Bitte versuchen Sie es gleich noch einmal; Ihre Antwort bleibt erhalten.
error-crashed = Der Interview-Rekorder wurde wegen eines Fehlers angehalten. Ihre aufgenommenen Antworten bleiben auf diesem Gerät gespeichert: Laden Sie die Seite neu, um fortzufahren.
error-load-failed = Der Interview-Rekorder konnte nicht starten. Prüfen Sie Ihre Verbindung und laden Sie dann die Seite neu.
error-already-open = Dieses Interview ist bereits in einem anderen Tab oder Fenster geöffnet. Fahren Sie dort fort, oder schließen Sie es und laden Sie diese Seite neu.
