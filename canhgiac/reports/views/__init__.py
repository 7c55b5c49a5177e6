"""Pages of the reports app (thin: scope, validate, call a service, respond)."""
