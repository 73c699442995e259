import sys

from .cli import main

# Guarded: forecast workers start by spawn and import the main module again.
if __name__ == "__main__":
    sys.exit(main())
