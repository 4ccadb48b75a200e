"""``python -m faultlines`` runs the CLI."""

from .cli import main

main()
