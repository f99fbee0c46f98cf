"""The agent's side panel (Streamlit): ``streamlit run ui/app.py`` or ``copilot ui``.

Thin over ``copilot.Copilot``: no business logic here, only input, rendering and state.
"""

from pathlib import Path

APP_PATH = Path(__file__).resolve().parent / "app.py"
