"""Mails of the reports (mailings.templates.register_mail)."""
