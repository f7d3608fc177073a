"""Subscriber delivery: plans, subscribers, API keys, usage, and the API's shared machinery."""
