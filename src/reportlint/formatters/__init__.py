"""Output formats. Each module renders a list of FileResult; they register through a plugin hook."""
