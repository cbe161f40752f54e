from .rdf import FORMATS, export_rdf, serialize
