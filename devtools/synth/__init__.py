"""Synthetic Swedish minutes with gold annotations, clearly invented, for demos and benchmarks.

`archive.plan` decides the meetings of an archive of any size, `compose` writes each as text
with its gold, `write.write_archive` puts .txt, text PDFs and scanned PDFs on disk, and
`load.bulk_load` turns gold straight into a database. Run `python -m devtools.synth --help`.
"""
