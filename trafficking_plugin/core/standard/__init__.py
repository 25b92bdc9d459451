"""The standard: agency codes and place names mapped, persons linked (the crosswalk)."""
