from django import template

from accounts import salutations

register = template.Library()


@register.simple_tag
def salutation(person) -> str:
    """The opening line of a mail to `person`, in the active language (the recipient's)."""
    return salutations.salutation(person)
