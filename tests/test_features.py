"""Every scenario under features/ runs as a test."""

from pytest_bdd import scenarios

scenarios("../features")
