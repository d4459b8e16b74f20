# The casusoverleg (series, meetings, agenda items) lands here; it depends on cases, never the
# other way round.
