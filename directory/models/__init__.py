from .commissioners import Commissioner
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
from .postcodes import Postcode
from .rate_limits import RateLimit
from .reports import ProblemReport
from .search import SearchPhrase, SearchWord
from .service import Essential, Location, Organisation, Service, ServiceLink

__all__ = [
    "AgeBand",
    "Audience",
    "Borough",
    "Commissioner",
    "DeliveryMode",
    "EligibilityCriterion",
    "Essential",
    "Language",
    "Location",
    "Need",
    "Organisation",
    "Postcode",
    "ProblemReport",
    "RateLimit",
    "ReferralRoute",
    "SearchPhrase",
    "SearchWord",
    "Service",
    "ServiceLink",
    "ThriveCategory",
]
