"""visa: what it registers in the lower apps."""


def connect() -> None:
    from delegations.hooks import register_on_registration_end
    from logistics.services.visa import on_registration_end

    # A registration withdrawn or rejected revokes its visa letter, in the same transaction.
    register_on_registration_end(on_registration_end)
