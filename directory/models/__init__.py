from .lookups import (
    AgeBand,
    Audience,
    Borough,
    DeliveryMode,
    EligibilityCriterion,
    Language,
    Need,
    ReferralRoute,
    ThriveCategory,
)
from .reports import ProblemReport
from .search import SearchPhrase, SearchWord
from .service import Location, Organisation, Service

__all__ = [
    "AgeBand",
    "Audience",
    "Borough",
    "DeliveryMode",
    "EligibilityCriterion",
    "Language",
    "Location",
    "Need",
    "Organisation",
    "ProblemReport",
    "ReferralRoute",
    "SearchPhrase",
    "SearchWord",
    "Service",
    "ThriveCategory",
]
