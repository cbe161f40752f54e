"""Export: RDF formats, the interactive HTML graph and the Markdown report."""

from .html import render_html, write_html
from .rdf import FORMATS, export_rdf, serialize
from .report import render_report, write_report

__all__ = ["FORMATS", "export_rdf", "serialize", "write_html", "render_html", "write_report", "render_report"]
