"""Reports: the analysis.json document (and, later, HTML and PDF)."""

from jobcarve.report.document import analysis_document

__all__ = ["analysis_document"]
