"""The reports' actions as the activity log names them."""

ACTIONS = {}
