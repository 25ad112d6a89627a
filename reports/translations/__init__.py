"""The Chair's office's completeness page: which of a meeting's texts lack their French or Spanish version.

It lives here, above the apps it reads: each app hands its part through `<app>.selectors.translation_gaps`
(the row shape is documented in gfmd.translation_gaps), and `gaps.meeting_gap_sections` lays them out."""
