"""protokoll: Swedish meeting minutes (protokoll) into a DuckDB database that can be questioned."""

__version__ = "0.1.0"
