# Português (Brasil).
direction = ltr
overview-questions = { $count ->
    [one] { $count } pergunta
   *[other] { $count } perguntas
}
overview-attempts = { $attempts ->
    [one] Uma tentativa por pergunta
   *[other] Até { $attempts } tentativas por pergunta
}
overview-length = Respostas de até { $minutes }
overview-deadline = Conclua até { $date }
overview-deadline-extended = A equipe de recrutamento deu mais tempo a você: termine até { $date }
overview-deadline-passed = O prazo desta entrevista terminou.
overview-extension-pending = Você pediu mais tempo em { $date }. A equipe de recrutamento vai responder aqui: abra este link de novo mais tarde.
overview-extension-declined = A equipe de recrutamento não pôde dar mais tempo a você.
ask-extension = Pedir mais tempo
extension-title = Pedir mais tempo
extension-intro = Conte à equipe de recrutamento em poucas palavras por que você precisa de mais tempo. A resposta aparece aqui: abra este link de novo mais tarde.
extension-note = Sua mensagem para a equipe de recrutamento
extension-send = Enviar pedido
extension-back = Voltar
extension-sending = Enviando seu pedido…
extension-note-empty = Escreva primeiro uma mensagem curta para a equipe de recrutamento.
extension-note-long = A mensagem é longa demais: no máximo { $max } caracteres.
overview-how = Você vai verificar sua câmera e seu microfone, gravar um vídeo de teste curto e experimentar uma pergunta de treino. Nada é enviado até você responder às perguntas de verdade.
overview-adjusted = Os tempos e tentativas abaixo incluem os ajustes combinados para você.
overview-manual-start = A gravação só começa quando você mesmo a inicia.
start-interview = Começar a entrevista
contact = Precisa de ajuda ou de um ajuste, como mais tempo? Fale com a equipe de recrutamento, quanto antes melhor:
contact-page = página de ajuda (abre em uma nova aba)
progress-label = Onde você está
progress-setup = Preparação
progress-practice = Treino
progress-questions = Perguntas
progress-answered = Perguntas: { $answered } de { $count } respondidas
progress-question = Pergunta { $number } de { $count }
consent-title = Antes de começar
consent-privacy = Política de privacidade (abre em uma nova aba)
consent-agree = Concordo
consent-decline = Não concordo
consent-sending = Salvando sua resposta…
declined-title = Você escolheu não participar
declined-body = Nada foi gravado. A equipe de recrutamento foi informada de que você recusou. Se mudar de ideia, entre em contato com ela.
device-title = Verificação de câmera e microfone
device-opening = Aguardando sua câmera…
device-say-something = Diga algo: a gravação pode começar assim que o microfone ouvir você.
device-heard = Seu microfone funciona.
sound-too-quiet = Ouvimos você, mas muito baixo. Aproxime-se do microfone ou aumente o volume dele e diga algumas palavras de novo.
sound-clipping = Seu som está tão alto que distorce. Afaste-se um pouco ou diminua o volume do microfone e diga algumas palavras de novo.
sound-no-speech = Ouvimos um som constante, mas nenhuma voz. Procure um lugar mais silencioso ou confira se o microfone certo está escolhido e diga algumas palavras.
take-mostly-silent = Quase toda esta gravação ficou em silêncio. Confira seu microfone e, se puder, grave de novo.
device-level-unavailable = Este navegador não consegue mostrar aqui o nível do seu microfone. Você vai se ouvir no vídeo de teste a seguir.
device-level = Nível do microfone
tips-title = Dicas para uma boa gravação
tip-quiet = Procure um lugar silencioso e silencie as notificações do celular.
tip-light = Fique de frente para uma janela ou luminária: a luz na sua frente, não atrás.
tip-framing = Coloque a câmera na altura dos olhos, com a cabeça e os ombros na imagem.
tip-connection = Use Wi-Fi se puder. Com uma conexão fraca, uma resposta pode demorar um pouco mais para terminar de ser salva depois que você parar; nada se perde.
connection-checking = Verificando sua conexão…
connection-good = Sua conexão: cerca de { $speed } Mbit/s. As respostas terminam de ser salvas cerca de { $wait } depois que você parar.
connection-slow = Sua conexão está lenta (cerca de { $speed } Mbit/s): uma resposta longa pode levar até { $wait } para terminar de ser salva depois que você parar. Nada se perde; com Wi-Fi ou sinal melhor fica mais rápido.
connection-offer = Sua conexão (cerca de { $speed } Mbit/s) é lenta demais para vídeo: uma resposta longa pode levar até { $wait } para terminar de ser salva depois que você parar. A equipe também aceita respostas só com áudio, que são salvas na hora.
connection-sound-only = Suas respostas serão gravadas só com áudio: a equipe vai ouvir você, mas não vai ver.
sound-only-choose = Responder só com áudio
sound-only-undo = Responder com vídeo
continue = Continuar
try-again = Tentar de novo
help-not-allowed = Seu navegador não tem permissão para usar a câmera ou o microfone. Clique no ícone da câmera na barra de endereço (no celular: Configurações › seu navegador › Câmera e Microfone), permita o acesso e toque em Tentar de novo.
help-not-allowed-chrome = O navegador bloqueou a câmera. Clique no ícone da câmera no fim da barra de endereço, escolha “Sempre permitir” e toque em Tentar de novo.
help-not-allowed-firefox = O Firefox bloqueou a câmera. Clique no ícone da câmera riscada à esquerda da barra de endereço, remova o bloqueio e toque em Tentar de novo.
help-not-allowed-safari = O Safari bloqueou a câmera. Escolha Safari › Ajustes deste site, defina Câmera e Microfone como Permitir e toque em Tentar de novo.
help-not-allowed-ios = No iPhone ou iPad: toque em “aA” na barra de endereço › Ajustes do site, defina Câmera e Microfone como Permitir (ou Ajustes › Safari › Câmera) e toque em Tentar de novo.
help-not-allowed-android = No Android: toque no ícone à esquerda da barra de endereço › Permissões, permita Câmera e Microfone e toque em Tentar de novo.
help-not-found = Nenhuma câmera ou microfone foi encontrado. Conecte um e toque em Tentar de novo.
help-busy = Outro aplicativo (talvez uma videochamada) está usando sua câmera ou seu microfone. Feche-o e toque em Tentar de novo.
help-overconstrained = Sua câmera não aceita as configurações pedidas. Tente outra câmera e toque em Tentar de novo.
help-insecure = Esta página não é segura (não começa com https://), então o navegador esconde a câmera. Peça o link correto à equipe de recrutamento.
help-unsupported = Este navegador não consegue gravar vídeo. Abra o link em uma versão atual do Chrome, Edge, Firefox ou Safari.
help-in-app = O aplicativo em que você abriu este link não pode usar a câmera. Abra o link no Safari ou no Chrome (menu › Abrir no navegador).
invite-link-label = O link desta entrevista
copy-link = Copiar link
link-copied = Link copiado. Cole-o na barra de endereços do seu navegador.
elsewhere-scan = Ou continue em outro aparelho: escaneie este código com a câmera dele.
qr-label = Código QR do link desta entrevista
use-camera-app = Gravar com o app de câmera
camera-app-offer = Ou responda com o app de câmera deste celular: você grava cada resposta lá, e esta página a envia.
camera-app-hint = O app de câmera vai abrir: mantenha a resposta abaixo de { $limit }, pare a gravação e use o vídeo.
camera-app-too-long = Este vídeo tem { $seconds }; aqui as respostas podem ter no máximo { $limit }. Grave um mais curto (nenhuma tentativa foi usada).
camera-app-too-large = Este vídeo é grande demais para enviar ({ $size }). Grave um mais curto ou escolha uma resolução menor nas configurações da câmera.
camera-app-empty = Este vídeo está vazio. Grave de novo.
camera-app-unreadable = este aparelho não conseguiu ler o vídeo
help-other = Não foi possível iniciar a câmera. Recarregue a página ou tente outro navegador.
test-title = Vídeo de teste
test-intro = Grave alguns segundos para se ver e se ouvir. Ele não é enviado a ninguém.
record-test = Gravar vídeo de teste
re-record = Gravar de novo
looks-good = Ficou bom
practice-title = Pergunta de treino
practice-intro = Esta resposta não é guardada. Use-a para ficar à vontade.
questions-title = Suas perguntas
question-number = Pergunta { $number }
question-status-new = Não iniciada
question-status-used = { $attempts ->
    [one] { $used } de { $attempts } tentativa usada
   *[other] { $used } de { $attempts } tentativas usadas
}
question-status-submitted = Enviada
question-length = Até { $seconds }
question-think = Tempo para pensar: { $seconds }
question-think-manual = Tempo para pensar: o que você precisar
question-takes-left = { $left ->
    [0] Nenhuma tentativa restante
    [one] Resta { $left } de { $attempts } tentativas
   *[other] Restam { $left } de { $attempts } tentativas
}
view-question = Ver a pergunta
practice-again = Treinar de novo
revealing = Carregando a pergunta…
thinking = A gravação começa em { $seconds }
thinking-manual = Use o tempo de que precisar e depois comece a gravar.
record-now = Gravar agora
starting = Iniciando a câmera…
recording = Gravando { $elapsed } de { $limit }
uploaded-so-far = { $sent } de { $recorded } salvos
stop = Parar
stopping = Salvando…
review-title = Revise sua resposta
retake = Refazer (restam { $left })
retake-practice = Refazer
submit-answer = Enviar resposta
continue-practice = Ir para as perguntas
submitting = Enviando…
offline-keep-going = Você está sem conexão. Continue: sua resposta fica guardada neste aparelho e será enviada quando a conexão voltar.
storage-full = Este aparelho não tem espaço para guardar uma cópia da sua gravação, então ela vai direto para o servidor: mantenha esta página aberta até que tudo esteja salvo.
failed-take = A gravação parou: { $reason }. Esta tentativa não conta.
record-again = Gravar novamente
done-title = Obrigado! Sua entrevista está concluída.
done-review = A equipe de recrutamento vai avaliar suas respostas em breve.
done-review-by = A equipe de recrutamento vai avaliar suas respostas até { $date }.
done-answer = { $question }: { $duration } · { $size } · sha256 { $sha256 }
unsaved-warning = Sua resposta ainda está sendo salva. Se sair agora, ela pode se perder.
announce-think = { $seconds ->
    [one] A gravação começa em { $seconds } segundo.
   *[other] A gravação começa em { $seconds } segundos.
}
announce-left = { $seconds ->
    [one] Falta { $seconds } segundo.
   *[other] Faltam { $seconds } segundos.
}
self-view-hidden = Gravando. Sua câmera está ligada; a imagem fica oculta para ajudar você a se concentrar.
device-lost = a câmera ou o microfone foi desconectado
page-hidden = você saiu da página (outro app, outra aba ou tela bloqueada)
camera-paused = o aparelho pausou a câmera ou o microfone
recorded-nothing = este navegador não gravou nada; tente uma versão atual do Chrome, Edge, Firefox ou Safari
error-unreachable = Não foi possível acessar o servidor da entrevista. Verifique sua conexão e recarregue a página. As respostas gravadas ficam guardadas neste aparelho.
error-format = O servidor da entrevista enviou uma resposta que este gravador não entende. Avise a equipe de recrutamento.
error-server = O servidor da entrevista não conseguiu fazer isso (erro { $status }). Tente de novo daqui a pouco.
error-options = Esta página não está configurada corretamente para a entrevista. Avise a equipe de recrutamento.
error-recording = A gravação parou inesperadamente. Grave esta resposta de novo.
error-recording-start = Não foi possível iniciar a gravação. Recarregue a página ou tente uma versão atual do Chrome, Edge, Firefox ou Safari.
error-upload-lost = O servidor não tem mais esta resposta. Ela continua neste aparelho: recarregue a página para enviá-la de novo.
error-upload-unsupported = O servidor de envio não consegue receber gravações deste gravador. Avise a equipe de recrutamento.
error-upload-out-of-step = Sua resposta e o servidor perderam a sincronia. Recarregue a página para continuar; a resposta fica guardada neste aparelho.
error-not-now = Isso não é possível nesta tela.
error-token-missing = Este link de entrevista está incompleto. Abra de novo o link do seu convite.
error-invite-invalid = Este link de entrevista não é válido. Peça um novo à equipe de recrutamento.
error-question-unknown = Esta pergunta não faz parte da sua entrevista. Recarregue a página.
error-question-not-revealed = Esta pergunta ainda não foi aberta. Abra-a e depois grave sua resposta.
error-no-attempts-left = Você usou todas as tentativas desta pergunta.
error-technical-retries-used = Esta pergunta já foi regravada por problemas técnicos o máximo de vezes permitido. Fale com a equipe de recrutamento.
error-deadline-passed = O prazo desta entrevista terminou.
error-consent-required = Esta entrevista só grava depois que você concorda com o uso das suas respostas. Recarregue a página para ler o texto.
error-consent-changed = O texto que você viu mudou. Recarregue a página para ler a nova versão.
error-consent-answered = Você já respondeu a isso de outra forma. Entre em contato com a equipe de recrutamento para mudar.
error-already-submitted = Você já enviou uma resposta para esta pergunta.
error-answers-missing = Algumas perguntas ainda não têm resposta enviada.
error-take-incomplete = Sua resposta ainda está sendo enviada. Aguarde um momento e tente de novo.
error-take-mismatch = O servidor recebeu uma gravação diferente da que este aparelho fez. Grave a resposta de novo.
error-answer-too-long = Este vídeo é mais longo do que as respostas podem ser, então não pode ser a resposta. A tentativa foi usada; grave uma resposta mais curta se ainda tiver tentativas.
error-video-unreadable = O servidor não conseguiu ler este vídeo. Grave a resposta de novo.
error-upload-not-found = O servidor não encontra esta gravação. Grave a resposta de novo.
error-upload-gone = Esta gravação foi apagada ou expirou no servidor. Grave a resposta de novo.
error-submitted-cannot-be-deleted = Uma resposta enviada não pode ser removida.
error-too-large = Esta gravação é maior do que o servidor aceita. Grave uma resposta mais curta.
error-offset-mismatch = Sua resposta e o servidor perderam a sincronia. Recarregue a página para continuar; a resposta fica guardada neste aparelho.
error-checksum-mismatch = Parte da sua resposta foi danificada no caminho. Recarregue a página para enviá-la de novo.
error-locked = Sua resposta está sendo enviada de outra janela. Feche as outras janelas desta entrevista.
error-too-many-requests = Sua resposta está sendo enviada de janelas demais ao mesmo tempo. Feche as outras janelas desta entrevista; nada é perdido.
error-storage-full = O servidor da entrevista está sem espaço no momento. Sua resposta fica guardada neste aparelho e será enviada assim que houver espaço; você pode avisar a equipe de recrutamento.
error-tus-version = O servidor de envio não consegue receber gravações deste gravador. Avise a equipe de recrutamento.
error-content-type = O servidor de envio não consegue receber gravações deste gravador. Avise a equipe de recrutamento.
error-bad-request = O servidor não conseguiu ler uma solicitação deste gravador. Avise a equipe de recrutamento.
error-review-link-invalid = Este link de avaliação não é válido.
error-extension-not-now = Só é possível pedir mais tempo perto do prazo, e um pedido por vez.
error-extension-unknown = Este pedido de mais tempo já foi respondido.
error-server-error = O servidor da entrevista teve um problema. Tente de novo daqui a pouco; sua resposta fica guardada.
error-crashed = O gravador da entrevista parou por causa de um erro. Suas respostas gravadas estão guardadas neste dispositivo: recarregue a página para continuar.
error-load-failed = O gravador da entrevista não conseguiu iniciar. Verifique sua conexão e recarregue a página.
error-already-open = Esta entrevista já está aberta em outra aba ou janela. Continue por lá, ou feche-a e recarregue esta página.
