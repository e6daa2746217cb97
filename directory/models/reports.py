from django.conf import settings
from django.db import models
from django.urls import reverse

from .service import Service


class ProblemReport(models.Model):
    """A member of the public says something on a service page is wrong."""

    class Problem(models.TextChoices):
        CONTACT = "contact", "The phone number, email or website is wrong"
        CLOSED = "closed", "The service has closed or stopped taking people"
        WHO = "who", "The ages, area or who it is for is wrong"
        ACCESS = "access", "How to get help from them is wrong"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        NEW = "new", "New"
        RESOLVED = "resolved", "Resolved"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="problem_reports")
    problem = models.CharField(max_length=20, choices=Problem.choices)
    details = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    # Identical reports (same service, problem and words) while one is open are folded into it.
    times_reported = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    last_reported_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.service}: {self.get_problem_display()}"

    def get_absolute_url(self):
        return reverse("admin:directory_problemreport_change", args=[self.pk])
