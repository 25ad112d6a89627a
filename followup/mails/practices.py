"""Mails of the practices (mailings.templates.register_mail)."""
