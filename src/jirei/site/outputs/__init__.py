"""Files published besides the pages (open data, feed, downloads, redirects, URL list) and the writer of docs/."""
