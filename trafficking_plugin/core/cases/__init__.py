"""Lessons learned: cases told by rescued victims, their routes, the HTCDS export."""
