"""gunicorn settings, read from the working directory (/app in the image) on every start.

The access log records the path without its query string and without the Referer: the case
list search sends names and addresses as ?q=..., and those must not end up in log files.
"""

access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)s'
accesslog = "-"
