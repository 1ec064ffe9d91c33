"""Subcommands of `review`; each module exposes register(subparsers)."""
