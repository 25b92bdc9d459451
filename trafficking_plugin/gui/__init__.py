"""Dialogs and dock widgets: thin, they call the plugin's services."""
