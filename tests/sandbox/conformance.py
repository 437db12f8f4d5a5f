#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Sandbox conformance: every kind of aleph-sandbox response validated against the schemas of the
API's OpenAPI file, with Debian's python3-jsonschema.

Starts the aleph-sandbox executable on a free port, reads its "aleph-sandbox listening on <url>"
line, sends one request of each kind (streams included), and checks each answer (and each streamed
event) against the schema the spec gives for that endpoint and status. Exits 1 on the first
mismatch, naming the endpoint and the failing part of the body.

Usage: conformance.py --sandbox build/app/aleph-sandbox --spec tests/data/openapi/aleph-alpha-inference-openapi.json
"""
import argparse
import base64
import contextlib
import copy
import io
import json
import subprocess
import sys
import urllib.error
import urllib.request

import jsonschema

NUMERIC_KEYS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
                "minLength", "maxLength"}


def to_json_schema(node):
    """OpenAPI 3.0 schema objects → JSON Schema: `nullable` becomes a null alternative, and the
    numeric keywords this spec writes as strings ("maximum": "100") become numbers."""
    if isinstance(node, list):
        return [to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in NUMERIC_KEYS and isinstance(value, str):
            try:
                value = float(value) if "." in value else int(value)
            except ValueError:
                continue
        if key in ("example", "examples", "default"):
            continue
        out[key] = to_json_schema(value)
    if out.pop("nullable", False) in (True, "true"):  # this spec also writes "nullable": "false"
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def apply_errata(doc):
    """Where the spec and the live service (recorded in tests/data/cassettes) disagree, the service
    wins (DESIGN.md: "sources of truth, in this order"). Each change names its evidence."""
    completion = doc["components"]["schemas"]["CompletionResponse"]["properties"]["completions"]["items"]
    # The spec says "type: object", its own description says "list with a dictionary for each
    # generated token", and test_complete/test_complete.json records a list of objects.
    completion["properties"]["log_probs"] = {"anyOf": [{"type": "array", "items": {"type": "object"}}, {"type": "null"}]}

    # Chat's finish_reason enum lacks "tool_calls", which test_chat/test_can_chat_with_tools.json
    # records (and the spec's own tool calling produces).
    def walk(node):
        if isinstance(node, dict):
            if node.get("enum") == ["stop", "length", "content_filter"]:
                node["enum"] = node["enum"] + ["tool_calls"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(doc["components"]["schemas"]["ChatResponseMessage"])
    # The last chunk of a chat stream carries an empty delta next to its finish_reason
    # (test_chat/test_can_chat_with_streaming_support.json), so "content" is not required there.
    doc["components"]["schemas"]["ChatResponseMessage"]["properties"]["delta"].pop("required", None)
    # `logprobs` is null in every choice that did not ask for it (test_chat/test_can_chat_with_chat_model.json
    # and every chunk of test_can_chat_with_streaming_support.json; the spec's description says null
    # too). In a stream, `system_fingerprint` is null but in the last chunk and `usage` is null (the
    # same recording; the spec's descriptions of both say so).
    # Likewise `finish_reason` is null in every chunk but the last (same recording).
    props = doc["components"]["schemas"]["ChatResponseMessage"]["properties"]
    for key in ("logprobs", "finish_reason"):
        props[key] = {"anyOf": [props[key], {"type": "null"}]}
    chat = doc["components"]["schemas"]["ChatResponse"]["properties"]
    for key in ("system_fingerprint", "usage"):
        chat[key] = {"anyOf": [chat[key], {"type": "null"}]}


class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = to_json_schema(json.load(f))
        apply_errata(self.doc)
        self.resolver = jsonschema.RefResolver.from_schema(self.doc)

    def component(self, name):
        return {"$ref": "#/components/schemas/" + name}

    def response(self, path, method, status, content_type="application/json"):
        return self.doc["paths"][path][method]["responses"][str(status)]["content"][content_type]["schema"]

    def check(self, what, schema, value):
        validator = jsonschema.Draft7Validator(schema, resolver=self.resolver)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            e = errors[0]
            where = "/".join(str(p) for p in e.absolute_path) or "(root)"
            raise SystemExit(f"FAIL {what}: at {where}: {e.message[:400]}")
        print(f"ok   {what}")


def check_client_accepts_version(text):
    """The official client's validate_version(): packaging.version.parse(text) must have the major
    version of its MIN_API_VERSION 1.19.0 and not be lower (reference/CLIENT-SEMANTICS.md §3). PEP 440's
    release segment with an optional local label ("+sandbox"), which sorts after the plain release."""
    import re
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(\+[a-z0-9]+(?:[._-][a-z0-9]+)*)?", text, re.IGNORECASE)
    assert m, f"GET /version {text!r} is not a PEP 440 version"
    release = tuple(int(g) for g in m.groups()[:3])
    assert release[0] == 1 and release >= (1, 19, 0), f"GET /version {text!r}: the client requires 1.x >= 1.19.0"
    print(f"ok   GET /version {text!r} satisfies the official client")


def png_base64():
    # A 2 × 2 PNG made by hand (zlib-compressed RGB rows), so the script needs no imaging library.
    import struct
    import zlib
    raw = b"".join(b"\x00" + b"\xd0\x20\x20" * 2 for _ in range(2))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return base64.b64encode(png).decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sandbox", required=True)
    parser.add_argument("--spec", required=True)
    args = parser.parse_args()
    spec = Spec(args.spec)
    with sandbox_process(args.sandbox) as base:
        run(spec, base)


@contextlib.contextmanager
def sandbox_process(executable):
    """Runs the aleph-sandbox executable on a free port; gives its base URL (".../v1")."""
    process = subprocess.Popen([executable, "--port", "0", "--tokens-per-second", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline().strip()
        prefix = "aleph-sandbox listening on "
        if not line.startswith(prefix):
            raise SystemExit(f"FAIL the sandbox printed {line!r} instead of '{prefix}<url>'")
        yield line[len(prefix):]
    finally:
        process.terminate()
        process.wait(10)


def call(base, method, endpoint, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + "/" + endpoint, data=data, method=method)
    request.add_header("Authorization", "Bearer sandbox")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.headers.get("Content-Type", ""), reply.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def events(raw):
    out = []
    for block in raw.decode().split("\n\n"):
        block = block.strip()
        if block.startswith("data: "):
            payload = block[len("data: "):]
            if payload != "[DONE]":
                out.append(json.loads(payload))
    return out


def run(spec, base):
    base_model, chat_model = "sandbox-luminous-base", "sandbox-llama-3.1-8b-instruct"
    image = png_base64()

    # GETs
    for endpoint in ("model-settings", "models_available", "users/me"):
        status, _, body = call(base, "GET", endpoint)
        assert status == 200, (endpoint, status)
        spec.check(f"GET /{endpoint}", spec.response("/" + endpoint, "get", 200), json.loads(body))
    status, ctype, body = call(base, "GET", "version")
    assert status == 200 and ctype.startswith("text/plain"), (status, ctype)
    spec.check("GET /version", spec.response("/version", "get", 200, "text/plain"), body.decode())
    check_client_accepts_version(body.decode())
    status, ctype, body = call(base, "GET", f"models/{base_model}/tokenizer")
    assert status == 200 and ctype.startswith("application/json"), (status, ctype)
    spec.check("GET /models/{modelName}/tokenizer", spec.response("/models/{modelName}/tokenizer", "get", 200),
               json.loads(body))

    # /complete, plain and with every optional output, then streamed
    complete = {"model": base_model, "prompt": [{"type": "text", "data": "The weather today is"},
                                                {"type": "image", "data": image}],
                "maximum_tokens": 6, "log_probs": 2, "tokens": True, "raw_completion": True, "echo": True, "n": 2,
                "temperature": 0.5}
    status, _, body = call(base, "POST", "complete", complete)
    assert status == 200, body
    spec.check("POST /complete", spec.component("CompletionResponse"), json.loads(body))
    # `tags`: the official client's option (added to every POST body); the service accepts it.
    status, _, body = call(base, "POST", "complete", dict(complete, tags=["conformance"]))
    assert status == 200, body
    status, ctype, body = call(base, "POST", "complete", dict(complete, stream=True, log_probs=None, tokens=False))
    assert status == 200 and ctype.startswith("text/event-stream"), (status, ctype)
    kinds = {"stream_chunk": "StreamChunk", "stream_summary": "StreamSummary", "completion_summary": "CompletionSummary"}
    seen = set()
    for event in events(body):
        schema = kinds[event["type"]]
        spec.check(f"POST /complete stream event {event['type']}", spec.component(schema), event)
        seen.add(event["type"])
    assert seen == set(kinds), seen

    # /chat/completions: the spec declares an array of ChatResponse; the real service (recorded
    # traffic) and the sandbox answer one object, which is checked against the item schema.
    chat_items = spec.response("/chat/completions", "post", 200)["items"]
    chat = {"model": chat_model, "messages": [{"role": "system", "content": "Be brief."},
                                              {"role": "user", "content": "Hello, how are you?"}],
            "max_tokens": 8, "logprobs": True, "top_logprobs": 2}
    status, _, body = call(base, "POST", "chat/completions", chat)
    assert status == 200, body
    spec.check("POST /chat/completions", chat_items, json.loads(body))
    status, _, body = call(base, "POST", "chat/completions", dict(chat, logprobs=None, top_logprobs=None, tags=["x"]))
    assert status == 200, body
    spec.check("POST /chat/completions (tags, no logprobs)", chat_items, json.loads(body))
    tools = {"model": chat_model, "messages": [{"role": "user", "content": "Call get_weather for Berlin."}],
             "tools": [{"type": "function", "function": {"name": "get_weather",
                                                         "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]}
    status, _, body = call(base, "POST", "chat/completions", tools)
    spec.check("POST /chat/completions (tool call)", chat_items, json.loads(body))
    status, _, body = call(base, "POST", "chat/completions",
                           dict(chat, stream=True, logprobs=None, top_logprobs=None, stream_options={"include_usage": True}))
    for event in events(body):
        spec.check("POST /chat/completions stream chunk", chat_items, event)

    # the rest, one request each
    requests = [
        ("tokenize", {"model": base_model, "prompt": "Hello, world!", "tokens": True, "token_ids": True}, "TokenizationResponse"),
        ("detokenize", {"model": base_model, "token_ids": [1, 2, 300]}, "DetokenizationResponse"),
        ("evaluate", {"model": base_model, "prompt": "Berlin is the capital of", "completion_expected": " Germany"}, "EvaluationResponse"),
        ("explain", {"model": base_model, "prompt": [{"type": "text", "data": "I like pizza. My favourite food is"},
                                                     {"type": "image", "data": image},
                                                     {"type": "token_ids", "data": [5, 6]}],
                     "target": " pizza", "target_granularity": "token"}, "ExplanationResponse"),
        ("embed", {"model": base_model, "prompt": "abc", "layers": [0, -1], "pooling": ["mean", "max"], "tokens": True}, "EmbeddingResponse"),
        ("semantic_embed", {"model": base_model, "prompt": "hello", "representation": "query", "compress_to_size": 128}, "SemanticEmbeddingResponse"),
        ("batch_semantic_embed", {"model": base_model, "prompts": ["a", "b"], "representation": "document", "normalize": True}, "BatchSemanticEmbeddingResponse"),
        ("instructable_embed", {"model": "sandbox-pharia-1-embedding", "input": "hello", "instruction": "Represent the text"}, "SemanticEmbeddingResponse"),
        ("embeddings", {"model": "sandbox-pharia-1-embedding", "input": ["one", "two"], "dimensions": 64}, "EmbeddingV2Response"),
        ("embeddings", {"model": "sandbox-pharia-1-embedding", "input": [[5, 6, 7]], "encoding_format": "base64"}, "EmbeddingV2Response"),
        ("translate", {"model": "sandbox-pharia-1-mt-translation", "source": "Hello world. Good day.", "target_language": "de"}, "TranslationResponse"),
        ("rerank", {"query": "cat", "documents": ["a cat", "a car"], "top_n": 1}, "RerankResponse"),
    ]
    for endpoint, body_json, _ in requests:
        status, _, body = call(base, "POST", endpoint, body_json)
        assert status == 200, (endpoint, status, body)
        spec.check(f"POST /{endpoint}", spec.response("/" + endpoint, "post", 200), json.loads(body))
    status, _, body = call(base, "POST", "steering_concepts", {"examples": [{"negative": "car", "positive": "pizza"}]})
    assert status == 201, (status, body)
    spec.check("POST /steering_concepts", spec.response("/steering_concepts", "post", 201), json.loads(body))

    # errors keep the real service's shape: {"error": <message>, "code": <code>}
    error_shape = {"type": "object", "required": ["error", "code"],
                   "properties": {"error": {"type": "string", "minLength": 1}, "code": {"type": "string"}}}
    for what, endpoint, body_json, headers, expected in [
        ("400 validation", "complete", {"model": base_model, "prompt": "x", "top_p": 2}, {}, 400),
        ("400 unknown model", "complete", {"model": "nope", "prompt": "x"}, {}, 400),
        ("401", "complete", {"model": base_model, "prompt": "x"}, {"Authorization": "Bearer wrong"}, 401),
        ("402 injected", "complete", {"model": base_model, "prompt": "x"}, {"X-Sandbox-Fault": "quota"}, 402),
        ("429 injected", "complete", {"model": base_model, "prompt": "x"}, {"X-Sandbox-Fault": "rate-limit:2"}, 429),
        ("503 injected", "complete", {"model": base_model, "prompt": "x"}, {"X-Sandbox-Fault": "busy"}, 503),
    ]:
        status, _, body = call(base, "POST", endpoint, body_json, headers)
        assert status == expected, (what, status, body)
        spec.check(f"error {what}", error_shape, json.loads(body))
    print("all sandbox responses conform to the OpenAPI schemas")


if __name__ == "__main__":
    main()
