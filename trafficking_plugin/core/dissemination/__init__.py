"""What leaves the database: report tables, verification, public export with disclosure control, the
national publication."""
