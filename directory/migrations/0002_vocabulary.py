"""The fixed vocabularies every copy of the site needs: THRIVE categories, the 33 London
boroughs, age bands, needs, eligibility criteria, audiences, referral routes, delivery modes."""

from django.db import migrations

# Frozen here, as they were when this migration was written: a migration must mean the same
# thing whenever it runs, whatever later happens to pages/london.py.
NWL = "NHS North West London Integrated Care Board"
NCL = "NHS North Central London Integrated Care Board"
NEL = "NHS North East London Integrated Care Board"
SEL = "NHS South East London Integrated Care Board"
SWL = "NHS South West London Integrated Care Board"
# name, slug, ONS GSS code, integrated care board
BOROUGHS = [
    ("City of London", "city-of-london", "E09000001", NEL),
    ("Barking and Dagenham", "barking-and-dagenham", "E09000002", NEL),
    ("Barnet", "barnet", "E09000003", NCL),
    ("Bexley", "bexley", "E09000004", SEL),
    ("Brent", "brent", "E09000005", NWL),
    ("Bromley", "bromley", "E09000006", SEL),
    ("Camden", "camden", "E09000007", NCL),
    ("Croydon", "croydon", "E09000008", SWL),
    ("Ealing", "ealing", "E09000009", NWL),
    ("Enfield", "enfield", "E09000010", NCL),
    ("Greenwich", "greenwich", "E09000011", SEL),
    ("Hackney", "hackney", "E09000012", NEL),
    ("Hammersmith and Fulham", "hammersmith-and-fulham", "E09000013", NWL),
    ("Haringey", "haringey", "E09000014", NCL),
    ("Harrow", "harrow", "E09000015", NWL),
    ("Havering", "havering", "E09000016", NEL),
    ("Hillingdon", "hillingdon", "E09000017", NWL),
    ("Hounslow", "hounslow", "E09000018", NWL),
    ("Islington", "islington", "E09000019", NCL),
    ("Kensington and Chelsea", "kensington-and-chelsea", "E09000020", NWL),
    ("Kingston upon Thames", "kingston-upon-thames", "E09000021", SWL),
    ("Lambeth", "lambeth", "E09000022", SEL),
    ("Lewisham", "lewisham", "E09000023", SEL),
    ("Merton", "merton", "E09000024", SWL),
    ("Newham", "newham", "E09000025", NEL),
    ("Redbridge", "redbridge", "E09000026", NEL),
    ("Richmond upon Thames", "richmond-upon-thames", "E09000027", SWL),
    ("Southwark", "southwark", "E09000028", SEL),
    ("Sutton", "sutton", "E09000029", SWL),
    ("Tower Hamlets", "tower-hamlets", "E09000030", NEL),
    ("Waltham Forest", "waltham-forest", "E09000031", NEL),
    ("Wandsworth", "wandsworth", "E09000032", SWL),
    ("Westminster", "westminster", "E09000033", NWL),
]

THRIVE = [
    ("thriving", "Thriving", "Looking after your wellbeing and staying well."),
    ("getting-advice", "Getting Advice", "Advice, information and someone to talk to."),
    ("getting-help", "Getting Help", "Focused support, like counselling or therapy, for a while."),
    (
        "getting-more-help",
        "Getting More Help",
        "More specialist, longer support from a mental health team.",
    ),
    (
        "getting-risk-support",
        "Getting Risk Support",
        "Urgent support when you or someone else might be at risk.",
    ),
]

AGE_BANDS = [
    ("under-5", "Under 5", 0, 4),
    ("5-to-10", "5 to 10", 5, 10),
    ("11-to-15", "11 to 15", 11, 15),
    ("16-to-17", "16 to 17", 16, 17),
    ("18-to-25", "18 to 25", 18, 25),
]

