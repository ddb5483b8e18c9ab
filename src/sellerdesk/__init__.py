"""Sellerdesk: seller support and seller performance for online marketplaces."""
