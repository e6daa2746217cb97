from django.db import models


class SearchWord(models.Model):
    """A word of a service name, an organisation name or the needs vocabulary: what search
    corrects a typo to. PostgreSQL's triggers add words as names are written (migration 0006);
    words are never removed, since a word that no longer finds anything is harmless."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word
