"""One module per pipeline stage; each exposes a pure function `Page -> Page` named after it."""
