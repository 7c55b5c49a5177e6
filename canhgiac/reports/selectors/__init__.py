"""Reads of the reports app. Dashboards: `selectors.dashboard`."""
