"""A small in-memory model of a FHIR R4 server's transaction processing, for tests.

It applies the rules a real server applies to a transaction Bundle (FHIR R4, http.html#transaction):
every entry's conditional request is resolved first (``POST`` with ``ifNoneExist``: an existing
match is used and nothing is created; ``PUT Type?search``: one match is updated, none is created),
ids are assigned by the server, references to an entry's ``fullUrl`` are rewritten to
``Type/id``, and an update whose content equals the stored one creates no new version. Searches
return ``searchset`` Bundles with server ``fullUrl``s, as a client reading the data back would see.
No real server runs here (none can be installed from PyPI or Debian quickly); this model is the
stand-in the issue allows.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

BASE = "http://fhir.hospital.test/r4"


@dataclass
class Stored:
    """One resource as the server keeps it."""

    resource: dict[str, Any]
    version: int = 1


@dataclass
class FhirServer:
    """Resources by type and id; ids are assigned in order of creation."""

    resources: dict[str, dict[str, Stored]] = field(default_factory=dict)
    next_id: int = 1

    def _matches(self, kind: str, query: str) -> list[str]:
        """Ids of resources of ``kind`` matching an ``identifier=system|value`` search."""
        wanted = dict(parse_qsl(query))
        system, _, value = wanted["identifier"].partition("|")
        return [rid for rid, stored in self.resources.get(kind, {}).items()
                if any(i.get("system") == system and i.get("value") == value
                       for i in stored.resource.get("identifier", []))]

    def transaction(self, bundle: dict[str, Any]) -> dict[str, int]:
        """Apply a transaction Bundle; return how many resources were created, updated, unchanged."""
        assert bundle["type"] == "transaction"
        plan: list[tuple[str, str, dict[str, Any], bool]] = []  # kind, id, resource, write?
        targets: dict[str, str] = {}
        for entry in bundle["entry"]:
            request, resource = entry["request"], copy.deepcopy(entry["resource"])
            kind = resource["resourceType"]
            if request["method"] == "POST":
                found = self._matches(kind, request["ifNoneExist"]) if "ifNoneExist" in request else []
                write = not found
            else:
                assert request["method"] == "PUT"
                path, _, query = request["url"].partition("?")
                assert path == kind
                found = self._matches(kind, query)
                write = True
            assert len(found) <= 1, "a conditional request matched several resources"
            rid = found[0] if found else self._new_id()
            targets[entry["fullUrl"]] = f"{kind}/{rid}"
            plan.append((kind, rid, resource, write))
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for kind, rid, resource, write in plan:
            resolved = _rewrite(resource, targets)
            resolved["id"] = rid
            stored = self.resources.setdefault(kind, {}).get(rid)
            if stored is None:
                self.resources[kind][rid] = Stored(resolved)
                counts["created"] += 1
            elif write and _content(stored.resource) != _content(resolved):
                stored.resource, stored.version = resolved, stored.version + 1
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        return counts

    def _new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id - 1)

    def count(self, kind: str) -> int:
        """How many resources of ``kind`` are stored."""
        return len(self.resources.get(kind, {}))

    def versions(self) -> dict[str, int]:
        """Every resource's version, by Type/id."""
        return {f"{kind}/{rid}": stored.version for kind, by_id in self.resources.items()
                for rid, stored in by_id.items()}

    def everything(self) -> dict[str, Any]:
        """A searchset Bundle of every stored resource, as a client reading back would get it."""
        entries = []
        for kind, by_id in self.resources.items():
            for rid, stored in by_id.items():
                resource = copy.deepcopy(stored.resource)
                resource["meta"] = {"versionId": str(stored.version),
                                    "lastUpdated": "2026-11-23T08:00:00Z"}
                entries.append({"fullUrl": f"{BASE}/{kind}/{rid}", "resource": resource,
                                "search": {"mode": "match"}})
        return {"resourceType": "Bundle", "type": "searchset", "total": len(entries),
                "entry": entries}


def _rewrite(node: Any, targets: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {key: (targets.get(value, value) if key == "reference" else _rewrite(value, targets))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite(value, targets) for value in node]
    return node


def _content(resource: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in resource.items() if k != "meta"}, sort_keys=True)
