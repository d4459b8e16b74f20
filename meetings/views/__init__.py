"""Thin views of the casusoverleg: parse, ask meetings.selectors, call meetings.services."""
