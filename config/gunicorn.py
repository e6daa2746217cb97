"""Gunicorn's settings for Find Help: `gunicorn -c config/gunicorn.py config.wsgi`.

Each can be changed from the environment (README, "Running in production"). Run several app
instances like this one behind a load balancer; they share PostgreSQL and the cache
(CACHE_URL).
"""

import multiprocessing
import os

# Where to listen: the load balancer or proxy in front talks to this.
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Synchronous workers: each answers one request at a time, so the number of workers is how
# many requests one instance answers at once. Gunicorn's usual advice: 2 per core, plus 1.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request that takes longer than this is abandoned and its worker restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Longer than the load balancer's idle timeout, so the proxy closes idle connections first.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Restart each worker after this many requests (plus up to the jitter), so any slow growth of
# a worker's memory cannot accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))

# Only the proxy may say which scheme and client a request came from (X-Forwarded-Proto:
# Django reads it through SECURE_PROXY_SSL_HEADER). The proxy's addresses, comma-separated;
# the proxy must set the header itself and never pass one through from a client. The client's
# address (X-Forwarded-For) is Django's to read, from FINDHELP_TRUSTED_PROXIES only
# (config/client.py): name the same proxies there.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# The access log records the path without its query string (%(U)s, not the request line
# %(r)s): the query string holds what people searched for and the navigator's answers. No
# client address, no referrer, no user agent either.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" for none
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# And should someone change the format: this logger class drops query strings from every
# atom (the request line, the referrer, headers), as Django's logs do (config/logging.py).
logger_class = "config.logging.GunicornLogger"
