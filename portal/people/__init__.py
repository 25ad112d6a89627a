"""The Chair's office runs the portal's people here, never in the Django admin: it searches people,
reads their roles across meetings, deactivates and reactivates accounts, and invites and revokes the
members of the Chair's office. It sits in portal (the top layer) because a person's page gathers every
app's facts, and because its services log (activity) and mail (mailings), both above accounts."""
