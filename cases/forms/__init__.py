"""The forms of the case register, one module per page family (records, workflow, actiepunten,
sharing, measures, the access log, beheer). Forms parse and check input; they never write:
views hand cleaned data to a service."""
