"""Errors that reach the user as one clear line and exit code 2."""


class PressfactsError(Exception):
    """Base of every error the CLI turns into a message instead of a traceback."""


class InputError(PressfactsError):
    """The input cannot be read as a release: missing, empty, binary, too large."""
