"""The followup app's part of the demo (portal.demo runs it after the outcomes' part): recommendations of
Athens 2009 and Mexico 2010, their follow-up, and practices. Each part keeps its own module."""
