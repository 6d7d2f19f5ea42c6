"""Built-in rule families, one module each; ``builtin`` registers them through the plugin hooks."""
