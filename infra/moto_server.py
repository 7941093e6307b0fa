"""moto's server on 127.0.0.1, with this process's boto3 pointed at it while it runs.

The demo, ``make up`` and the integration tests talk to moto over HTTP, as code talks
to AWS, rather than through in-process patching: the wire protocol is then part of
what is exercised.

    with running_moto_server() as endpoint:
        stack = deploy(Path("template.yaml"))
        ...
        reset_moto_server(endpoint)      # empty every service again

A test session that keeps one server for many tests starts a ``MotoServer`` once and
wraps each test in ``moto_environment(endpoint)``, so nothing outside those tests is
pointed at it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import urllib.request
from collections.abc import Iterator

from moto.server import ThreadedMotoServer

from infra import async_invocations, sns_delivery

LOOPBACK = "127.0.0.1"

# Dummy credentials: botocore signs requests even for moto, and real ones must never be used.
_DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


class MotoServer:
    """moto's threaded server on the loopback interface (port 0: any free port)."""

    def __init__(self, port: int = 0) -> None:
        self._server = ThreadedMotoServer(ip_address=LOOPBACK, port=port, verbose=False)
        # One access-log line per request would drown the demo's output; keep a level set by the caller.
        access_log = logging.getLogger("werkzeug")
        if access_log.level == logging.NOTSET:
            access_log.setLevel(logging.WARNING)
        self.endpoint = ""

    def start(self) -> str:
        sns_delivery.install()  # SNS delivers to subscribers as AWS does (see infra.sns_delivery)
        async_invocations.install()  # an asynchronous Invoke of a local function reaches its runner
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        return self.endpoint

    def stop(self) -> None:
        self._server.stop()

    def reset(self) -> None:
        reset_moto_server(self.endpoint)


@contextlib.contextmanager
def moto_environment(endpoint: str, region: str = "us-east-1") -> Iterator[str]:
    """Point every boto3 client created meanwhile at ``endpoint``, with dummy credentials.

    Sets ``AWS_ENDPOINT_URL``, the credentials and the region in ``os.environ`` and
    restores the previous values (and any ``AWS_PROFILE``, which would otherwise win
    over the dummy credentials) afterwards.
    """
    variables = {
        **_DUMMY_CREDENTIALS,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
    }
    previous = {name: os.environ.get(name) for name in [*variables, "AWS_PROFILE"]}
    os.environ.pop("AWS_PROFILE", None)
    os.environ.update(variables)
    try:
        yield endpoint
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def running_moto_server(port: int = 0, region: str = "us-east-1") -> Iterator[str]:
    """Start moto's server, yield its endpoint URL with boto3 pointed at it, stop it afterwards."""
    server = MotoServer(port)
    endpoint = server.start()
    try:
        with moto_environment(endpoint, region):
            yield endpoint
    finally:
        server.stop()


def reset_moto_server(endpoint: str) -> None:
    """Forget every resource in every service (moto's own reset API)."""
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
