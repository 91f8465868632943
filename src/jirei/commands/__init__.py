"""Sub-commands of the ``jirei`` CLI (each module has ``register(subparsers)``)."""
