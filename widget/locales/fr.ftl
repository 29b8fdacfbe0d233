# Français.
direction = ltr
overview-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
overview-attempts = { $attempts ->
    [one] Une prise par question
   *[other] Jusqu’à { $attempts } prises par question
}
overview-length = Réponses de { $minutes } maximum
overview-deadline = Merci de terminer avant le { $date }
overview-deadline-extended = L’équipe de recrutement vous a accordé plus de temps : terminez avant le { $date }
overview-deadline-passed = La date limite de cet entretien est passée.
overview-extension-pending = Vous avez demandé plus de temps le { $date }. L’équipe de recrutement répondra ici : rouvrez ce lien plus tard.
overview-extension-declined = L’équipe de recrutement n’a pas pu vous accorder plus de temps.
ask-extension = Demander plus de temps
extension-title = Demander plus de temps
extension-intro = Expliquez en quelques mots à l’équipe de recrutement pourquoi il vous faut plus de temps. Elle répondra ici : rouvrez ce lien plus tard pour voir sa réponse.
extension-note = Votre message à l’équipe de recrutement
extension-send = Envoyer la demande
extension-back = Retour
extension-sending = Envoi de votre demande…
extension-note-empty = Écrivez d’abord un court message pour l’équipe de recrutement.
extension-note-long = Le message est trop long : { $max } caractères au plus.
overview-how = Vous vérifierez votre caméra et votre micro, enregistrerez une courte vidéo de test et essaierez une question d’entraînement. Rien n’est envoyé avant que vous répondiez aux vraies questions.
overview-adjusted = Les durées et les prises ci-dessous incluent les aménagements convenus pour vous.
overview-manual-start = L’enregistrement ne commence que lorsque vous le lancez vous-même.
start-interview = Commencer l’entretien
contact = Besoin d’aide ou d’un aménagement, comme plus de temps ? Contactez l’équipe de recrutement, le plus tôt possible :
contact-page = page d’aide (s’ouvre dans un nouvel onglet)
progress-label = Où vous en êtes
progress-setup = Préparation
progress-practice = Entraînement
progress-questions = Questions
progress-answered = Questions : { $answered } sur { $count } répondues
progress-question = Question { $number } sur { $count }
consent-title = Avant de commencer
consent-privacy = Politique de confidentialité (s’ouvre dans un nouvel onglet)
consent-agree = J’accepte
consent-decline = Je n’accepte pas
consent-sending = Enregistrement de votre réponse…
declined-title = Vous avez choisi de ne pas participer
declined-body = Rien n’a été enregistré. L’équipe de recrutement sait que vous avez refusé. Si vous changez d’avis, contactez-la.
device-title = Vérification de la caméra et du micro
device-opening = En attente de votre caméra…
device-say-something = Dites quelque chose : l’enregistrement pourra commencer dès que votre micro vous aura entendu.
device-heard = Votre micro fonctionne.
sound-too-quiet = Nous vous entendons, mais très faiblement. Rapprochez-vous du micro ou montez son volume, puis dites à nouveau quelques mots.
sound-clipping = Votre son est si fort qu’il sature. Reculez un peu ou baissez le volume du micro, puis dites à nouveau quelques mots.
sound-no-speech = Nous entendons un son continu, mais aucune voix. Trouvez un endroit plus calme ou vérifiez que le bon micro est choisi, puis dites quelques mots.
take-mostly-silent = Cet enregistrement est presque entièrement silencieux. Vérifiez votre micro et, si possible, enregistrez-le à nouveau.
device-level-unavailable = Ce navigateur ne peut pas afficher ici le niveau de votre micro. Vous vous entendrez dans la vidéo de test qui suit.
device-level = Niveau du micro
tips-title = Conseils pour un bon enregistrement
tip-quiet = Installez-vous dans un endroit calme et coupez les notifications de votre téléphone.
tip-light = Placez-vous face à une fenêtre ou une lampe : la lumière devant vous, pas derrière.
tip-framing = Mettez la caméra à hauteur des yeux, la tête et les épaules dans l’image.
tip-connection = Utilisez le Wi-Fi si possible. Avec une connexion faible, une réponse peut mettre un peu plus de temps à finir d’être sauvegardée après l’arrêt ; rien n’est perdu.
connection-checking = Vérification de votre connexion…
connection-good = Votre connexion : environ { $speed } Mbit/s. Les réponses sont sauvegardées environ { $wait } après l’arrêt.
connection-slow = Votre connexion est lente (environ { $speed } Mbit/s) : une longue réponse peut mettre jusqu’à { $wait } à finir d’être sauvegardée après l’arrêt. Rien n’est perdu ; en Wi-Fi ou avec un meilleur signal, c’est plus rapide.
connection-offer = Votre connexion (environ { $speed } Mbit/s) est trop lente pour la vidéo : une longue réponse peut mettre jusqu’à { $wait } à finir d’être sauvegardée après l’arrêt. L’équipe accepte aussi des réponses avec le son seul, sauvegardées aussitôt.
connection-sound-only = Vos réponses seront enregistrées avec le son seul : l’équipe vous entendra sans vous voir.
sound-only-choose = Répondre avec le son seul
sound-only-undo = Répondre en vidéo
continue = Continuer
try-again = Réessayer
help-not-allowed = Votre navigateur n’est pas autorisé à utiliser la caméra ou le micro. Cliquez sur l’icône de caméra dans la barre d’adresse (sur un téléphone : Réglages › votre navigateur › Caméra et Micro), autorisez l’accès, puis appuyez sur Réessayer.
help-not-allowed-chrome = Le navigateur a bloqué la caméra. Cliquez sur l’icône de caméra à droite de la barre d’adresse, choisissez « Toujours autoriser », puis appuyez sur Réessayer.
help-not-allowed-firefox = Firefox a bloqué la caméra. Cliquez sur l’icône de caméra barrée à gauche de la barre d’adresse, levez le blocage, puis appuyez sur Réessayer.
help-not-allowed-safari = Safari a bloqué la caméra. Choisissez Safari › Réglages pour ce site web, réglez Caméra et Micro sur Autoriser, puis appuyez sur Réessayer.
help-not-allowed-ios = Sur iPhone ou iPad : touchez « aA » dans la barre d’adresse › Réglages du site web, réglez Caméra et Micro sur Autoriser (ou Réglages › Safari › Caméra), puis appuyez sur Réessayer.
help-not-allowed-android = Sur Android : touchez l’icône à gauche de la barre d’adresse › Autorisations, autorisez Caméra et Micro, puis appuyez sur Réessayer.
help-not-found = Aucune caméra ni aucun micro n’a été trouvé. Branchez-en un, puis appuyez sur Réessayer.
help-busy = Une autre application (un appel vidéo, peut-être) utilise votre caméra ou votre micro. Fermez-la, puis appuyez sur Réessayer.
help-overconstrained = Votre caméra ne prend pas en charge les réglages demandés. Essayez une autre caméra, puis appuyez sur Réessayer.
help-insecure = Cette page n’est pas sécurisée (elle ne commence pas par https://), le navigateur masque donc la caméra. Demandez le bon lien à l’équipe de recrutement.
help-unsupported = Ce navigateur ne peut pas enregistrer de vidéo. Ouvrez le lien dans une version récente de Chrome, Edge, Firefox ou Safari.
help-in-app = L’application dans laquelle vous avez ouvert ce lien ne peut pas utiliser la caméra. Ouvrez le lien dans Safari ou Chrome (menu › Ouvrir dans le navigateur).
invite-link-label = Le lien de cet entretien
copy-link = Copier le lien
link-copied = Lien copié. Collez-le dans la barre d’adresse de votre navigateur.
elsewhere-scan = Ou continuez sur un autre appareil : scannez ce code avec son appareil photo.
qr-label = Code QR du lien de cet entretien
use-camera-app = Enregistrer avec l’appli Appareil photo
camera-app-offer = Ou répondez avec l’appli Appareil photo de ce téléphone : vous y enregistrez chaque réponse, et cette page l’envoie.
camera-app-hint = Votre appli Appareil photo s’ouvre : restez sous { $limit }, arrêtez l’enregistrement, puis utilisez la vidéo.
camera-app-too-long = Cette vidéo dure { $seconds } ; ici, les réponses durent au plus { $limit }. Enregistrez-en une plus courte (aucune tentative n’a été utilisée).
camera-app-too-large = Cette vidéo est trop lourde pour être envoyée ({ $size }). Enregistrez-en une plus courte, ou choisissez une résolution plus basse dans les réglages de l’appareil photo.
camera-app-empty = Cette vidéo est vide. Merci de l’enregistrer à nouveau.
camera-app-unreadable = cet appareil n’a pas pu lire la vidéo
help-other = La caméra n’a pas pu démarrer. Rechargez la page ou essayez un autre navigateur.
test-title = Vidéo de test
test-intro = Enregistrez quelques secondes pour vous voir et vous entendre. Elle n’est envoyée à personne.
record-test = Enregistrer la vidéo de test
re-record = Recommencer
looks-good = C’est bon
practice-title = Question d’entraînement
practice-intro = Cette réponse n’est pas conservée. Profitez-en pour vous mettre à l’aise.
questions-title = Vos questions
question-number = Question { $number }
question-status-new = Pas commencée
question-status-used = { $attempts ->
    [one] { $used } prise utilisée sur { $attempts }
   *[other] { $used } prises utilisées sur { $attempts }
}
question-status-submitted = Envoyée
question-length = Jusqu’à { $seconds }
question-think = Temps de réflexion { $seconds }
question-think-manual = Temps de réflexion : autant qu’il vous faut
question-takes-left = { $left ->
    [0] Plus aucune prise
    [one] { $left } prise restante sur { $attempts }
   *[other] { $left } prises restantes sur { $attempts }
}
view-question = Voir la question
practice-again = S’entraîner à nouveau
revealing = Chargement de la question…
thinking = L’enregistrement commence dans { $seconds }
thinking-manual = Prenez le temps qu’il vous faut, puis lancez l’enregistrement.
record-now = Enregistrer maintenant
starting = Démarrage de la caméra…
recording = Enregistrement { $elapsed } sur { $limit }
uploaded-so-far = { $sent } sur { $recorded } sauvegardés
stop = Arrêter
stopping = Sauvegarde…
review-title = Revoyez votre réponse
retake = Recommencer ({ $left } restantes)
retake-practice = Recommencer
submit-answer = Envoyer la réponse
continue-practice = Passer aux questions
submitting = Envoi…
offline-keep-going = Vous êtes hors ligne. Continuez : votre réponse est conservée sur cet appareil et sera envoyée au retour de la connexion.
storage-full = Cet appareil n’a pas la place de garder une copie de votre enregistrement, il part donc directement au serveur : gardez cette page ouverte jusqu’à ce que tout soit sauvegardé.
failed-take = L’enregistrement s’est arrêté : { $reason }. Cette prise ne compte pas.
record-again = Enregistrer à nouveau
done-title = Merci ! Votre entretien est terminé.
done-review = L’équipe de recrutement examinera bientôt vos réponses.
done-review-by = L’équipe de recrutement examinera vos réponses d’ici le { $date }.
done-answer = { $question } : { $duration } · { $size } · sha256 { $sha256 }
unsaved-warning = Votre réponse est encore en cours de sauvegarde. Si vous partez maintenant, elle pourrait être perdue.
announce-think = { $seconds ->
    [one] L’enregistrement commence dans { $seconds } seconde.
   *[other] L’enregistrement commence dans { $seconds } secondes.
}
announce-left = { $seconds ->
    [one] Il reste { $seconds } seconde.
   *[other] Il reste { $seconds } secondes.
}
self-view-hidden = Enregistrement en cours. Votre caméra est allumée ; l’image est masquée pour vous aider à vous concentrer.
device-lost = la caméra ou le micro a été déconnecté
page-hidden = vous avez quitté la page (autre application, autre onglet ou écran verrouillé)
camera-paused = l’appareil a mis la caméra ou le micro en pause
recorded-nothing = ce navigateur n’a rien enregistré ; essayez une version récente de Chrome, Edge, Firefox ou Safari
error-unreachable = Le serveur de l’entretien est injoignable. Vérifiez votre connexion, puis rechargez la page. Les réponses enregistrées sont conservées sur cet appareil.
error-format = Le serveur de l’entretien a envoyé une réponse que cet enregistreur ne comprend pas. Merci de prévenir l’équipe de recrutement.
error-server = Le serveur de l’entretien n’a pas pu le faire (erreur { $status }). Réessayez dans un instant.
error-options = Cette page n’est pas correctement configurée pour l’entretien. Merci de prévenir l’équipe de recrutement.
error-recording = L’enregistrement s’est arrêté de façon inattendue. Merci d’enregistrer à nouveau cette réponse.
error-recording-start = L’enregistrement n’a pas pu démarrer. Rechargez la page ou essayez une version récente de Chrome, Edge, Firefox ou Safari.
error-upload-lost = Le serveur n’a plus cette réponse. Elle est toujours sur cet appareil : rechargez la page pour l’envoyer à nouveau.
error-upload-unsupported = Le serveur d’envoi ne peut pas recevoir les enregistrements de cet enregistreur. Merci de prévenir l’équipe de recrutement.
error-upload-out-of-step = Votre réponse et le serveur se sont désynchronisés. Rechargez la page pour continuer ; la réponse est conservée sur cet appareil.
error-not-now = Ce n’est pas possible sur cet écran.
error-token-missing = Ce lien d’entretien est incomplet. Ouvrez à nouveau le lien de votre invitation.
error-invite-invalid = Ce lien d’entretien n’est pas valide. Demandez-en un nouveau à l’équipe de recrutement.
error-question-unknown = Cette question ne fait pas partie de votre entretien. Rechargez la page.
error-question-not-revealed = Cette question n’a pas encore été ouverte. Ouvrez-la, puis enregistrez votre réponse.
error-no-attempts-left = Vous avez utilisé toutes les prises de cette question.
error-technical-retries-used = Cette question a déjà été réenregistrée après des problèmes techniques autant de fois que permis. Contactez l’équipe de recrutement.
error-deadline-passed = La date limite de cet entretien est passée.
error-consent-required = Cet entretien n’enregistre qu’après votre accord sur l’utilisation de vos réponses. Rechargez la page pour le lire.
error-consent-changed = Le texte qui vous a été présenté a changé. Rechargez la page pour lire la nouvelle version.
error-consent-answered = Vous avez déjà répondu autrement. Contactez l’équipe de recrutement pour le modifier.
error-already-submitted = Vous avez déjà envoyé une réponse à cette question.
error-answers-missing = Certaines questions n’ont pas encore de réponse envoyée.
error-take-incomplete = Votre réponse est encore en cours d’envoi. Patientez un instant, puis réessayez.
error-take-mismatch = Le serveur a reçu un enregistrement différent de celui de cet appareil. Merci d’enregistrer à nouveau la réponse.
error-answer-too-long = Cette vidéo est plus longue que ne peuvent l’être les réponses : elle ne peut pas servir de réponse. La tentative est utilisée ; enregistrez une réponse plus courte s’il vous reste des tentatives.
error-video-unreadable = Le serveur n’a pas pu lire cette vidéo. Merci d’enregistrer à nouveau la réponse.
error-upload-not-found = Le serveur ne trouve pas cet enregistrement. Merci d’enregistrer à nouveau la réponse.
error-upload-gone = Cet enregistrement a été supprimé ou a expiré sur le serveur. Merci d’enregistrer à nouveau la réponse.
error-submitted-cannot-be-deleted = Une réponse envoyée ne peut pas être retirée.
error-too-large = Cet enregistrement dépasse ce que le serveur accepte. Merci d’enregistrer une réponse plus courte.
error-offset-mismatch = Votre réponse et le serveur se sont désynchronisés. Rechargez la page pour continuer ; la réponse est conservée sur cet appareil.
error-checksum-mismatch = Une partie de votre réponse a été abîmée en route. Rechargez la page pour l’envoyer à nouveau.
error-locked = Votre réponse est envoyée depuis une autre fenêtre. Fermez les autres fenêtres de cet entretien.
error-too-many-requests = Votre réponse est envoyée depuis trop de fenêtres à la fois. Fermez les autres fenêtres de cet entretien ; rien n’est perdu.
error-storage-full = Le serveur de l’entretien manque de place pour le moment. Votre réponse est conservée sur cet appareil et sera envoyée dès qu’il y aura de la place ; vous pouvez prévenir l’équipe de recrutement.
error-tus-version = Le serveur d’envoi ne peut pas recevoir les enregistrements de cet enregistreur. Merci de prévenir l’équipe de recrutement.
error-content-type = Le serveur d’envoi ne peut pas recevoir les enregistrements de cet enregistreur. Merci de prévenir l’équipe de recrutement.
error-bad-request = Le serveur n’a pas pu lire une demande de cet enregistreur. Merci de prévenir l’équipe de recrutement.
error-review-link-invalid = Ce lien de consultation n’est pas valide.
error-extension-not-now = On ne peut demander plus de temps qu’à l’approche de la date limite, et une demande à la fois.
error-extension-unknown = Cette demande de délai a déjà reçu une réponse.
error-server-error = Le serveur de l’entretien a rencontré un problème. Réessayez dans un instant ; votre réponse est conservée.
error-crashed = L’enregistreur d’entretien s’est arrêté à cause d’une erreur. Vos réponses enregistrées sont conservées sur cet appareil : rechargez la page pour continuer.
error-load-failed = L’enregistreur d’entretien n’a pas pu démarrer. Vérifiez votre connexion, puis rechargez la page.
error-already-open = Cet entretien est déjà ouvert dans un autre onglet ou une autre fenêtre. Continuez-y, ou fermez-le et rechargez cette page.
