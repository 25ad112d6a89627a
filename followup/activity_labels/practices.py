"""The practices' actions as the activity log names them."""

ACTIONS = {}
