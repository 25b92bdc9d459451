"""The sample province: synthetic agency files, a truth file and outcomes (demo, tests, benchmarks)."""
