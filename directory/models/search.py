from urllib.parse import urlencode

from django.db import models
from django.urls import reverse


class SearchWord(models.Model):
    """A word of a service name, an organisation name or the needs vocabulary: what search
    corrects a typo to. PostgreSQL's triggers add words as names are written (migration 0006);
    words are never removed, since a word that no longer finds anything is harmless."""

    word = models.CharField(max_length=100, primary_key=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word


class SearchPhrase(models.Model):
    """Everyday words for a need, as people type them: "my mum drinks" means drugs and
    alcohol, "can't sleep" means sleep. Edited in the admin; search reads them on every search
    (directory.search.query.read_query), matching word forms ("mum drinking") and ignoring little
    words ("my", "to"). Crisis and harm words are not here: the crisis reader
    (directory/search/crisis_reader.py) reads them."""

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text='As someone would type it, in lower case: "hearing voices", "mum drinks"',
    )
    need = models.ForeignKey(
        "directory.Need",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_phrases",
        help_text="The need the phrase means: services that help with it are found",
    )
    search_for = models.CharField(
        max_length=100,
        blank=True,
        help_text='Or words to search for instead, where no need fits ("camhs")',
    )

    class Meta:
        ordering = ["phrase"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(need__isnull=False) | ~models.Q(search_for=""),
                name="searchphrase_means_a_need_or_words",
            )
        ]

    def __str__(self):
        return self.phrase

    def get_absolute_url(self):
        return reverse("directory:service_list") + "?" + urlencode({"q": self.phrase})
