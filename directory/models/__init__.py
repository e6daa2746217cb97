from .commissioners import Commissioner
from .postcodes import Postcode
from .rate_limits import RateLimit
from .reports import ProblemReport
from .search import SearchPhrase, SearchWord
from .service import Essential, Location, Organisation, Service, ServiceLink
from .vocabularies import (
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
