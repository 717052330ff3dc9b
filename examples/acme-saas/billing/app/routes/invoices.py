"""Stripe invoice webhooks."""
from amplitude import BaseEvent
from fastapi import APIRouter
from pydantic import BaseModel

from ..analytics.client import amplitude

router = APIRouter()


class InvoicePaid(BaseModel):
    company_id: int
    paid_by: str
    amount_cents: int
    currency: str


@router.post("/paid")
def invoice_paid(invoice: InvoicePaid) -> dict:
    # DELIBERATE: "Invoice Paid" must carry company_id; without it the revenue chart has no account (missing-event-groups).
    amplitude.track(
        BaseEvent(
            event_type="Invoice Paid",
            user_id=invoice.paid_by,
            event_properties={"amount_cents": invoice.amount_cents, "currency": invoice.currency},
        )
    )
    return {"ok": True}
