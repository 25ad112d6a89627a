"""The surveys pages: the Chair's office (chair) and the recipient's link (respond)."""
