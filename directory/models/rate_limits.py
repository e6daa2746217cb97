from datetime import timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class RateLimitQuerySet(models.QuerySet):
    def count_attempt(self, key, seconds):
        """Counts one attempt under `key` and returns how many there have been in the window
        that started with the first (which lasts `seconds`). One atomic UPDATE, or an INSERT,
        so instances counting at once never lose a count."""
        now = timezone.now()
        with transaction.atomic(using=self.db):
            self.filter(expires_at__lte=now).delete()  # this key's old window, and any other
            if self.filter(key=key).update(count=F("count") + 1):
                return self.filter(key=key).values_list("count", flat=True).first() or 1
            try:
                with transaction.atomic(using=self.db):
                    self.create(key=key, count=1, expires_at=now + timedelta(seconds=seconds))
                return 1
            except IntegrityError:  # another request created it meanwhile
                self.filter(key=key).update(count=F("count") + 1)
                return self.filter(key=key).values_list("count", flat=True).first() or 1


class RateLimit(models.Model):
    """Attempts by one client at one thing (the report form) within a window. In the database,
    not the cache: a flood of other entries cannot evict it, and every instance counts in it.
    The key holds no address, only a keyed hash of one (directory/commissioning/reporting.py)."""

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    objects = RateLimitQuerySet.as_manager()

    def __str__(self):
        return f"{self.key}: {self.count}"
