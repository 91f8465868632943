"""``jirei metrics fetch``: find new releases online, download, import, report."""
