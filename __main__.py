"""``python -m newskg`` runs the command line."""

from .cli import main

main()
