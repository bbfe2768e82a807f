"""The clinical engine: pure functions over the record models, no I/O, no Qt."""

from core.engine.assessment import Assessment, assess
from core.engine.triage import RULES, RULES_VERSION, Level

__all__ = ["RULES", "RULES_VERSION", "Assessment", "Level", "assess"]