# slug, name (for professionals), label (as a young person would say it), search synonyms
NEEDS = [
    (
        "anxiety",
        "Anxiety",
        "Feeling anxious or worried",
        [
            "worry",
            "worried",
            "stress",
            "panic",
            "panic attacks",
            "nervous",
            "phobia",
            "ocd",
            "fear",
        ],
    ),
    (
        "low-mood",
        "Low mood and depression",
        "Feeling low, sad or down",
        ["depression", "depressed", "sad", "unhappy", "lonely", "loneliness", "mood", "hopeless"],
    ),
    (
        "self-harm",
        "Self-harm",
        "Hurting yourself",
        ["self harm", "selfharm", "cutting", "self-injury", "hurting myself"],
    ),
    (
        "suicidal-thoughts",
        "Suicidal thoughts",
        "Thinking about ending your life",
        ["suicide", "suicidal", "ending my life", "want to die", "kill myself"],
    ),
    (
        "eating-difficulties",
        "Eating difficulties",
        "Problems with eating or food",
        ["eating disorder", "anorexia", "bulimia", "binge eating", "arfid", "food"],
    ),
    (
        "behaviour",
        "Behaviour",
        "Anger or behaviour that gets you into trouble",
        ["anger", "angry", "aggression", "conduct", "exclusion", "violence", "gangs"],
    ),
    (
        "early-years",
        "Early years and attachment",
        "Babies and young children (under 5)",
        ["under 5", "under-5s", "baby", "toddler", "attachment", "perinatal", "infant"],
    ),
    (
        "neurodiversity",
        "Neurodiversity, autism, ADHD and learning disability",
        "Autism, ADHD or learning differences",
        [
            "autism",
            "autistic",
            "asd",
            "adhd",
            "add",
            "learning disability",
            "send",
            "sen",
            "neurodivergent",
            "dyslexia",
            "asperger",
        ],
    ),
    (
        "drugs-and-alcohol",
        "Drugs and alcohol",
        "Drugs or alcohol",
        ["drugs", "alcohol", "drinking", "cannabis", "weed", "substance misuse", "addiction"],
    ),
    (
        "bereavement",
        "Bereavement",
        "Someone close to you has died",
        ["grief", "loss", "death", "died", "bereaved", "grieving"],
    ),
    (
        "trauma",
        "Trauma",
        "Something frightening or upsetting happened to you",
        ["ptsd", "abuse", "assault", "flashbacks", "traumatic", "refugee", "exploitation"],
    ),
    (
        "domestic-abuse",
        "Domestic abuse",
        "Violence or abuse at home",
        ["domestic violence", "abuse at home", "violence at home", "controlling"],
    ),
    (
        "family-relationships",
        "Family relationships",
        "Problems at home or with family",
        ["family", "arguments", "parents arguing", "conflict", "divorce", "separation"],
    ),
    (
        "gender-and-sexuality",
        "Gender and sexuality",
        "Questions about gender or sexuality",
        [
            "lgbt",
            "lgbtq",
            "lgbtq+",
            "gay",
            "lesbian",
            "bisexual",
            "trans",
            "transgender",
            "gender identity",
            "coming out",
        ],
    ),
    (
        "school-stress",
        "School stress",
        "Stress about school, exams or bullying",
        ["school", "exams", "exam stress", "bullying", "bullied", "college", "attendance"],
    ),
    (
        "body-image",
        "Body image",
        "Feeling bad about how you look",
        ["appearance", "body confidence", "looks", "weight"],
    ),
    ("sleep", "Sleep", "Problems sleeping", ["insomnia", "can't sleep", "nightmares", "tired"]),
    (
        "young-carers",
        "Young carers",
        "Looking after someone at home",
        ["carer", "caring", "young carer", "looking after parent"],
    ),
    (
        "parenting",
        "Parenting support",
        "Support for parents and carers",
        ["parent", "parents", "parenting", "carer support", "family support"],
    ),
]

ELIGIBILITY = [
    ("lives-in-borough", "Lives in the borough", "Must live in one of the boroughs it covers"),
    (
        "gp-in-borough",
        "Registered with a GP in the borough",
        "Must be registered with a GP practice in one of the boroughs it covers",
    ),
    (
        "attends-participating-school",
        "Attends a participating school",
        "Must go to a school or college that takes part",
    ),
    (
        "looked-after-or-care-leaver",
        "Looked after or a care leaver",
        "For children in care and young people leaving care",
    ),
    (
        "send",
        "Special educational needs or disability (SEND)",
        "For children and young people with SEND",
    ),
    ("young-carer", "Young carer", "For young people who look after someone"),
    ("parent-carer", "Parent or carer", "For parents and carers"),
    (
        "youth-justice",
        "In contact with youth justice",
        "For young people working with the youth justice service",
    ),
    ("known-to-camhs", "Already supported by CAMHS", "For young people already open to CAMHS"),
]

AUDIENCES = [
    ("young-people", "Young people"),
    ("parents-carers", "Parents and carers"),
    ("professionals", "Professionals"),
]

REFERRAL_ROUTES = [
    ("self", "You can contact them yourself"),
    ("parent-carer", "A parent or carer can refer"),
    ("school", "Your school or college can refer"),
    ("gp", "Your GP can refer"),
    ("professional", "Another professional can refer"),
]

DELIVERY_MODES = [
    ("online", "Online or chat"),
    ("phone", "Phone"),
    ("text", "Text message"),
    ("in-person", "In person"),
    ("in-school", "In school"),
    ("at-home", "At home"),
]


def create_vocabulary(apps, schema_editor):
    def upsert(model_name, slug, **fields):
        apps.get_model("directory", model_name).objects.update_or_create(slug=slug, defaults=fields)

    for position, (slug, name, description) in enumerate(THRIVE):
        upsert("ThriveCategory", slug, name=name, description=description, position=position)
    for name, slug, code, icb in BOROUGHS:
        upsert("Borough", slug, name=name, gss_code=code, integrated_care_board=icb)
    for position, (slug, name, low, high) in enumerate(AGE_BANDS):
        upsert("AgeBand", slug, name=name, min_age=low, max_age=high, position=position)
    for position, (slug, name, label, synonyms) in enumerate(NEEDS):
        upsert("Need", slug, name=name, label=label, synonyms=synonyms, position=position)
    for position, (slug, name, description) in enumerate(ELIGIBILITY):
        upsert("EligibilityCriterion", slug, name=name, description=description, position=position)
    for model_name, rows in [
        ("Audience", AUDIENCES),
        ("ReferralRoute", REFERRAL_ROUTES),
        ("DeliveryMode", DELIVERY_MODES),
    ]:
        for position, (slug, name) in enumerate(rows):
            upsert(model_name, slug, name=name, position=position)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(create_vocabulary, migrations.RunPython.noop)]
