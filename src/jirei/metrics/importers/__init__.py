"""Importers for the card-issuance statistics: one module per source layout."""
