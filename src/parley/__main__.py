"""`python -m parley` is the `parley` command."""

from parley.cli import app

app()
