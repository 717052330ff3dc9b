"""Stripe subscription webhooks: a company starts, upgrades or changes its seat count."""
from amplitude import BaseEvent, EventOptions, Identify
from fastapi import APIRouter
from pydantic import BaseModel

from ..analytics.client import amplitude
from ..analytics.groups import COMPANY_GROUP, GroupType

router = APIRouter()


class SubscriptionChanged(BaseModel):
    company_id: int
    actor_user_id: str
    plan: str
    seats: int


@router.post("/changed")
def subscription_changed(change: SubscriptionChanged) -> dict:
    company = str(change.company_id)
    amplitude.set_group(COMPANY_GROUP, company, EventOptions(user_id=change.actor_user_id))
    amplitude.group_identify(
        GroupType.COMPANY.value,
        company,
        Identify().set("plan", change.plan).set("seats", change.seats),
        EventOptions(user_id=change.actor_user_id),
    )
    amplitude.track(
        BaseEvent(
            event_type="Seat Added",
            user_id=change.actor_user_id,
            event_properties={"seats": change.seats},
            groups={"company_id": company},
        )
    )
    return {"ok": True}
