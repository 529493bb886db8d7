"""parley: news about international relations in, a record of who did what to whom out."""

__version__ = "0.1.0"
