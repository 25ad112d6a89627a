"""The opening line of a mail, written per language with the person's name.

Not a translated English template ("Dear %(name)s," gave "Madame, Monsieur (Ms Grace Adeyemi)"):
each language addresses people its own way, so each is written out here."""

from django.conf import settings
from django.utils import translation

from accounts.models import User

# With an honorific, a person is addressed by it and their last name ("Dear Ms Adeyemi,").
# A head of delegation is addressed as Excellency, without a name, as protocol has it.
# Without an honorific (or with Mx, which French and Spanish have no word for), English and
# Spanish use the full name; French uses its neutral "Madame, Monsieur,".
_WITH_HONORIFIC = {
    "en": {
        "mr": "Dear Mr {last},",
        "ms": "Dear Ms {last},",
        "mx": "Dear Mx {last},",
        "dr": "Dear Dr {last},",
        "prof": "Dear Professor {last},",
        "he": "Your Excellency,",
    },
    "fr": {
        "mr": "Monsieur {last},",
        "ms": "Madame {last},",
        "dr": "Docteur {last},",
        "prof": "Professeur {last},",
        "he": "Excellence,",
    },
    "es": {
        "mr": "Estimado Sr. {last}:",
        "ms": "Estimada Sra. {last}:",
        "dr": "Estimado/a Dr. {last}:",
        "prof": "Estimado/a Prof. {last}:",
        "he": "Excelencia:",
    },
}
_WITH_NAME = {"en": "Dear {full},", "fr": "Madame, Monsieur,", "es": "Estimado/a {full}:"}
_WITHOUT_NAME = {"en": "Dear Sir or Madam,", "fr": "Madame, Monsieur,", "es": "Estimado/a señor/a:"}


def salutation(person: User, language: str | None = None) -> str:
    """The salutation for `person` in `language` (by default the active one; English for any
    language the portal does not write salutations in)."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language not in _WITH_NAME:
        language = "en"
    last = person.last_name.strip()
    full = " ".join(part for part in (person.first_name.strip(), last) if part)
    template = _WITH_HONORIFIC[language].get(person.honorific) if last or person.honorific == "he" else None
    if template is None:
        template = _WITH_NAME[language] if full else _WITHOUT_NAME[language]
    return template.format(last=last, full=full)
