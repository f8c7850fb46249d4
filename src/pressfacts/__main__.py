"""`python -m pressfacts` runs the command line."""

from pressfacts.cli import main

main()
