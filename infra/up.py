"""``make up``: the template running on a local moto server until Ctrl-C, for trying things by hand.

Writes ``.takeaways/local-stack.json`` (endpoint and physical resource ids), which
the ``takeaways`` operator commands read, and keeps driving the queues so that an
article uploaded from another terminal travels all the way to the subscribers.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from infra.event_sources import EventSourceRunner
from infra.local_stack import deploy
from infra.moto_server import running_moto_server

ROOT = Path(__file__).resolve().parents[1]
STACK_FILE = ROOT / ".takeaways" / "local-stack.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=4566, help="moto server port on 127.0.0.1")
    args = parser.parse_args(argv)
    with running_moto_server(port=args.port) as endpoint:
        stack = deploy(ROOT / "template.yaml")
        STACK_FILE.parent.mkdir(exist_ok=True)
        STACK_FILE.write_text(
            json.dumps(
                {"endpoint_url": endpoint, "region": "us-east-1", "resources": stack.physical_ids}, indent=2
            )
        )
        bucket = stack.physical_id("ArticlesBucket")
        print(f"local stack on {endpoint} (resources in {STACK_FILE.relative_to(ROOT)})")
        print("in another terminal, for example:")
        print("  .venv/bin/takeaways subscribe --protocol sqs --endpoint <queue-arn> --topics economy")
        print("  .venv/bin/takeaways upload samples/articles/wind-farm-vote.json")
        print(f"  .venv/bin/takeaways replay --prefix incoming/   (articles bucket: {bucket})")
        print("Ctrl-C stops it.")
        runner = EventSourceRunner(stack)
        try:
            while True:
                if not runner.poll_once():
                    time.sleep(0.5)
        except KeyboardInterrupt:
            print("\nstopped")
        finally:
            STACK_FILE.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
