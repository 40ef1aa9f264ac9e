"""Shared vocabulary of docsieve: documents, extraction results, errors and the document schemas."""
