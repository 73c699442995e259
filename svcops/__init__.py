"""svcops: service operations analytics on a DuckDB workspace.

Everything here is plain Python (no Streamlit): data in, data out.
"""
