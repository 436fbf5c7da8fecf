"""Tamper-evident audit trail: a hash chain over each complaint's events (R4, R15)."""

import hashlib
import json
from datetime import UTC, datetime

# one encoder for every hash: generate_complaints hashes millions of events
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(
    *,
    prev_hash: str,
    complaint_id: int,
    sequence: int,
    kind: str,
    from_status: str,
    to_status: str,
    visibility: str,
    text: str,
    data: dict,
    actor_id: int | None,
    actor_name: str,
    created_at: datetime,
) -> str:
    payload = _ENCODER.encode(
        [
            prev_hash,
            complaint_id,
            sequence,
            kind,
            from_status,
            to_status,
            visibility,
            text,
            data,
            actor_id,
            actor_name,
            created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        ]
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def hash_of(event) -> str:
    return event_hash(
        prev_hash=event.prev_hash,
        complaint_id=event.complaint_id,
        sequence=event.sequence,
        kind=event.kind,
        from_status=event.from_status,
        to_status=event.to_status,
        visibility=event.visibility,
        text=event.text,
        data=event.data,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        created_at=event.created_at,
    )


def verify_chain(complaint) -> list[int]:
    """Sequence numbers of the events whose row or link was altered; [] when intact.

    A changed row fails its own hash; a deleted or inserted row breaks the next row's link.
    """
    broken: list[int] = []
    previous = ""
    expected_sequence = 1
    for event in complaint.events.order_by("sequence").iterator():
        if (
            event.prev_hash != previous
            or event.sequence != expected_sequence
            or hash_of(event) != event.hash
        ):
            broken.append(event.sequence)
        previous = event.hash
        expected_sequence = event.sequence + 1
    return broken
