"""Dev tooling of a checkout, not installed: the synthetic archive and the fixture PDFs.

The runtime (`pipeline`) never imports from here; the wheel carries only `pipeline*`.
"""
