"""The logistics app's actions as the activity log shows them (registered in LogisticsConfig.ready())."""

from logistics.activity_labels import agenda, attendance, checkin, funding, side_events, travel, visa

ACTIONS = {
    **visa.ACTIONS,
    **funding.ACTIONS,
    **travel.ACTIONS,
    **side_events.ACTIONS,
    **agenda.ACTIONS,
    **checkin.ACTIONS,
    **attendance.ACTIONS,
}
