"""The fresh10 eval split; a package only so that mypy tells its build.py from the other splits'."""
