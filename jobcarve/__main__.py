"""``python -m jobcarve``: the same as the ``jobcarve`` command."""

from jobcarve.cli import main

if __name__ == "__main__":
    main()
