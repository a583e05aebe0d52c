"""The only package, with app.py and app_pages/, that imports Streamlit."""
