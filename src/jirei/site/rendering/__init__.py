"""What every page is rendered with: the Jinja2 environment, URLs of pages and links between them."""
