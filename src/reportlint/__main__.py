"""Allow ``python -m reportlint``."""

from reportlint.cli import main

if __name__ == "__main__":  # worker processes (spawn) may import this module: do not run there
    raise SystemExit(main())
