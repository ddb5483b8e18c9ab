"""Reads of seller performance for the API and the web pages. Sections: account health; the
account, its actions and appeals; staff views (sellers, complaints, detectors); recovery."""

# --- account health ----------------------------------------------------------------------------------


# --- account status, enforcement actions and appeals (seller and staff) ------------------------------


# --- staff: sellers, complaints, detectors -----------------------------------------------------------
