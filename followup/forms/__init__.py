"""The followup app's forms, one module per part."""
