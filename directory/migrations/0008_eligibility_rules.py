"""How each eligibility criterion is respected: the navigator asks about the criteria that
restrict who can use a service ("Do any of these apply?"), results say plainly the conditions
people may not know, and the rest are covered by the borough and who-is-asking questions."""

from django.db import migrations, models

RESTRICTS, CHECK, ANSWERED = "restricts", "check", "answered"

RULES = {
    "lives-in-borough": (ANSWERED, "", ""),
    "gp-in-borough": (ANSWERED, "", ""),
    "parent-carer": (ANSWERED, "", ""),
    "attends-participating-school": (
        CHECK,
        "",
        "Only at schools and colleges that take part: ask the school or college if it has this",
    ),
    "looked-after-or-care-leaver": (RESTRICTS, "In care, or a care leaver", ""),
    "send": (
        RESTRICTS,
        "Special educational needs or a disability (SEND), including autism or a learning "
        "disability",
        "",
    ),
    "young-carer": (RESTRICTS, "A young carer: looks after someone at home", ""),
    "youth-justice": (
        RESTRICTS,
        "Working with the youth justice service or youth offending team",
        "",
    ),
    "known-to-camhs": (RESTRICTS, "Already getting support from CAMHS", ""),
}


def set_rules(apps, schema_editor):
    criteria = apps.get_model("directory", "EligibilityCriterion").objects
    for slug, (rule, question_label, check_note) in RULES.items():
        criteria.filter(slug=slug).update(
            rule=rule, question_label=question_label, check_note=check_note
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0007_search_phrases")]

    operations = [
        migrations.AddField(
            model_name="eligibilitycriterion",
            name="check_note",
            field=models.CharField(
                blank=True,
                help_text="What a result says so people can check it, for a condition they may "
                "not know",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="eligibilitycriterion",
            name="question_label",
            field=models.CharField(
                blank=True,
                help_text='How "Do any of these apply?" offers it, for a criterion that restricts',
                max_length=120,
            ),
        ),
        migrations.AddField(
            model_name="eligibilitycriterion",
            name="rule",
            field=models.CharField(
                choices=[
                    ("restricts", "Only for people it applies to: the navigator asks about it"),
                    ("check", "A condition people may not know: results say it plainly"),
                    ("answered", "Covered by another question (where they live, who is asking)"),
                ],
                default="check",
                help_text="A service with a criterion that restricts is shown only to people "
                "who say it applies to them",
                max_length=10,
            ),
        ),
        migrations.RunPython(set_rules, migrations.RunPython.noop),
    ]
