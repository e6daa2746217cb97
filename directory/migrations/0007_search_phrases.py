"""Everyday phrases and the needs they mean, for search (directory.search.query.read_query).

Frozen here as they were when this migration was written; the admin edits them after. Run
again, it updates these rows and leaves any an administrator added alone.
"""

import django.db.models.deletion
from django.db import migrations, models

# phrase, need slug (or None), words to search for instead (where no need fits)
PHRASES = [
    # anxiety
    ("panic attacks", "anxiety", ""),
    ("panic attack", "anxiety", ""),
    ("anxiety attacks", "anxiety", ""),
    ("worried all the time", "anxiety", ""),
    ("cant stop worrying", "anxiety", ""),
    ("scared all the time", "anxiety", ""),
    ("social anxiety", "anxiety", ""),
    ("health anxiety", "anxiety", ""),
    # low mood
    ("feeling down", "low-mood", ""),
    ("feeling low", "low-mood", ""),
    ("feel sad", "low-mood", ""),
    ("feel empty", "low-mood", ""),
    ("no friends", "low-mood", ""),
    ("nobody likes me", "low-mood", ""),
    ("feel alone", "low-mood", ""),
    ("feeling lonely", "low-mood", ""),
    ("crying all the time", "low-mood", ""),
    ("no motivation", "low-mood", ""),
    # eating and body image
    ("eating disorder", "eating-difficulties", ""),
    ("not eating", "eating-difficulties", ""),
    ("stopped eating", "eating-difficulties", ""),
    ("making myself sick", "eating-difficulties", ""),
    ("binge eating", "eating-difficulties", ""),
    ("hate my body", "body-image", ""),
    ("hate how i look", "body-image", ""),
    # behaviour
    ("anger issues", "behaviour", ""),
    ("angry all the time", "behaviour", ""),
    ("temper tantrums", "behaviour", ""),
    ("excluded from school", "behaviour", ""),
    ("kicked out of school", "behaviour", ""),
    ("knife crime", "behaviour", ""),
    # early years
    ("postnatal depression", "early-years", ""),
    ("post natal depression", "early-years", ""),
    ("baby blues", "early-years", ""),
    ("new baby", "early-years", ""),
    ("new parent", "early-years", ""),
    # neurodiversity
    ("adhd assessment", "neurodiversity", ""),
    ("adhd diagnosis", "neurodiversity", ""),
    ("autism assessment", "neurodiversity", ""),
    ("autism diagnosis", "neurodiversity", ""),
    ("learning difficulties", "neurodiversity", ""),
    ("learning disabilities", "neurodiversity", ""),
    ("special needs", "neurodiversity", ""),
    ("special educational needs", "neurodiversity", ""),
    # drugs and alcohol
    ("mum drinks", "drugs-and-alcohol", ""),
    ("dad drinks", "drugs-and-alcohol", ""),
    ("parent drinks", "drugs-and-alcohol", ""),
    ("mum drunk", "drugs-and-alcohol", ""),
    ("dad drunk", "drugs-and-alcohol", ""),
    ("mum takes drugs", "drugs-and-alcohol", ""),
    ("dad takes drugs", "drugs-and-alcohol", ""),
    ("drinking too much", "drugs-and-alcohol", ""),
    ("smoking weed", "drugs-and-alcohol", ""),
    ("taking drugs", "drugs-and-alcohol", ""),
    ("vaping", "drugs-and-alcohol", ""),
    # bereavement
    ("someone died", "bereavement", ""),
    ("mum died", "bereavement", ""),
    ("dad died", "bereavement", ""),
    ("parent died", "bereavement", ""),
    ("lost someone", "bereavement", ""),
    ("passed away", "bereavement", ""),
    # trauma and abuse
    ("sexual abuse", "trauma", ""),
    ("sexually abused", "trauma", ""),
    ("raped", "trauma", ""),
    ("something bad happened", "trauma", ""),
    ("dad hits mum", "domestic-abuse", ""),
    ("parents fighting", "domestic-abuse", ""),
    ("hit at home", "domestic-abuse", ""),
    # family
    ("parents arguing", "family-relationships", ""),
    ("parents divorcing", "family-relationships", ""),
    ("parents splitting up", "family-relationships", ""),
    ("arguing with parents", "family-relationships", ""),
    ("kicked out", "family-relationships", ""),
    # gender and sexuality
    ("coming out", "gender-and-sexuality", ""),
    ("questioning my gender", "gender-and-sexuality", ""),
    ("gender dysphoria", "gender-and-sexuality", ""),
    ("non binary", "gender-and-sexuality", ""),
    # school
    ("exam stress", "school-stress", ""),
    ("exam worries", "school-stress", ""),
    ("exam anxiety", "school-stress", ""),
    ("being bullied", "school-stress", ""),
    ("bullied at school", "school-stress", ""),
    ("cyber bullying", "school-stress", ""),
    ("wont go to school", "school-stress", ""),
    ("refuses to go to school", "school-stress", ""),
    ("not going to school", "school-stress", ""),
    ("school refusal", "school-stress", ""),
    ("school avoidance", "school-stress", ""),
    ("hate school", "school-stress", ""),
    # sleep
    ("cant sleep", "sleep", ""),
    ("cannot sleep", "sleep", ""),
    ("trouble sleeping", "sleep", ""),
    ("not sleeping", "sleep", ""),
    ("bad dreams", "sleep", ""),
    # young carers
    ("young carer", "young-carers", ""),
    ("look after my mum", "young-carers", ""),
    ("look after my dad", "young-carers", ""),
    ("caring for my mum", "young-carers", ""),
    ("caring for my dad", "young-carers", ""),
    ("caring for a parent", "young-carers", ""),
    # parenting
    ("parenting course", "parenting", ""),
    ("parenting advice", "parenting", ""),
    ("parenting classes", "parenting", ""),
    # no need fits: what to search for instead
    ("hearing voices", None, "camhs"),
    ("seeing things", None, "camhs"),
    ("psychosis", None, "camhs"),
    ("paranoid", None, "camhs"),
]


def create_phrases(apps, schema_editor):
    Need = apps.get_model("directory", "Need")
    SearchPhrase = apps.get_model("directory", "SearchPhrase")
    needs = {need.slug: need for need in Need.objects.all()}
    for phrase, need, search_for in PHRASES:
        SearchPhrase.objects.update_or_create(
            phrase=phrase, defaults={"need": needs.get(need), "search_for": search_for}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_derived_columns"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchPhrase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "phrase",
                    models.CharField(
                        help_text='As someone would type it, in lower case: "hearing voices", "mum drinks"',
                        max_length=100,
                        unique=True,
                    ),
                ),
                (
                    "search_for",
                    models.CharField(
                        blank=True,
                        help_text='Or words to search for instead, where no need fits ("camhs")',
                        max_length=100,
                    ),
                ),
                (
                    "need",
                    models.ForeignKey(
                        blank=True,
                        help_text="The need the phrase means: services that help with it are found",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_phrases",
                        to="directory.need",
                    ),
                ),
            ],
            options={
                "ordering": ["phrase"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("need__isnull", False),
                            models.Q(("search_for", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="searchphrase_means_a_need_or_words",
                    )
                ],
            },
        ),
        migrations.RunPython(create_phrases, migrations.RunPython.noop),
    ]
