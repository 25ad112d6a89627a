"""Every mail the portal writes by itself, registered by key with its placeholders and its text.

One convention: a mail is two Django templates, `<app>/mail/<name>_subject.txt` and
`<app>/mail/<name>.txt` (the body), rendered in the recipient's language. Sentences of the
interface are `{% translate %}`d (the catalogues translate them); a text written out per language
(a survey's invitation, which the Chair's office edits before sending) is one file per language,
`<name>.fr.txt`, chosen before the untranslated one.

Each app registers its mails in its AppConfig.ready() (its `mails` module):
`register_mail("papers.deadline_reminder", placeholders={"session": _("the session"), ...})`, and
sends them with mailings.services.send_to_people(). The registry is the list a person will edit
the texts from (issue 19: a row per key and language, read in render_mail() before the default).

An edited text (mailings.models.MailText, written on the "Mail texts" pages, mailings.texts) is
plain text with the mail's {placeholders}, filled in from the same context the default templates
receive (mailings.placeholders.render_text). A text that no longer fits the registry (a placeholder
since removed from the code) is not sent: the default is, and the mismatch is logged."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string, select_template
from django.utils import translation
from django.utils.functional import Promise

from mailings.links import LINK_MARKER
from mailings.placeholders import render_text, single_line, text_errors

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailTemplate:
    key: str  # "<app>.<name>"
    subject: str  # template names
    body: str
    # The names the texts read (template variables, or a mailing's {placeholders}) and what they hold.
    placeholders: dict[str, str | Promise]
    description: str | Promise = ""


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    body: str


class UnknownMail(LookupError):
    pass


_mails: dict[str, MailTemplate] = {}


def register_mail(
    key: str,
    *,
    placeholders: dict[str, str | Promise],
    description: str | Promise = "",
    subject: str = "",
    body: str = "",
) -> MailTemplate:
    """Register a mail; its templates are <app>/mail/<name>_subject.txt and <name>.txt unless named."""
    app, _sep, name = key.partition(".")
    if not name:
        raise ValueError(f"A mail's key is '<app>.<name>', not {key!r}.")
    template = MailTemplate(
        key=key,
        subject=subject or f"{app}/mail/{name}_subject.txt",
        body=body or f"{app}/mail/{name}.txt",
        placeholders=dict(placeholders),
        description=description,
    )
    _mails[key] = template
    return template


def registered_mails() -> dict[str, MailTemplate]:
    return dict(_mails)


def mail_template(key: str) -> MailTemplate:
    try:
        return _mails[key]
    except KeyError:
        raise UnknownMail(key) from None


def template_for_language(name: str, language: str) -> str:
    """The per-language file (`invitation.fr.txt`) if there is one, else the translated one, else
    the per-language file of the default language."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        return name
    candidates = [f"{stem}.{language}.{extension}", name, f"{stem}.{settings.LANGUAGE_CODE}.{extension}"]
    return select_template(candidates).template.name


def edited_texts(key: str) -> dict:
    """The edited texts of a mail by language (MailText rows), in one query."""
    from mailings.models import MailText  # the registry is filled before the models are needed

    return {text.language: text for text in MailText.objects.filter(key=key)}


def _names(text) -> tuple[str, str]:
    return text.key, text.language


def _edited(template: MailTemplate, text, context: dict) -> RenderedMail | None:
    """The mail from its edited text, or None when the text cannot be used (see the module's docstring)."""
    if text_errors(text.subject, text.body, template.placeholders):
        logger.warning("The edited text of %s (%s) no longer fits its placeholders: default sent.", *_names(text))
        return None
    body = render_text(text.body, context)
    # The personal link's marker must reach queue_mail() in the body, or the mail would go without its link.
    if LINK_MARKER in context.values() and LINK_MARKER not in body:
        logger.warning("The edited text of %s (%s) has lost its personal link: default sent.", *_names(text))
        return None
    # A value (a person's name) may hold a line break: a subject is a header, one line always.
    return RenderedMail(subject=single_line(render_text(text.subject, context)), body=body)


def edited_mail(key: str, context: dict, *, texts: dict | None = None) -> RenderedMail | None:
    """The mail from its edited text in the active language, or None to send the default."""
    text = (edited_texts(key) if texts is None else texts).get((translation.get_language() or "").split("-")[0])
    return None if text is None else _edited(mail_template(key), text, context)


def render_mail(key: str, context: dict, *, language: str | None = None, texts: dict | None = None) -> RenderedMail:
    """The mail's subject (one line) and body in `language` (by default the active one): its edited
    text in that language if there is one, else the default templates. `texts`: edited_texts(key),
    read once by a caller that renders the mail for many people."""
    template = mail_template(key)
    with translation.override(language or translation.get_language()):
        active = translation.get_language()
        edited = edited_mail(key, context, texts=texts)
        if edited is not None:
            return edited
        subject = render_to_string(template_for_language(template.subject, active), context)
        body = render_to_string(template_for_language(template.body, active), context)
    return RenderedMail(subject=single_line(subject), body=body)


def default_texts(key: str, context: dict | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The subject and body of the mail in each working language, {placeholders} left in, as the
    code writes them (no database read: benchmarks and tests take them at import)."""
    subjects, bodies = {}, {}
    for language, _name in settings.LANGUAGES:
        mail = render_mail(key, context or {}, language=language, texts={})
        subjects[language], bodies[language] = mail.subject, mail.body.removesuffix("\n")
    return subjects, bodies


def starting_texts(key: str, context: dict | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The text a person starts from before sending a mailing (a survey's invitation), per
    language: the Chair's office's edited text where there is one (mailings.texts), else the default."""
    subjects, bodies = default_texts(key, context)
    for language, text in edited_texts(key).items():
        subjects[language], bodies[language] = text.subject, text.body
    return subjects, bodies
