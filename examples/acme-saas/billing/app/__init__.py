"""Acme billing worker: Stripe webhooks in, subscription facts out to Amplitude."""
