"""The "Mail texts" pages: every mail the portal sends by itself, its text per language, edited,
previewed and reset by the Chair's office (mailings.texts checks who, again, in each service)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rules.contrib.views import permission_required

from gfmd import languages
from mailings import texts
from mailings.models import MailText
from mailings.placeholders import personal_link_names, text_errors
from mailings.templates import UnknownMail, mail_template

MAILS_PER_PAGE = 25


class MailTextForm(forms.Form):
    # No max_length or stripping here: the service says what is wrong, next to the field.
    subject = forms.CharField(label=gettext_lazy("Subject"), strip=False)
    body = forms.CharField(
        label=gettext_lazy("Text"), strip=False, widget=forms.Textarea(attrs={"rows": 16, "class": "font-monospace"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = f"form-control {field.widget.attrs.get('class', '')}".strip()
            field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"
        self.fields["subject"].help_text = _("One line. Placeholders as {name}, from the list beside.")
        self.fields["body"].help_text = _("Plain text. Placeholders as {name}; no other braces.")

    def add_service_errors(self, error: ValidationError) -> None:
        self.add_error(None, error)
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"
                self.fields[name].widget.attrs["class"] += " is-invalid"
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_error id_{name}_helptext"


def _mail_and_language(key: str, language: str):
    try:
        template = mail_template(key)
    except UnknownMail:
        raise Http404 from None
    if language not in languages.CODES:
        raise Http404
    return template, language


@permission_required(texts.EDIT_MAIL_TEXTS, raise_exception=True)
def mail_text_list(request):
    page = Paginator(texts.mail_keys(), MAILS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mailings/mail_text_list.html",
        {"page": page, "rows": texts.mail_text_rows(list(page.object_list)), "languages": languages.NAMES},
    )


@permission_required(texts.EDIT_MAIL_TEXTS, raise_exception=True)
def mail_text_edit(request, key: str, language: str):
    template, language = _mail_and_language(key, language)
    text = MailText.objects.select_related("updated_by").filter(key=key, language=language).first()
    preview = None
    if request.method == "POST":
        form = MailTextForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            arguments = {"key": key, "language": language, "subject": data["subject"], "body": data["body"]}
            try:
                if request.POST.get("action") == "preview":
                    preview = texts.mail_text_preview(**arguments, actor=request.user)
                else:
                    texts.mail_text_save(**arguments, actor=request.user)
                    messages.success(
                        request,
                        _("The %(language)s text is saved: the portal sends it from now on.")
                        % {"language": languages.NAMES[language]},
                    )
                    return redirect("mailings:text_edit", key=key, language=language)
            except ValidationError as error:
                form.add_service_errors(error)
    else:
        subject, body = (text.subject, text.body) if text else texts.starting_text(key, language)
        form = MailTextForm(initial={"subject": subject, "body": body})
        # A saved text that no longer fits the mail's placeholders is not sent (render_mail): no preview.
        if text is not None and not text_errors(text.subject, text.body, template.placeholders):
            preview = texts.mail_text_preview(
                key=key, language=language, subject=text.subject, body=text.body, actor=request.user
            )
    default_subject, default_body = texts.default_source(key, language)
    return render(
        request,
        "mailings/mail_text_edit.html",
        {
            "mail": template,
            "language": language,
            "language_name": languages.NAMES[language],
            "other_languages": [(code, name) for code, name in languages.NAMES.items() if code != language],
            "text": text,
            "form": form,
            "preview": preview,
            "default_named": texts.default_with_placeholders(key, language),
            "default_subject": default_subject,
            "default_body": default_body,
            "personal_links": personal_link_names(template.placeholders),
        },
    )


@permission_required(texts.EDIT_MAIL_TEXTS, raise_exception=True)
def mail_text_reset(request, key: str, language: str):
    """GET: the confirmation; POST: the edited text is deleted and the default sent again."""
    template, language = _mail_and_language(key, language)
    text = MailText.objects.select_related("updated_by").filter(key=key, language=language).first()
    if request.method == "POST":
        if texts.mail_text_reset(key=key, language=language, actor=request.user):
            messages.success(
                request,
                _("The %(language)s text is back to the default.") % {"language": languages.NAMES[language]},
            )
        else:
            messages.info(request, _("This mail already had its default text; nothing changed."))
        return redirect("mailings:text_edit", key=key, language=language)
    if text is None:
        return redirect("mailings:text_edit", key=key, language=language)
    return render(
        request,
        "mailings/mail_text_reset.html",
        {"mail": template, "language": language, "language_name": languages.NAMES[language], "text": text},
    )
