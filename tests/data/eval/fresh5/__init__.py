"""The fresh5 split is a package only so that mypy tells its build.py from fresh3/build.py."""
