"""What changed between two published versions of a programme, as data (words come when it is read)."""

SESSION_FIELDS = {
    "title": ("title",),
    "description": ("description",),
    "time": ("starts_at", "ends_at"),
    "room": ("room",),
    "code": ("code",),
    "kind": ("kind", "heads_only"),
    "roundtable": ("roundtable",),
    "co_chairs": ("co_chairs",),
    "members": ("members",),
    "moderators": ("moderators",),
    "rapporteurs": ("rapporteurs",),
    "authors": ("authors",),
    "speakers": ("speakers",),
}
ROUNDTABLE_FIELDS = {"title": ("title",), "description": ("description",), "number": ("number",)}
MEETING_FIELDS = {
    "title": ("title",),
    "theme": ("theme",),
    "dates": ("start_date", "end_date"),
    "venue": ("venue", "city", "host_country"),
}


def _comparable(value):
    """A text in every language, without its empty translations; a release published before the city, venue
    and room names were translated holds them as one English string, which compares as {"en": ...}: a
    translation added is a change, the same English name is not."""
    if isinstance(value, str) and value:
        value = {"en": value}
    if isinstance(value, dict) and all(isinstance(text, str) for text in value.values()):
        return {language: text for language, text in value.items() if text}
    return value


def _names(value):
    """A team's delegations by their English names: their other languages follow from the country (a
    state's name in French is not an edit), and older releases hold the English name alone."""
    return [name if isinstance(name, str) else name.get("en", "") for name in value or []]


# Fields compared through a function of their own instead of _comparable.
COMPARED_AS = {"co_chairs": _names, "members": _names}


def _changed(old: dict, new: dict, fields: dict) -> list[str]:
    def same(key) -> bool:
        compare = COMPARED_AS.get(key, _comparable)
        return compare(old.get(key)) == compare(new.get(key))

    return [name for name, keys in fields.items() if not all(same(key) for key in keys)]


def _by_id(items: list[dict]) -> dict:
    return {item["id"]: item for item in items}


def programme_changes(old: dict, new: dict) -> list[dict]:
    """[{"object": "session", "change": "added" | "removed" | "changed", "id", "code", "title", "fields"}, ...]
    in the order of the new programme (removed items last)."""
    changes = []
    meeting_fields = _changed(old["meeting"], new["meeting"], MEETING_FIELDS)
    if meeting_fields:
        changes.append({"object": "meeting", "change": "changed", "fields": meeting_fields})
    for kind, key, fields in (
        ("roundtable", "roundtables", ROUNDTABLE_FIELDS),
        ("session", "sessions", SESSION_FIELDS),
    ):
        before, after = _by_id(old[key]), _by_id(new[key])
        for item_id, item in after.items():
            label = {"code": item["code"]} if kind == "session" else {"number": item["number"]}
            if item_id not in before:
                changes.append({"object": kind, "change": "added", "id": item_id, "title": item["title"], **label})
            else:
                changed = _changed(before[item_id], item, fields)
                if changed:
                    changes.append(
                        {
                            "object": kind,
                            "change": "changed",
                            "id": item_id,
                            "title": item["title"],
                            "fields": changed,
                            **label,
                        }
                    )
        for item_id, item in before.items():
            if item_id not in after:
                label = {"code": item["code"]} if kind == "session" else {"number": item["number"]}
                changes.append({"object": kind, "change": "removed", "id": item_id, "title": item["title"], **label})
    return changes
