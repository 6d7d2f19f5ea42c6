"""Configuration and bundled data: project configs, presets, rule data, the YAML reader and its cache."""
