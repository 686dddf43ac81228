"""`python -m pipeline` runs the protokoll command line."""

from pipeline.cli import app

app(prog_name="protokoll")
