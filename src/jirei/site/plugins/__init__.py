"""What runs inside MkDocs: the jirei plugins, the Markdown extensions and the inherited config for builds elsewhere."""
