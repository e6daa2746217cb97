"""The words generate_directory builds made-up services from: kinds of service and their
needs, feelings, providers' names, languages, opening hours and notes (data only)."""

# A kind of service: how it is named, described and who it is for. Needs listed first are the
# kind's core needs (every service of the kind has one of the first two); the first THRIVE
# category is the main one.
KINDS = [
    {
        "names": ["{borough} Youth Counselling", "{provider} Young People's Counselling"],
        "summary": "Free, confidential counselling for young people who {feel}.",
        "thrive": ["getting-help", "getting-advice"],
        "need": ["anxiety", "low-mood", "family-relationships", "school-stress", "self-harm"],
        "ages": [(11, 25), (11, 18), (13, 25), (16, 25)],
        "delivery": ["in-person", "online", "phone"],
    },
    {
        "names": ["{provider} Wellbeing Hub", "{borough} Youth Wellbeing Hub"],
        "summary": "Drop in to talk to a youth worker, join a group or get advice when you {feel}.",
        "thrive": ["thriving", "getting-advice"],
        "need": ["low-mood", "anxiety", "body-image", "sleep", "school-stress"],
        "ages": [(11, 18), (11, 25), (13, 19), (16, 25)],
        "delivery": ["in-person", "online"],
    },
    {
        "names": ["{borough} CAMHS", "{borough} Child and Adolescent Mental Health Service"],
        "summary": "Specialist NHS assessment and treatment for children and young people who "
        "{feel}.",
        "thrive": ["getting-more-help", "getting-help"],
        "need": ["anxiety", "low-mood", "self-harm", "eating-difficulties", "trauma"],
        "ages": [(0, 17), (0, 18), (5, 17)],
        "delivery": ["in-person", "online", "at-home"],
        "referral": ["gp", "school", "professional"],
    },
    {
        "names": ["{borough} Mental Health Support Team in Schools", "{provider} Schools Team"],
        "summary": "Mental health practitioners in schools and colleges helping pupils who {feel}.",
        "thrive": ["getting-help", "getting-advice"],
        "need": ["anxiety", "low-mood", "school-stress", "behaviour", "sleep"],
        "ages": [(5, 10), (11, 18), (5, 18)],
        "delivery": ["in-school"],
        "referral": ["school"],
        "eligibility": ["attends-participating-school"],
    },
    {
        "names": ["{borough} Neurodevelopmental Service", "{provider} Autism and ADHD Support"],
        "summary": "Assessment, advice and groups for children with autism or ADHD, "
        "and their families.",
        "thrive": ["getting-help", "getting-more-help"],
        "need": ["neurodiversity", "behaviour", "parenting", "sleep"],
        "ages": [(0, 17), (5, 18), (0, 25)],
        "delivery": ["in-person", "at-home", "online"],
        "referral": ["gp", "school", "parent-carer"],
        "eligibility": ["send"],
    },
    {
        "names": ["{borough} Early Help Family Support", "{provider} Family Centre"],
        "summary": "Practical and emotional support for families with babies and young children.",
        "thrive": ["getting-advice", "getting-help"],
        "need": ["early-years", "parenting", "family-relationships", "domestic-abuse"],
        "ages": [(0, 4), (0, 10), (0, 17)],
        "delivery": ["in-person", "at-home", "phone"],
        "audience": ["parents-carers"],
        "eligibility": ["parent-carer", "lives-in-borough"],
    },
    {
        "names": ["{borough} Eating Disorders Service", "{provider} Eating Difficulties Support"],
        "summary": "Help for young people struggling with eating, food or how they see their body.",
        "thrive": ["getting-more-help", "getting-help"],
        "need": ["eating-difficulties", "body-image", "anxiety"],
        "ages": [(11, 18), (0, 17), (16, 25)],
        "delivery": ["in-person", "online"],
        "referral": ["gp", "self", "parent-carer"],
    },
    {
        "names": ["{borough} Young Carers Project", "{provider} Young Carers Service"],
        "summary": "Breaks, groups and someone to talk to for young people who look after "
        "someone at home.",
        "thrive": ["thriving", "getting-advice"],
        "need": ["young-carers", "family-relationships", "school-stress"],
        "ages": [(5, 18), (8, 18), (11, 25)],
        "delivery": ["in-person", "online", "phone"],
        "eligibility": ["young-carer"],
    },
    {
        "names": ["{provider} Bereavement Support", "{borough} Child Bereavement Service"],
        "summary": "Support for children and young people after someone close to them has died.",
        "thrive": ["getting-help", "getting-advice"],
        "need": ["bereavement", "low-mood", "trauma"],
        "ages": [(5, 18), (0, 25), (11, 25)],
        "delivery": ["in-person", "phone", "online"],
    },
    {
        "names": ["{provider} LGBTQ+ Youth Group", "{borough} Pride Youth"],
        "summary": "A safe group for LGBTQ+ young people, with one-to-one support when you {feel}.",
        "thrive": ["thriving", "getting-advice"],
        "need": ["gender-and-sexuality", "low-mood", "anxiety"],
        "ages": [(11, 25), (13, 25), (16, 25)],
        "delivery": ["in-person", "online"],
    },
    {
        "names": ["{borough} Young People's Drug and Alcohol Service", "{provider} Substance Use"],
        "summary": "Confidential advice and support about drugs and alcohol for young people.",
        "thrive": ["getting-help", "getting-advice"],
        "need": ["drugs-and-alcohol", "behaviour", "low-mood"],
        "ages": [(11, 18), (11, 25), (16, 25)],
        "delivery": ["in-person", "phone", "text"],
    },
    {
        "names": ["{borough} Crisis Line for Young People", "{provider} Crisis Support"],
        "summary": "Urgent mental health support, day and night, for young people in crisis.",
        "thrive": ["getting-risk-support"],
        "need": ["self-harm", "suicidal-thoughts", "low-mood", "trauma"],
        "ages": [(0, 17), (0, 25), (16, 25)],
        "delivery": ["phone", "text", "online"],
        "crisis": True,
    },
    {
        "names": ["{provider} Online Counselling", "{provider} Chat Support"],
        "summary": "Chat online to a trained counsellor when you {feel}.",
        "thrive": ["getting-advice", "getting-help"],
        "need": ["anxiety", "low-mood", "self-harm", "body-image", "family-relationships"],
        "ages": [(11, 25), (10, 18), (16, 25)],
        "delivery": ["online", "text"],
    },
    {
        "names": ["{borough} Trauma and Refugee Service", "{provider} Trauma Recovery"],
        "summary": "Therapy for children and young people who have been through something "
        "frightening.",
        "thrive": ["getting-more-help", "getting-help"],
        "need": ["trauma", "domestic-abuse", "anxiety", "sleep"],
        "ages": [(5, 18), (0, 17), (11, 25)],
        "delivery": ["in-person", "at-home"],
        "referral": ["professional", "gp", "school"],
    },
    {
        "names": ["{borough} Youth Justice Wellbeing Team", "{provider} Choices Project"],
        "summary": "Mentoring and mental health support for young people in trouble with the "
        "police or at risk of exclusion.",
        "thrive": ["getting-help", "getting-risk-support"],
        "need": ["behaviour", "trauma", "drugs-and-alcohol", "family-relationships"],
        "ages": [(10, 18), (11, 25)],
        "delivery": ["in-person", "at-home"],
        "referral": ["professional", "school"],
        "eligibility": ["youth-justice"],
    },
    {
        "names": ["{borough} Parenting Programme", "{provider} Parents' Support Line"],
        "summary": "Courses and a support line for parents and carers worried about a child.",
        "thrive": ["getting-advice", "thriving"],
        "need": ["parenting", "behaviour", "neurodiversity", "family-relationships"],
        "ages": [(0, 17), (0, 18), (5, 18)],
        "delivery": ["phone", "online", "in-person"],
        "audience": ["parents-carers"],
        "eligibility": ["parent-carer"],
    },
]

