"""Files that stand on their own: chart images, chart data, the Committee pack (no Streamlit here)."""
