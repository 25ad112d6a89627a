"""The mail texts the Chair's office edits: one registered mail (mailings.templates) in one language.

Who: portal support and the Chair's office (accounts.permissions.is_chair_office, the rule
"mailings.edit_mail_texts"). A text is plain text with the mail's {placeholders}
(mailings.placeholders.text_errors says what is wrong with one); render_mail() sends it instead of
the default templates, which stay in the code and come back with mail_text_reset()."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.salutations import salutation
from activity.services import activity_log
from gfmd import languages
from mailings.models import MailText
from mailings.placeholders import personal_link_names, render_text, single_line, text_errors
from mailings.templates import MailTemplate, RenderedMail, mail_template, registered_mails, template_for_language

EDIT_MAIL_TEXTS = "mailings.edit_mail_texts"


def _require(actor) -> None:
    if actor is None or not actor.has_perm(EDIT_MAIL_TEXTS):
        raise PermissionDenied


def _language(language: str) -> str:
    if language not in languages.CODES:
        raise ValidationError(_("The portal writes no mail in this language."))
    return language


def _cleaned(subject: str, body: str, template: MailTemplate) -> tuple[str, str]:
    """The subject and text as they would be kept, or ValidationError by field. A line break in the
    subject is refused, not repaired: the subject is a mail header."""
    subject = subject.strip(" \t")
    # Browsers send CR LF between lines; the text is kept with LF only.
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    errors = text_errors(subject, body, template.placeholders)
    if not subject:
        errors.setdefault("subject", []).append(_("Write a subject."))
    elif len(subject) > MailText._meta.get_field("subject").max_length:
        errors.setdefault("subject", []).append(_("The subject is too long (300 characters at most)."))
    if not body:
        errors.setdefault("body", []).append(_("Write the text of the mail."))
    if errors:
        raise ValidationError(errors)
    return subject, body


@transaction.atomic
def mail_text_save(*, key: str, language: str, subject: str, body: str, actor) -> MailText:
    """Write (or rewrite) the text of the mail `key` in `language`; sent from now on instead of the default."""
    _require(actor)
    template = mail_template(key)
    language = _language(language)
    subject, body = _cleaned(subject, body, template)
    # update_or_create locks an existing row; two first edits at once: the second updates the first's row.
    text, created = MailText.objects.update_or_create(
        key=key, language=language, defaults={"subject": subject, "body": body, "updated_by": actor}
    )
    activity_log(
        actor=actor,
        action="mailings.mail_text.saved",
        obj=text,
        data={"key": key, "language": language, "created": created},
    )
    return text


@transaction.atomic
def mail_text_reset(*, key: str, language: str, actor) -> bool:
    """Delete the edited text: the mail goes out with its default text again. False if there was none."""
    _require(actor)
    mail_template(key)
    language = _language(language)
    deleted, _rows = MailText.objects.filter(key=key, language=language).delete()
    if deleted:
        activity_log(actor=actor, action="mailings.mail_text.reset", data={"key": key, "language": language})
    return bool(deleted)


def sample_values(template: MailTemplate, language: str, person) -> dict[str, str]:
    """Values for a preview in `language`: the reader's own salutation, an example link, and for the
    rest what the placeholder holds, in brackets."""
    links = personal_link_names(template.placeholders)
    values = {}
    with translation.override(language):
        for name, description in template.placeholders.items():
            if name == "salutation":
                values[name] = salutation(person, language)
            elif name in links:
                values[name] = f"{settings.SITE_URL}/…"
            else:
                values[name] = f"[{description}]"
    return values


def mail_text_preview(*, key: str, language: str, subject: str, body: str, actor) -> RenderedMail:
    """The mail as a text would send it, with sample values (ValidationError as mail_text_save)."""
    _require(actor)
    template = mail_template(key)
    subject, body = _cleaned(subject, body, template)
    values = sample_values(template, _language(language), actor)
    with translation.override(language):
        return RenderedMail(subject=single_line(render_text(subject, values)), body=render_text(body, values))


def default_source(key: str, language: str) -> tuple[str, str]:
    """The default subject and text of the mail in `language`, as written in the code (the template
    files; their sentences in {% translate %} are translated by the catalogues)."""
    template = mail_template(key)
    return tuple(
        get_template(template_for_language(name, language)).template.source.strip()
        for name in (template.subject, template.body)
    )


_NOT_NAMED = {"do_not_call_in_templates", "alters_data", *dir(datetime.datetime)}


class _Named:
    """Stands for a placeholder while a default template is rendered: every attribute, item or
    element of it is itself, and it prints as "{name}". The default in the recipient's language,
    with its placeholders named, is what a person starts rewriting from."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __str__(self) -> str:
        return f"{{{self._name}}}"

    def __getattr__(self, attribute: str):
        # Not a date either: the date filter then prints nothing, as for any value that is not one.
        if attribute.startswith("_") or attribute in _NOT_NAMED:
            raise AttributeError(attribute)
        return self

    def __getitem__(self, item):
        return self

    def __iter__(self):
        yield self

    def __len__(self) -> int:
        return 1


def default_with_placeholders(key: str, language: str) -> tuple[str, str] | None:
    """The default subject and text in `language`, each value shown as its {placeholder}; None when
    the default cannot be rendered that way (it needs a real object: the source is shown instead)."""
    template = mail_template(key)
    context = {name: _Named(name) for name in template.placeholders}
    try:
        with translation.override(language):
            subject, body = (
                get_template(template_for_language(name, language)).render(context).strip()
                for name in (template.subject, template.body)
            )
    except Exception:
        return None
    return single_line(subject), body


def starting_text(key: str, language: str) -> tuple[str, str]:
    """What the edit form starts from without an edited text: the default with its placeholders
    named, if it makes a valid text, else nothing."""
    default = default_with_placeholders(key, language)
    if default is None or text_errors(*default, mail_template(key).placeholders):
        return "", ""
    return default


@dataclass(frozen=True)
class MailTextLanguage:
    code: str
    name: str
    text: MailText | None  # None: the default is sent


@dataclass(frozen=True)
class MailTextRow:
    key: str
    description: str
    languages: list[MailTextLanguage]


def mail_keys() -> list[str]:
    return sorted(registered_mails())


def mail_text_rows(keys: list[str]) -> list[MailTextRow]:
    """The list page's rows for `keys` (a page of mail_keys()): the edited texts read in one query."""
    edited = {
        (text.key, text.language): text for text in MailText.objects.filter(key__in=keys).select_related("updated_by")
    }
    mails = registered_mails()
    return [
        MailTextRow(
            key=key,
            description=str(mails[key].description),
            languages=[
                MailTextLanguage(code, str(name), edited.get((key, code))) for code, name in languages.NAMES.items()
            ],
        )
        for key in keys
    ]
