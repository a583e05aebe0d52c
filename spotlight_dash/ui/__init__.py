"""The only package, with app.py and pages/, that imports Streamlit."""
