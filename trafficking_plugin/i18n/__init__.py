"""The plugin's translations (Thai first) and the language and year settings."""
