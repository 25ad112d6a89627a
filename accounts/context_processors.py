from accounts.selectors import user_roles


def navigation(request) -> dict:
    """The roles that shape the navigation bar (read once per request, cached on the user)."""
    user = getattr(request, "user", None)
    return {"roles": user_roles(user) if user is not None else None}
