"""The billing worker's Amplitude client, shared by every route and job.

Server calls must always say whose action it was (user_id), or Amplitude drops them.
"""
import os

from amplitude import Amplitude, Config

amplitude = Amplitude(os.environ.get("AMPLITUDE_API_KEY", ""), configuration=Config(flush_queue_size=50))
