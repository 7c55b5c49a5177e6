"""Views of the reports app. Dashboards: `views.dashboard`."""
