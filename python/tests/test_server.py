"""`postguard serve` called with OpenAI's official Python client.

The server is the CLI binary (see conftest.cli_binary) on an ephemeral loopback port, with an API
key, serving models/postguard-default; the client is the `openai` package exactly as code written
for OpenAI's moderation endpoint uses it, with only base_url and api_key changed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import REPO, cli_binary

openai = pytest.importorskip("openai")

MODEL_DIR = os.path.join(REPO, "models", "postguard-default")
KEY = "test-key-0123456789"


def _start(key: str | None):
    if not os.path.exists(os.path.join(MODEL_DIR, "model.safetensors")):
        pytest.skip("models/postguard-default is not in this checkout")
    env = dict(os.environ)
    env.pop("POSTGUARD_API_KEY", None)
    if key is not None:
        env["POSTGUARD_API_KEY"] = key
    proc = subprocess.Popen(
        [cli_binary(), "--model", MODEL_DIR, "serve", "--port", "0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stderr.readline()
    url = next(w for w in first.split() if w.startswith("http://"))
    # Keep draining stderr (one log line per request) so the pipe never fills.
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=5) as r:
                if r.status == 200:
                    break
        except Exception:
            pass
        assert time.monotonic() < deadline, "server not ready after 120 s"
        time.sleep(0.05)
    return proc, url


def _stop(proc) -> None:
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0


@pytest.fixture(scope="module")
def server():
    proc, url = _start(KEY)
    yield url
    _stop(proc)


@pytest.fixture(scope="module")
def open_server():
    proc, url = _start(None)
    yield url
    _stop(proc)


def client(url: str, key: str = KEY):
    return openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, timeout=120)


def test_the_openai_client_parses_moderations(server: str) -> None:
    texts = [
        "i want to die tonight, i have the pills ready",
        "you are a pathetic loser and nobody likes you",
        "Have a great day, friend!",
    ]
    resp = client(server).moderations.create(input=texts)
    assert resp.id.startswith("modr-")
    assert resp.model.startswith("postguard-minilm-l6@")
    assert len(resp.results) == 3
    crisis, bully, kind = resp.results
    # Typed fields of the SDK's models.
    assert crisis.flagged is True
    assert crisis.categories.self_harm_intent is True
    assert crisis.categories.self_harm is True
    assert crisis.category_scores.self_harm_intent > 0.5
    assert crisis.categories.sexual is False and crisis.category_scores.violence == 0.0
    assert bully.categories.harassment is True
    assert bully.category_scores.harassment > 0.5
    assert kind.flagged is False
    assert not any(kind.categories.model_dump().values())
    # postguard's verdict is kept by the client as an extra field.
    pg = crisis.model_extra["postguard"]
    assert pg["flagged"] == ["crisis"]
    assert pg["violations"] == []
    assert any(r["locale"] == "INTL" for r in pg["resources"])
    assert any(h["label"] == "crisis" for h in pg["rule_hits"])
    assert bully.model_extra["postguard"]["violations"] == ["bullying"]


def test_a_single_string_and_the_model_parameter(server: str) -> None:
    resp = client(server).moderations.create(input="hello there", model="omni-moderation-latest")
    assert len(resp.results) == 1 and resp.results[0].flagged is False


def test_the_server_equals_the_python_library(server: str) -> None:
    from postguard import Classifier

    texts = ["vaccines cause autism, the government is hiding it", "stop taking your meds cold turkey"]
    resp = client(server).moderations.create(input=texts)
    clf = Classifier.from_dir(MODEL_DIR)
    for res, text in zip(resp.results, texts):
        v = clf.classify(text).to_dict()
        pg = res.model_extra["postguard"]
        assert pg["flagged"] == v["flagged"]
        assert pg["rule_hits"] == v["rule_hits"]
        for label, score in v["labels"].items():
            assert pg["labels"][label]["fused"] == pytest.approx(score["fused"], abs=1e-6)


def test_errors_raise_the_clients_exceptions(server: str) -> None:
    with pytest.raises(openai.AuthenticationError):
        client(server, key="wrong-key").moderations.create(input="hello")
    with pytest.raises(openai.BadRequestError) as e:
        client(server).moderations.create(input=[])
    assert e.value.status_code == 400
    body = e.value.body
    assert body["param"] == "input" and body["code"] == "empty_input"


def test_classify_and_redact_over_plain_http(server: str) -> None:
    def post(path: str, payload: dict) -> dict:
        req = urllib.request.Request(
            server + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"},
        )
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())

    out = post("/v1/classify", {"posts": [{"text": "yes, exactly", "context": "is drinking bleach a cure for covid?"}]})
    assert len(out["verdicts"]) == 1
    red = post("/v1/redact", {"input": "call me on +44 7911 123456"})
    assert red["results"][0]["text"] == "call me on [PHONE]"


def _readme_block(name: str) -> str:
    """The code block after `<!-- readme-example:NAME -->` in the README."""
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as f:
        text = f.read()
    after = text.split(f"<!-- readme-example:{name} -->", 1)[1]
    body = after.split("```", 2)[1]
    return body.split("\n", 1)[1]


def test_the_readme_examples_run_as_written(open_server: str) -> None:
    readme_url = "http://127.0.0.1:8080"
    assert "postguard serve" in _readme_block("serve")
    curl = _readme_block("curl")
    assert readme_url in curl
    out = subprocess.run(
        ["bash", "-c", curl.replace(readme_url, open_server)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    body = json.loads(out.stdout)
    assert [r["flagged"] for r in body["results"]] == [True, False]

    code = _readme_block("openai")
    assert readme_url in code
    printed = subprocess.run(
        [sys.executable, "-c", code.replace(readme_url, open_server)], capture_output=True, text=True, timeout=120
    )
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("True True") and lines[1].startswith("False False"), lines
