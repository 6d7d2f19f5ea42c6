"""Word review tools: runs split at character offsets, comments (批注) and tracked changes (修订)."""
