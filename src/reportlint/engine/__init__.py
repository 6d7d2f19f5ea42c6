"""Diagnostics: run the enabled rules over a parsed source, stamp and suppress what they find."""