FEELINGS = [
    "feel anxious or low",
    "are finding things hard",
    "feel stressed or overwhelmed",
    "are worried about school, home or friends",
    "are struggling with how they feel",
]
PROVIDER_WORDS = [
    "Riverside", "Northgate", "Harbour", "Beacon", "Kestrel", "Willow", "Lantern", "Compass",
    "Cedar", "Oakwood", "Meridian", "Evergreen", "Bridgeway", "Greenleaf", "Hillside",
    "Skylark", "Anchor", "Horizon", "Maple", "Wayfinder", "Fieldfare", "Lighthouse", "Rowan",
    "Stepping Stones", "Open Door", "Kingfisher", "Thistle", "Brightwater", "Juniper", "Arbour",
]  # fmt: skip
PROVIDER_KINDS = [
    "Youth Trust", "Family Centre", "Counselling", "Community Partnership", "Youth Project",
    "Foundation", "Wellbeing Collective", "Children's Charity", "Youth Service",
]  # fmt: skip
OTHER_LANGUAGES = [
    "Arabic", "Bengali", "British Sign Language", "Farsi", "French", "Polish", "Portuguese",
    "Somali", "Spanish", "Tigrinya", "Turkish", "Urdu",
]  # fmt: skip
OPENING_HOURS = [
    "Monday to Friday, 9am to 5pm",
    "Monday to Friday, 10am to 6pm; Saturday 11am to 3pm",
    "Weekdays 12pm to 10pm, weekends 6pm to 10pm",
    "Term time only, school hours",
    "24 hours a day, every day",
]
ELIGIBILITY_NOTES = {
    "attends-participating-school": "For pupils at schools in the borough that take part.",
    "send": "For children and young people with special educational needs or a disability.",
    "parent-carer": "For parents and carers of children who live in the borough.",
    "lives-in-borough": "You need to live in the borough.",
    "young-carer": "For young people who look after a family member.",
    "youth-justice": "For young people working with the youth justice service.",
}
REFERRAL_NOTES = {
    "self": "You can contact them yourself by phone, online or by dropping in.",
    "gp": "Ask your GP to refer you.",
    "school": "Ask a teacher, school nurse or the school's mental health lead to refer you.",
    "parent-carer": "A parent or carer can fill in the referral form.",
    "professional": "A social worker, youth worker or other professional can refer.",
}
