"""The recommendations' actions as the activity log names them."""

ACTIONS = {}
