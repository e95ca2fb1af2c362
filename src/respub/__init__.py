"""respub: publish the resolutions of deliberative bodies as linked data."""

__version__ = "0.1.0"
