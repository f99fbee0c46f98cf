"""Offline by construction: env defaults before third-party imports, and the network guard itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest


def test_import_sets_offline_defaults():
    import copilot  # noqa: F401

    assert os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] == "True"
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.path.isdir(os.environ["TIKTOKEN_CACHE_DIR"])


def test_tiktoken_loads_from_the_bundled_files_in_a_fresh_process(tmp_path):
    # a fresh interpreter with no network guard would still not download: the cache dir has the files
    code = ("import copilot, os; from copilot.tokens import count_tokens; "
            "print(count_tokens('Hei, en saa pakettia ulos automaatista'), os.environ['TIKTOKEN_CACHE_DIR'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[0]) > 5


def test_chroma_client_has_telemetry_off(tmp_path):
    from copilot.store import _client

    client = _client(tmp_path / "store", None)
    assert client.get_settings().anonymized_telemetry is False


def test_guard_refuses_non_loopback_connections():
    from pytest_socket import SocketConnectBlockedError

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(SocketConnectBlockedError):
            s.connect(("192.0.2.1", 443))  # TEST-NET-1: refused by the guard before any packet


def test_guard_allows_loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
