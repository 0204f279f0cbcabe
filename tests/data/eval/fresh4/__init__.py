"""Makes ``fresh4.build`` a module name of its own for mypy (``fresh3/build.py`` is ``build``)."""
