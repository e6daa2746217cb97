"""The admin, by feature: services (scoped to a commissioner's boroughs), reports from the
public, commissioners, and the shared vocabularies (administrators only). Who may do what is
decided in directory/commissioning/roles.py."""

from . import commissioners, reports, services, vocabularies

__all__ = ["commissioners", "reports", "services", "vocabularies"]
