"""Agency files in: readers, specs, checks, pseudonyms and import runs."""
