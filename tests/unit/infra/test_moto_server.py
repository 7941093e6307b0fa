"""moto's server: boto3 is pointed at it only while it runs, and a reset empties it."""

from __future__ import annotations

import os

import boto3

from infra.moto_server import reset_moto_server, running_moto_server


def test_boto3_talks_to_the_server_while_it_runs_and_a_reset_empties_it() -> None:
    os.environ["AWS_PROFILE"] = "someone-real"
    try:
        with running_moto_server() as endpoint:
            assert endpoint.startswith("http://127.0.0.1:")
            assert os.environ["AWS_ENDPOINT_URL"] == endpoint
            assert "AWS_PROFILE" not in os.environ
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="kept-until-reset")
            assert [bucket["Name"] for bucket in s3.list_buckets()["Buckets"]] == ["kept-until-reset"]

            reset_moto_server(endpoint)
            assert s3.list_buckets()["Buckets"] == []
        assert "AWS_ENDPOINT_URL" not in os.environ
        assert os.environ["AWS_PROFILE"] == "someone-real"
    finally:
        os.environ.pop("AWS_PROFILE", None)
