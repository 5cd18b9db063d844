"""Indicator reports for the coordinators: periods, figures from aggregate queries, SVG charts, CSV/XLSX exports
and the PDF report. The other apps are read only through their selectors."""
