"""Nightly job: attaches each paying user to the billing account Stripe knows them by."""
from dataclasses import dataclass

from amplitude import EventOptions

from ..analytics.client import amplitude


@dataclass
class StripeCustomer:
    customer_id: str
    owner_user_id: str


def reconcile(customers: list[StripeCustomer]) -> None:
    for customer in customers:
        # DELIBERATE: "billing_account" is not in the plan; from Python it would be a fourth group type of the project (undeclared-group-type).
        amplitude.set_group("billing_account", customer.customer_id, EventOptions(user_id=customer.owner_user_id))
        print(f"reconciled {customer.customer_id}")
