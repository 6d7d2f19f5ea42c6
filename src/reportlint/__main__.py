"""Allow ``python -m reportlint``."""

from reportlint.cli import main

raise SystemExit(main())
