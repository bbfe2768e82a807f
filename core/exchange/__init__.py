"""Exchange with other systems: JSON records (one patient or many), CSV and FHIR R4.

Nothing is imported here so that `import core.exchange.csv_table` stays cheap; FHIR validation
compiles its schema only when a Bundle is written.
"""
