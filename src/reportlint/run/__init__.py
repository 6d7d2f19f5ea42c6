"""The check run: a session per run, files checked (on workers for large runs), baselines."""
