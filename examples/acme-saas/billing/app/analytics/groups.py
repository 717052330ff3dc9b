"""Group types as the tracking plan declares them (tracking-plan.yaml, groupTypes)."""
from enum import Enum


class GroupType(str, Enum):
    COMPANY = "company_id"
    WORKSPACE = "workspace_id"


COMPANY_GROUP = "company_id"
