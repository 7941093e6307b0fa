"""moto's server on 127.0.0.1, with this process's boto3 pointed at it while it runs.

The demo, ``make up`` and the integration tests talk to moto over HTTP, as code talks
to AWS, rather than through in-process patching: the wire protocol is then part of
what is exercised.

    with running_moto_server() as endpoint:
        stack = deploy(Path("template.yaml"))
        ...
        reset_moto_server(endpoint)      # empty every service again
"""

from __future__ import annotations

import contextlib
import os
import urllib.request
from collections.abc import Iterator

from moto.server import ThreadedMotoServer

LOOPBACK = "127.0.0.1"

# Dummy credentials: botocore signs requests even for moto, and real ones must never be used.
_SERVER_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


@contextlib.contextmanager
def running_moto_server(port: int = 0, region: str = "us-east-1") -> Iterator[str]:
    """Start moto's server (port 0: any free port) and yield its endpoint URL.

    While it runs, ``AWS_ENDPOINT_URL``, dummy credentials and the region are set in
    ``os.environ`` so every boto3 client created meanwhile goes to it; the previous
    values are restored afterwards.
    """
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=port, verbose=False)
    server.start()
    host, bound_port = server.get_host_and_port()
    endpoint = f"http://{host}:{bound_port}"
    variables = {
        **_SERVER_ENVIRONMENT,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
    }
    previous = {name: os.environ.get(name) for name in [*variables, "AWS_PROFILE"]}
    os.environ.pop("AWS_PROFILE", None)  # a profile would take precedence over the dummy credentials
    os.environ.update(variables)
    try:
        yield endpoint
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


def reset_moto_server(endpoint: str) -> None:
    """Forget every resource in every service (moto's own reset API)."""
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
