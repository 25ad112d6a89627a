"""Mails of the recommendations (mailings.templates.register_mail)."""
