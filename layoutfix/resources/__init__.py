"""Build and evaluation scripts for the shipped tables (not imported at run time)."""
