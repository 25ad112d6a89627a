"""Background papers, their versions, translations and comments (see the background-papers issue)."""
