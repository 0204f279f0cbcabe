"""The fresh8 split is a package only so that mypy tells its build.py from the other splits' build.py."""
