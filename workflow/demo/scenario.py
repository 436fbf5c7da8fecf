"""The shape of a demo complaint: who files it, how, and what happens to it next.

A scenario is data only; `workflow.demo.complaints` plays its steps through the services.
Steps are tuples, the first item naming the action:

- ``("ack", method, note)``, ``("assign", unit_slug)``, ``("ask", question)``,
  ``("answer", text)``, ``("resume", note)``, ``("estimate", days_from_now, message)``,
  ``("propose", text)``, ``("accept",)``, ``("reject", reason)``,
  ``("review", "reinvestigate" | "revise" | "final", note, text)`` (a final decision is
  approved by a second manager), ``("propose_final", note, text)`` (left awaiting approval),
  ``("implemented", note)``,
  ``("withdraw", reason)``, ``("reopen", reason)``, ``("note", internal_text)``,
  ``("message", text_from_staff)``, ``("customer_message", text)``,
  ``("survey", resolution_score, process_score, comment)``,
  ``("route", route_url, days_ago, external_reference, note)``,
  ``("corrective", kind, title, description, due_in_days)``.

Customer-side steps are taken by the complaint's customer; when there is none (a complaint
logged by staff for someone without an account), staff record what the person said by phone.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    subject: str
    description: str
    category: str
    steps: tuple[tuple, ...] = ()
    # who files it: "customer" / "customer_en" through the portal, or "staff" on their behalf
    by: str = "customer"
    channel: str = "portal"
    days_ago: float = 0.0  # staff intake only: when the person actually got in touch
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    preferred: str = "email"
    language: str = "tr"
    # staff intake for a person who has an account: the e-mail of that demo customer
    customer: str = ""
