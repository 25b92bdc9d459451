"""The red inline message shown beside a form field, shared by the docks and dialogs."""
from qgis.PyQt.QtWidgets import QLabel


def message_label():
    """A red, word-wrapped label, hidden while it has nothing to say."""
    label = QLabel()
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label
