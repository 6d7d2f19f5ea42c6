"""Text predicates and matching shared by the rules: character classes, word boundaries, lazy patterns."""
