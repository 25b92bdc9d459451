"""Sin space: risky workplaces (establishments), their rules, coordinates and imagery."""
