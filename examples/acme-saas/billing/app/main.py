from fastapi import FastAPI

from .routes import invoices, subscriptions

app = FastAPI(title="Acme billing worker")
app.include_router(subscriptions.router, prefix="/webhooks/subscriptions")
app.include_router(invoices.router, prefix="/webhooks/invoices")
