# English. One `key = value` per line; { $name } is replaced by a value.
# Plural forms choose by the locale's CLDR rules (zero, one, two, few, many,
# other; `[0]` matches exactly 0) and need a default, marked with `*`:
#   key = { $count ->
#       [one] { $count } thing
#      *[other] { $count } things
#   }
# Vendors: copy this file, translate the values, and pass it with the
# `translations` option (see the README).
direction = ltr
overview-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
overview-attempts = { $attempts ->
    [one] One take per question
   *[other] Up to { $attempts } takes per question
}
overview-length = Answers up to { $minutes }
overview-deadline = Please finish by { $date }
overview-deadline-extended = The hiring team gave you more time: please finish by { $date }
overview-deadline-passed = The deadline for this interview has passed.
overview-extension-pending = You asked for more time on { $date }. The hiring team will answer here: open this link again later.
overview-extension-declined = The hiring team could not give you more time.
ask-extension = Ask for more time
extension-title = Ask for more time
extension-intro = Tell the hiring team in a few words why you need more time. They answer here: open this link again later to see their answer.
extension-note = Your note to the hiring team
extension-send = Send request
extension-back = Back
extension-sending = Sending your request…
extension-note-empty = Write a short note for the hiring team first.
extension-note-long = The note is too long: at most { $max } characters.
overview-how = You will check your camera and microphone, record a short test video and try a practice question. Nothing is sent until you answer the real questions.
overview-adjusted = Times and takes below include the adjustments agreed for you.
overview-manual-start = Recording starts only when you start it yourself.
start-interview = Start interview
contact = Need help, or an adjustment such as more time? Contact the hiring team, the earlier the better:
contact-page = help page (opens in a new tab)
progress-label = Where you are
progress-setup = Setup
progress-practice = Practice
progress-questions = Questions
progress-answered = Questions: { $answered } of { $count } answered
progress-question = Question { $number } of { $count }
consent-title = Before you start
consent-privacy = Privacy policy (opens in a new tab)
consent-agree = I agree
consent-decline = I do not agree
consent-sending = Saving your answer…
declined-title = You chose not to take part
declined-body = Nothing was recorded. The hiring team has been told that you declined. If you change your mind, please contact them.
device-title = Camera and microphone check
device-opening = Waiting for your camera…
device-say-something = Say something: recording can start once your microphone has heard you.
device-heard = Your microphone works.
sound-too-quiet = We can hear you, but only faintly. Move closer to the microphone or turn its volume up, then say a few words again.
sound-clipping = Your sound is so loud that it distorts. Move back a little or turn the microphone volume down, then say a few words again.
sound-no-speech = We hear a steady sound but no voice. Find a quieter place or check that the right microphone is chosen, then say a few words.
take-mostly-silent = Most of this recording was silent. Check your microphone and, if you can, record it again.
device-level-unavailable = This browser cannot show your microphone level here. You will hear yourself in the test video next.
device-level = Microphone level
tips-title = Tips for a good recording
tip-quiet = Find a quiet place and silence your phone's notifications.
tip-light = Face a window or a lamp, so that the light is in front of you, not behind.
tip-framing = Put the camera at eye level, with your head and shoulders in the picture.
tip-connection = Use Wi-Fi if you can. On a weak connection an answer may take a little longer to finish saving after you stop; nothing is lost.
connection-checking = Checking your connection…
connection-good = Your connection: about { $speed } Mbit/s. Answers finish saving about { $wait } after you stop.
connection-slow = Your connection is slow (about { $speed } Mbit/s): a long answer may take up to { $wait } to finish saving after you stop. Nothing is lost; Wi-Fi or a stronger signal makes it quicker.
connection-offer = Your connection (about { $speed } Mbit/s) is too slow for video: a long answer may take up to { $wait } to finish saving after you stop. The hiring team also accepts answers with sound only, which save at once.
connection-sound-only = Your answers will be recorded with sound only: the hiring team will hear you but not see you.
sound-only-choose = Answer with sound only
sound-only-undo = Answer with video after all
continue = Continue
try-again = Try again
help-not-allowed = Your browser is not allowed to use the camera or microphone. Click the camera icon in the address bar (on a phone: Settings › your browser › Camera and Microphone), allow access, then press Try again.
help-not-allowed-chrome = The browser blocked the camera. Click the camera icon at the right end of the address bar, choose “Always allow”, then press Try again.
help-not-allowed-firefox = Firefox blocked the camera. Click the crossed-out camera icon at the left of the address bar, clear the block, then press Try again.
help-not-allowed-safari = Safari blocked the camera. Choose Safari › Settings for This Website, set Camera and Microphone to Allow, then press Try again.
help-not-allowed-ios = On an iPhone or iPad: tap “aA” in the address bar › Website Settings, set Camera and Microphone to Allow (or Settings › Safari › Camera), then press Try again.
help-not-allowed-android = On Android: tap the icon left of the address bar › Permissions, allow Camera and Microphone, then press Try again.
help-not-found = No camera or microphone was found. Connect one, then press Try again.
help-busy = Another application (a video call, perhaps) is using your camera or microphone. Close it, then press Try again.
help-overconstrained = Your camera does not support the requested settings. Try another camera, then press Try again.
help-insecure = This page is not secure (it does not start with https://), so the browser hides the camera. Ask the hiring team for the correct link.
help-unsupported = This browser cannot record video. Open the link in a current Chrome, Edge, Firefox or Safari.
help-in-app = The app you opened this link in cannot use the camera. Open the link in Safari or Chrome instead (menu › Open in browser).
invite-link-label = This interview's link
copy-link = Copy link
link-copied = Link copied. Paste it into your browser's address bar.
elsewhere-scan = Or go on with another device: scan this code with its camera.
qr-label = QR code of this interview's link
use-camera-app = Record with your camera app
camera-app-offer = Or answer with this phone's camera app: you record each answer there, and this page sends it.
camera-app-hint = Your camera app opens: keep the answer under { $limit }, stop it, then use the video.
camera-app-too-long = This video is { $seconds } long; answers here can be at most { $limit }. Record a shorter one (this did not use an attempt).
camera-app-too-large = This video is too large to send ({ $size }). Record a shorter one, or choose a lower resolution in the camera's settings.
camera-app-empty = This video is empty. Please record it again.
camera-app-unreadable = this device could not read the video
help-other = The camera could not be started. Reload the page or try another browser.
test-title = Test video
test-intro = Record a few seconds to see and hear yourself. It is not sent to anyone.
record-test = Record test video
re-record = Re-record
looks-good = Looks good
practice-title = Practice question
practice-intro = This answer is not kept. Use it to get comfortable.
questions-title = Your questions
question-number = Question { $number }
question-status-new = Not started
question-status-used = { $attempts ->
    [one] { $used } of { $attempts } take used
   *[other] { $used } of { $attempts } takes used
}
question-status-submitted = Submitted
question-length = Up to { $seconds }
question-think = Think time { $seconds }
question-think-manual = Think time as long as you need
question-takes-left = { $left ->
    [0] No takes left
    [one] { $left } of { $attempts } takes left
   *[other] { $left } of { $attempts } takes left
}
view-question = View question
practice-again = Practice again
revealing = Loading the question…
thinking = Recording starts in { $seconds }
thinking-manual = Take the time you need, then start recording.
record-now = Start recording now
starting = Starting the camera…
recording = Recording { $elapsed } of { $limit }
uploaded-so-far = { $sent } of { $recorded } saved
stop = Stop
stopping = Saving…
review-title = Review your answer
retake = Retake ({ $left } left)
retake-practice = Retake
submit-answer = Submit answer
continue-practice = Continue to the questions
submitting = Submitting…
offline-keep-going = You are offline. Keep going: your answer is kept on this device and uploads when the connection is back.
storage-full = This device has no room to keep a copy of your recording, so it goes straight to the server: keep this page open until everything is saved.
failed-take = The recording stopped: { $reason }. This take does not count.
record-again = Record again
done-title = Thank you! Your interview is complete.
done-review = The hiring team will review your answers soon.
done-review-by = The hiring team will review your answers by { $date }.
done-answer = { $question }: { $duration } · { $size } · sha256 { $sha256 }
unsaved-warning = Your answer is still being saved. Leaving now may lose it.
announce-think = { $seconds ->
    [one] Recording starts in { $seconds } second.
   *[other] Recording starts in { $seconds } seconds.
}
announce-left = { $seconds ->
    [one] { $seconds } second left.
   *[other] { $seconds } seconds left.
}
self-view-hidden = Recording. Your camera is on; the picture is hidden to help you focus.
device-lost = the camera or microphone was disconnected
page-hidden = you left the page (another app, another tab or a locked screen)
camera-paused = the device paused the camera or microphone
recorded-nothing = this browser recorded nothing; please try an up-to-date Chrome, Edge, Firefox or Safari
# What the candidate reads when something goes wrong.
error-unreachable = The interview server cannot be reached. Check your connection, then reload the page. Answers you recorded are kept on this device.
error-format = The interview server sent an answer this recorder does not understand. Please tell the hiring team.
error-server = The interview server could not do this (error { $status }). Please try again in a moment.
error-options = This page is not set up correctly for the interview. Please tell the hiring team.
error-recording = The recording stopped unexpectedly. Please record this answer again.
error-recording-start = Recording could not start. Reload the page, or try an up-to-date Chrome, Edge, Firefox or Safari.
error-upload-lost = The server no longer has this answer. It is still on this device: reload the page to send it again.
error-upload-unsupported = The upload server cannot receive recordings from this recorder. Please tell the hiring team.
error-upload-out-of-step = Your answer and the server got out of step. Reload the page to continue; the answer is kept on this device.
error-not-now = That is not possible on this screen.
error-token-missing = This interview link is incomplete. Open the link from your invitation again.
error-invite-invalid = This interview link is not valid. Please ask the hiring team for a new one.
error-question-unknown = This question is not part of your interview. Please reload the page.
error-question-not-revealed = This question has not been opened yet. Open it, then record your answer.
error-no-attempts-left = You have used every take for this question.
error-technical-retries-used = This question was already recorded again after technical problems as often as allowed. Please contact the hiring team.
error-deadline-passed = The deadline for this interview has passed.
error-consent-required = This interview records only after you agree to how your answers are used. Reload the page to read it.
error-consent-changed = The text you were shown has changed. Reload the page to read the new version.
error-consent-answered = You already answered this differently. Please contact the hiring team to change it.
error-already-submitted = You have already submitted an answer to this question.
error-answers-missing = Some questions have no submitted answer yet.
error-take-incomplete = Your answer is still being sent. Please wait a moment, then try again.
error-take-mismatch = The server received a different recording than this device made. Please record the answer again.
error-answer-too-long = This video is longer than answers here may be, so it cannot be the answer. The attempt is used; record a shorter answer if you have attempts left.
error-video-unreadable = The server could not read this video. Please record the answer again.
error-upload-not-found = The server cannot find this recording. Please record the answer again.
error-upload-gone = This recording was deleted or has expired on the server. Please record the answer again.
error-submitted-cannot-be-deleted = A submitted answer cannot be removed.
error-too-large = This recording is larger than the server accepts. Please record a shorter answer.
error-offset-mismatch = Your answer and the server got out of step. Reload the page to continue; the answer is kept on this device.
error-checksum-mismatch = Part of your answer was damaged on the way. Reload the page to send it again.
error-locked = Your answer is being sent from another window. Close the other windows of this interview.
error-too-many-requests = Your answer is being sent from too many windows at once. Close the other windows of this interview; nothing is lost.
error-storage-full = The interview server is out of space for now. Your answer is kept on this device and is sent as soon as there is room; you can tell the hiring team.
error-tus-version = The upload server cannot receive recordings from this recorder. Please tell the hiring team.
error-content-type = The upload server cannot receive recordings from this recorder. Please tell the hiring team.
error-bad-request = The server could not read a request from this recorder. Please tell the hiring team.
error-review-link-invalid = This review link is not valid.
error-extension-not-now = More time can be asked for only close to the deadline, and one request at a time.
error-extension-unknown = This request for more time was already answered.
error-server-error = The interview server had a problem. Please try again in a moment; your answer is kept.
# Said by the loader (widget/js) when the recorder cannot start or stops.
error-crashed = The interview recorder stopped because of an error. Your recorded answers are kept on this device: reload the page to continue.
error-load-failed = The interview recorder could not start. Check your connection, then reload the page.
error-already-open = This interview is already open in another tab or window. Continue there, or close it and reload this page.
