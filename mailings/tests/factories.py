from mailings.services import MailRecipient, mailing_create


def make_mailing(count: int = 3, *, created_by=None, release: bool = False, **kwargs):
    """A mailing to person0@example.org ... with the usual placeholders."""
    recipients = kwargs.pop(
        "recipients",
        [MailRecipient(email=f"person{n}@example.org", name=f"Person {n}") for n in range(count)],
    )
    mailing, rows = mailing_create(
        title=kwargs.pop("title", "Consultation"),
        subjects=kwargs.pop("subjects", {"en": "A question for {name}"}),
        bodies=kwargs.pop("bodies", {"en": "Dear {name},\n\nPlease answer.\n"}),
        recipients=recipients,
        created_by=created_by,
        release=release,
        **kwargs,
    )
    return mailing, rows
