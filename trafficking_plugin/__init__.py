"""The trafficking-prevention database plugin package."""
