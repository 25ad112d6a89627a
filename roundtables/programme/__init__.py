"""The published programme: the snapshot written at publication (snapshot.py), what changed between two
versions (diff.py), the snapshot read back in the reader's language (published.py), its iCalendar feed
(ical.py) and the HTTP validators that let browsers and caches reuse it (cache.py)."""
