"""The client's address: the one definition, used by the sign-in lockout (django-axes,
AXES_CLIENT_IP_CALLABLE) and the report form's rate limit (directory/commissioning/reporting.py).

Behind a load balancer every request comes from the balancer's address, so the client's is
read from `X-Forwarded-For`, but only when the request came from a proxy named in
FINDHELP_TRUSTED_PROXIES: anyone can send that header, and a forged one would let a client
choose its own address (to dodge a limit, or to lock someone else out). django-ipware reads the
header; the proxies are given to it as `proxy_trusted_ips`, outermost first, one entry (an
address or a network) for each proxy in front of the site. The address is the one the
innermost untrusted hop was seen from: the header's entries after it, and the socket's
address, must match the proxies, or the header is not used at all and the socket's address is.

With no proxies named (the default) the socket's address is always used.
"""

from django.conf import settings
from django.http import QueryDict
from ipware import get_client_ip

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def client_address(request):
    """The client's address, as text ("" if there is none)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.FINDHELP_TRUSTED_PROXIES
    forwarded = request.META.get(FORWARDED_FOR, "")
    if not proxies or not forwarded:
        return remote
    # The socket's address is the last hop: the header, then the proxy that connected.
    chain = _Request({FORWARDED_FOR: f"{forwarded}, {remote}"})
    address, _ = get_client_ip(
        chain,
        proxy_trusted_ips=list(proxies),
        request_header_order=[FORWARDED_FOR],
        strict=False,
    )
    return address or remote


class _Request:
    """Just enough of a request for ipware: the one header to read."""

    def __init__(self, meta):
        self.META = meta
        self.GET = QueryDict()
