"""The risk index: indicators, person facts, scores, areas, prevention targets, monitoring."""
