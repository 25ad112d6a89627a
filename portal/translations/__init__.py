"""The translators' queue (/translations/): what awaits their language in a meeting (outcomes, papers'
titles and abstracts, sessions' and roundtables' titles and descriptions), and the side-by-side forms
for the papers' and the sessions' texts. The outcome translation editor is the outcomes app's
(outcomes:translate); the writes are the owning apps' services."""
