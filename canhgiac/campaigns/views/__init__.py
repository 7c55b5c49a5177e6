"""Views of the campaigns app, split by page group."""
