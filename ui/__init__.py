"""The Streamlit side of svcops: state, sidebar and formatting shared by the pages."""
