# ruff: noqa: E501  (a paragraph of a mail is one line: mail programs wrap it for their reader)
"""The messages a survey mailing starts from, in the three working languages. They are content
the Chair's office edits before sending (not interface strings), hence written out here."""

INVITATION_SUBJECTS = {
    "en": "GFMD survey: {survey}",
    "fr": "Enquête du FMMD : {survey}",
    "es": "Encuesta del FMMD: {survey}",
}
INVITATION_BODIES = {
    "en": """{salutation}

On behalf of the Chair of the Global Forum on Migration and Development, we would be grateful for the views of {delegation} in the survey "{survey}".

Your personal link (please do not forward it):
{link}

Your answers are saved as you go, so you can come back to the link until you submit them. The survey closes on {closing_date}.

With our thanks,
The GFMD Chair's office""",
    "fr": """{salutation}

Au nom de la Présidence du Forum mondial sur la migration et le développement, nous vous serions reconnaissants de nous faire part des vues de {delegation} dans l'enquête « {survey} ».

Votre lien personnel (merci de ne pas le transmettre) :
{link}

Vos réponses sont enregistrées au fur et à mesure : vous pouvez revenir au lien jusqu'à leur envoi. L'enquête se termine le {closing_date}.

Avec nos remerciements,
Le bureau de la Présidence du FMMD""",
    "es": """{salutation}

En nombre de la Presidencia del Foro Mundial sobre Migración y Desarrollo, le agradeceríamos que nos diera a conocer las opiniones de {delegation} en la encuesta «{survey}».

Su enlace personal (le rogamos no reenviarlo):
{link}

Sus respuestas se guardan a medida que avanza, de modo que puede volver al enlace hasta enviarlas. La encuesta se cierra el {closing_date}.

Con nuestro agradecimiento,
La oficina de la Presidencia del FMMD""",
}

REMINDER_SUBJECTS = {
    "en": "Reminder: GFMD survey {survey}",
    "fr": "Rappel : enquête du FMMD {survey}",
    "es": "Recordatorio: encuesta del FMMD {survey}",
}
REMINDER_BODIES = {
    "en": """{salutation}

We have not yet received the answers of {delegation} to the survey "{survey}", which closes on {closing_date}. Your views matter to the preparation of the meeting.

Your personal link (answers saved earlier are kept):
{link}

With our thanks,
The GFMD Chair's office""",
    "fr": """{salutation}

Nous n'avons pas encore reçu les réponses de {delegation} à l'enquête « {survey} », qui se termine le {closing_date}. Vos vues comptent pour la préparation de la réunion.

Votre lien personnel (les réponses déjà enregistrées sont conservées) :
{link}

Avec nos remerciements,
Le bureau de la Présidence du FMMD""",
    "es": """{salutation}

Aún no hemos recibido las respuestas de {delegation} a la encuesta «{survey}», que se cierra el {closing_date}. Sus opiniones son importantes para la preparación de la reunión.

Su enlace personal (las respuestas ya guardadas se conservan):
{link}

Con nuestro agradecimiento,
La oficina de la Presidencia del FMMD""",
}
