"""The followup app's actions as the activity log shows them (registered in FollowupConfig.ready())."""

from followup.activity_labels import practices, recommendations, reports, tracker

ACTIONS = {**recommendations.ACTIONS, **reports.ACTIONS, **practices.ACTIONS, **tracker.ACTIONS}
