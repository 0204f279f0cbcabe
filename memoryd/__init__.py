"""memoryd: saves what an AI agent's conversation decided before the runtime compacts it away.

The public Python surface is small: ``memoryd.client`` (read the event stream) and the
``memoryd`` command. Everything else is internal and may change.
"""

__version__ = "0.1.0"
