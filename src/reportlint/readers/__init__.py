"""Built-in readers: bytes of a .txt, .md or .docx file → Source (registered by ``builtin``)."""
