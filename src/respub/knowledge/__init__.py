"""Body and language knowledge, loaded from the data files in `respub/data/`."""
