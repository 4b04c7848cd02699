"""`python -m kg` runs the command line, like the `kg` script."""

from kg.cli import main

main()
