"""The Chair's office administers delegations: create, edit (refused when someone else saved
meanwhile), retire and reactivate, merge a duplicate into another.

Edits are checked optimistically: the form carries the delegation's `version`; a save made on an
older version is refused with the fields the other person changed (read from the activity log,
where every change records its version and fields), so nobody overwrites a colleague's work
without seeing it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries

from activity.selectors import activity_for_object
from activity.services import activity_log
from delegations.models import Delegation
from delegations.selectors import delegation_relations, merge_conflicts, merge_moves
from delegations.services._common import require_perm
from gfmd import languages

ADMINISTER = "delegations.administer_delegations"
# The fields the Chair's office's form edits, in the form's order.
# Steering Group and Friends of the Forum membership is per meeting (services.membership_set).
EDITABLE = ("kind", "name", "country", "region", "languages")
DEFAULTS: dict = {"languages": []}


class EditConflict(ValidationError):
    """Someone saved the delegation since this person's form was read. `changed` names the fields
    they changed (field name -> (who, current value)); the form shows it next to each field."""

    def __init__(self, message: str, *, changed: dict, current: Delegation):
        super().__init__(message, code="edit_conflict")
        self.changed = changed
        self.current = current


def _value(delegation: Delegation, field: str):
    value = getattr(delegation, field)
    return value.code if field == "country" else value


def _clean(values: dict, *, exclude_pk: int | None) -> dict:
    """Validate the values as the database's constraints will, so a violation is a message next to
    its field, never an error page. A state without a name is named after its country."""
    values = {**values, "name": (values.get("name") or "").strip()}
    # Known codes only, once each, in the Forum's order (English, French, Spanish).
    chosen = set(values.get("languages") or [])
    values["languages"] = [code for code in languages.CODES if code in chosen]
    country = values.get("country") or ""
    errors = {}
    if values["kind"] == Delegation.Kind.STATE:
        if not country:
            errors["country"] = _("A state needs its country.")
        else:
            if not values["name"]:
                with translation.override("en"):  # the stored name is English, as lists sort by it
                    values["name"] = str(dict(countries)[country])
            same = Delegation.objects.filter(kind=Delegation.Kind.STATE, country=country).exclude(pk=exclude_pk)
            existing = same.first()
            if existing is not None:
                errors["country"] = (
                    _("%(country)s already has a delegation: %(name)s (retired; reactivate it instead).")
                    if existing.is_retired
                    else _("%(country)s already has a delegation: %(name)s.")
                ) % {"country": existing.country.name, "name": existing.name}
    elif not values["name"]:
        errors["name"] = _("An organisation needs its name.")
    if values["name"] and Delegation.objects.filter(name__iexact=values["name"]).exclude(pk=exclude_pk).exists():
        errors["name"] = _("Another delegation is already called %(name)s.") % {"name": values["name"]}
    if errors:
        raise ValidationError(errors, code="invalid")
    return values


def _save(delegation: Delegation) -> None:
    # Should two requests race past _clean, the constraints are the last word, still next to a field.
    try:
        with transaction.atomic():
            delegation.save()
    except IntegrityError as exc:
        text = str(exc)
        if "one_delegation_per_state" in text or "country" in text:
            raise ValidationError({"country": _("This country already has a delegation.")}) from exc
        if "state_has_country" in text:
            raise ValidationError({"country": _("A state needs its country.")}) from exc
        raise ValidationError({"name": _("Another delegation already has this name.")}) from exc


@transaction.atomic
def delegation_create(*, actor, **values) -> Delegation:
    require_perm(actor, ADMINISTER, None)
    values = _clean({field: values.get(field, DEFAULTS.get(field, "")) for field in EDITABLE}, exclude_pk=None)
    delegation = Delegation(**values)
    _save(delegation)
    activity_log(
        actor=actor,
        action="delegations.delegation.created",
        obj=delegation,
        data={"version": delegation.version, "fields": {f: _value(delegation, f) for f in EDITABLE}},
    )
    return delegation


def _changes_since(delegation: Delegation, version: int) -> dict:
    """The fields changed after `version`, each with who changed it last (from the activity log)."""
    changed: dict = {}
    entries = activity_for_object(delegation).filter(action__startswith="delegations.delegation.")
    for entry in sorted(entries, key=lambda e: e.data.get("version", 0)):
        if entry.data.get("version", 0) > version:
            who = entry.actor.get_full_name() if entry.actor else _("someone")
            for field in entry.data.get("changes", {}):
                changed[field] = who
    return changed


@transaction.atomic
def delegation_update(*, delegation: Delegation, actor, version: int, **values) -> Delegation:
    """Save the Chair's office's form. Refused (EditConflict) when the delegation's version is no
    longer the one the form was read at."""
    require_perm(actor, ADMINISTER, delegation)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.version != version:
        changed = _changes_since(delegation, version)
        names = ", ".join(str(Delegation._meta.get_field(f).verbose_name) for f in changed) or _("its details")
        raise EditConflict(
            _(
                "Someone else saved this delegation while you were editing it (%(fields)s). Your changes are "
                "not saved: they are kept below; compare them with the values now saved and save again."
            )
            % {"fields": names},
            changed=changed,
            current=delegation,
        )
    values = _clean({field: values.get(field, DEFAULTS.get(field, "")) for field in EDITABLE}, exclude_pk=delegation.pk)
    changes = {}
    for field in EDITABLE:
        before = _value(delegation, field)
        setattr(delegation, field, values[field])
        after = _value(delegation, field)
        if before != after:
            changes[field] = [before, after]
    if not changes:
        return delegation
    delegation.version += 1
    _save(delegation)
    activity_log(
        actor=actor,
        action="delegations.delegation.changed",
        obj=delegation,
        data={"version": delegation.version, "changes": changes},
    )
    return delegation


@transaction.atomic
def delegation_retire(*, delegation: Delegation, actor) -> Delegation:
    """Retire: offered nowhere and taking nothing new, its history kept (registrations, team roles)."""
    require_perm(actor, ADMINISTER, delegation)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.is_retired:
        raise ValidationError(_("%(name)s is already retired.") % {"name": delegation.name})
    delegation.retired_at = timezone.now()
    delegation.version += 1
    delegation.save(update_fields=["retired_at", "version"])
    activity_log(
        actor=actor,
        action="delegations.delegation.retired",
        obj=delegation,
        data={"version": delegation.version, "changes": {"retired_at": [None, delegation.retired_at.isoformat()]}},
    )
    return delegation


@transaction.atomic
def delegation_reactivate(*, delegation: Delegation, actor) -> Delegation:
    require_perm(actor, ADMINISTER, delegation)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if not delegation.is_retired:
        raise ValidationError(_("%(name)s is not retired.") % {"name": delegation.name})
    before = delegation.retired_at.isoformat()
    delegation.retired_at = None
    delegation.version += 1
    delegation.save(update_fields=["retired_at", "version"])
    activity_log(
        actor=actor,
        action="delegations.delegation.reactivated",
        obj=delegation,
        data={"version": delegation.version, "changes": {"retired_at": [before, None]}},
    )
    return delegation


def _move(relation, source: Delegation, target: Delegation) -> None:
    if relation.many_to_many:
        # The link rows (e.g. a paper's contributing delegations): a row the target already has is
        # dropped rather than doubled.
        through = relation.through
        column, other = relation.field.m2m_reverse_field_name(), relation.field.m2m_field_name()
        have = through.objects.filter(**{column: target}).values(other)
        through.objects.filter(**{column: source, f"{other}__in": have}).delete()
        through.objects.filter(**{column: source}).update(**{column: target})
    else:
        field = relation.field.name
        relation.related_model._base_manager.filter(**{field: source}).update(**{field: target})


@transaction.atomic
def delegation_merge(*, source: Delegation, target: Delegation, actor) -> Delegation:
    """Move everything of the duplicate `source` to `target` (registrations, invitations, quotas,
    team roles, focal points, and whatever other apps attach to a delegation), then delete it; in
    one transaction, refused as a whole where a move would break a rule.

    A delegation is not one meeting's data: the merge names one delegation where there were two, in
    closed meetings too (no ensure_open), without changing who came or what they did."""
    require_perm(actor, ADMINISTER, source)
    require_perm(actor, ADMINISTER, target)
    locked = {d.pk: d for d in Delegation.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    if source.pk == target.pk or len(locked) != 2:
        raise ValidationError({"target": _("Choose another delegation to merge into.")})
    source, target = locked[source.pk], locked[target.pk]
    conflicts = merge_conflicts(source, target)
    if conflicts:
        raise ValidationError({"target": conflicts}, code="merge_conflict")
    moved = {str(label): count for label, count in merge_moves(source, target) if count}
    for relation in delegation_relations():
        try:
            with transaction.atomic():
                _move(relation, source, target)
        except IntegrityError as exc:
            raise ValidationError(
                {
                    "target": _(
                        "These two delegations cannot be merged: both have %(records)s that cannot be held twice "
                        "by one delegation. Remove the duplicate's first."
                    )
                    % {"records": relation.related_model._meta.verbose_name_plural}
                },
                code="merge_conflict",
            ) from exc
    source_name = source.name
    source.delete()
    target.version += 1
    target.save(update_fields=["version"])
    activity_log(
        actor=actor,
        action="delegations.delegation.merged",
        obj=target,
        data={"version": target.version, "merged": source_name, "moved": moved, "changes": {}},
    )
    return target
