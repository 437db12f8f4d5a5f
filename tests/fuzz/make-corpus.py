#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Regenerates the seed corpora of tests/fuzz from the recorded API traffic in tests/data/cassettes.

A developer tool (ctest never runs it): the seeds are copied into the repository, so the replay
tests and the fuzzers never read anything outside the repository. Run it from anywhere:

    tests/fuzz/make-corpus.py                       # cassettes, sample CSVs, templates
    tests/fuzz/make-corpus.py --sandbox build/app/aleph-sandbox   # also answers of the endpoints
                                                    # no cassette covers (translate, embeddings, ...)

Files it writes start with "cassette-", "synthetic-", "resource-" or (with --sandbox) "sandbox-";
before writing it deletes the files with the prefixes it regenerates, and leaves every other file
(inputs saved by hand or by a fuzzer run) alone.

Seeds are kept small so the fuzzers stay fast: vectors are cut to 8 numbers, lists of vectors to
3, strings to 512 characters (base64 stays base64), and bodies of the same structure (same keys,
same types) are kept once per endpoint.
"""

import argparse
import hashlib
import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASSETTES = ROOT / "tests" / "data" / "cassettes"
CORPUS = HERE / "corpus"

# Selector bytes of fuzz_responses.cpp (kTypes): keep in step.
RESPONSE = {
    "complete": 0, "complete-stream": 1, "chat/completions": 2, "chat-stream": 3, "explain": 4,
    "semantic_embed": 5, "instructable_embed": 5, "batch_semantic_embed": 6, "embed": 7,
    "embeddings": 8, "gradient": 9, "tokenize": 10, "detokenize": 11, "evaluate": 12,
    "translate": 13, "rerank": 14, "steering_concepts": 15, "model-settings": 16,
    "models_available": 17, "users/me": 18, "error": 19,
}
REQUEST = {
    "complete": 20, "chat/completions": 21, "explain": 22, "evaluate": 23, "semantic_embed": 24,
    "batch_semantic_embed": 25, "instructable_embed": 26, "embed": 27, "embeddings": 28,
    "translate": 29, "rerank": 30, "steering_concepts": 31, "tokenize": 32, "detokenize": 33,
    "gradient": 34,
}
ERROR_STATUSES = [400, 401, 402, 403, 404, 408, 422, 429, 500, 502, 503, 504]
MAX_PER_KIND = 4


def shrink(value):
    """A smaller copy with the same structure."""
    if isinstance(value, list):
        if value and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return value[:8]
        if len(value) > 3 and all(isinstance(v, list) for v in value):
            value = value[:3]
        return [shrink(v) for v in value]
    if isinstance(value, dict):
        return {k: shrink(v) for k, v in value.items()}
    if isinstance(value, str) and len(value) > 512:
        return value[:512]
    return value


def signature(value):
    """The structure of a JSON value: keys and types, not the values."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{k}:{signature(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, list):
        return "[" + ",".join(sorted({signature(v) for v in value})) + "]"
    return type(value).__name__


class Writer:
    def __init__(self, name, prefixes):
        self.dir = CORPUS / name
        self.dir.mkdir(parents=True, exist_ok=True)
        for f in self.dir.iterdir():
            if f.is_file() and f.name.startswith(prefixes):
                f.unlink()
        self.seen = set()
        self.count = {}
        self.written = 0

    def add(self, prefix, label, data, kind=None, key=None):
        kind = kind or label
        key = key if key is not None else data
        if (kind, key) in self.seen or self.count.get(kind, 0) >= MAX_PER_KIND:
            return
        self.seen.add((kind, key))
        self.count[kind] = self.count.get(kind, 0) + 1
        slug = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_")
        digest = hashlib.sha1(data).hexdigest()[:10]
        (self.dir / f"{prefix}-{slug}-{digest}").write_bytes(data)
        self.written += 1


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def interactions():
    for path in sorted(CASSETTES.rglob("*.json")):
        for i in json.loads(path.read_text())["interactions"]:
            yield path.relative_to(CASSETTES), i


def sse_events(body):
    for block in re.split(r"\r?\n\r?\n", body):
        data = [line[5:].lstrip(" ") for line in re.split(r"\r?\n", block) if line.startswith("data:")]
        if data:
            yield "\n".join(data)


def responses_and_sse():
    responses = Writer("responses", ("cassette-",))
    sse = Writer("sse", ("cassette-", "synthetic-"))
    for file, i in interactions():
        endpoint = i["path"].removeprefix("/v1/")
        body = i["response_body"]
        if i["status"] >= 400:
            status = ERROR_STATUSES.index(i["status"]) if i["status"] in ERROR_STATUSES else 0
            payload = bytes([RESPONSE["error"], status]) + b"\n" + compact(body)
            responses.add("cassette", "error " + endpoint, payload, key=signature(body))
        elif isinstance(body, str):  # a text/event-stream body
            raw = body.encode()
            sse.add("cassette", file.stem, raw, kind=file.stem)
            stream = "chat-stream" if endpoint == "chat/completions" else "complete-stream"
            for data in sse_events(body):
                if data == "[DONE]":
                    continue
                event = json.loads(data)
                responses.add("cassette", stream, bytes([RESPONSE[stream]]) + compact(shrink(event)),
                              key=signature(event))
        elif endpoint in RESPONSE:
            small = shrink(body)
            responses.add("cassette", endpoint, bytes([RESPONSE[endpoint]]) + compact(small), key=signature(small))
        request = i.get("request_body")
        if isinstance(request, (dict, list)) and endpoint in REQUEST:
            small = shrink(request)
            responses.add("cassette", endpoint + " request", bytes([REQUEST[endpoint]]) + compact(small),
                          key=signature(small))
    add_sse_variants(sse)
    return responses, sse


# The answers fuzz_fast_json.cpp compares on both paths (core/api/FastJson.h), with the selector
# numbers of RESPONSE.
FAST = ("complete", "explain", "semantic_embed", "instructable_embed", "batch_semantic_embed",
        "embed", "embeddings", "gradient", "tokenize", "evaluate")
# Bodies where the two paths could part: invalid JSON, numbers at the edges, duplicate keys, escapes,
# deep nesting, wrong types inside vectors.
FAST_SYNTHETIC = [
    ("semantic_embed", b'{"embedding":[1,2,'),
    ("semantic_embed", b'{"embedding":[1e400,2]}'),
    ("semantic_embed", b'{"embedding":[1e-400,2],"x":[0.0e-999,1.0,1e2,-0.0]}'),
    ("semantic_embed", b'{"embedding":[123456789012345678901234567890]}'),
    ("semantic_embed", b'{"embedding":[3.4028235e38,3.4028236e38]}'),
    ("semantic_embed", b'{"embedding":[-0,1E2,-1e-320],"num_tokens_prompt_total":2.5}'),
    ("semantic_embed", b'{"embedding":[1],"embedding":[2,3],"a":{"b":1,"b":null}}'),
    ("semantic_embed", b'{"embedding":[1],"model_version":"a\\u0000\\ud800\\"x"}'),
    ("semantic_embed", b'{"embedding":[1],"model_version":"\xc3\x28"}'),
    ("semantic_embed", b"[" * 600 + b"]" * 600),
    ("batch_semantic_embed", b'{"embeddings":[[1,2],[3,"4"],{}]}'),
    ("embed", b'{"embeddings":{"layer_2":{"mean":[1],"max":"x"},"layer_1":{"b":{}}}}'),
    ("tokenize", b'{"tokens":["a"],"token_ids":[1,9007199254740993,18446744073709551615]}'),
    ("complete", b'{"model_version":"x","completions":[{"log_probs":[{"b":1,"a":"x"}]}]}'),
    ("explain", b'{"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1}]}]}]}'),
]


def fast_json_seeds():
    out = Writer("fast_json", ("cassette-", "synthetic-"))
    for file, i in interactions():
        endpoint = i["path"].removeprefix("/v1/")
        body = i["response_body"]
        if endpoint not in FAST or i["status"] >= 400 or not isinstance(body, dict):
            continue
        small = shrink(body)
        out.add("cassette", endpoint, bytes([RESPONSE[endpoint]]) + compact(small), key=signature(small))
    for n, (endpoint, body) in enumerate(FAST_SYNTHETIC):
        out.add("synthetic", f"{endpoint} {n}", bytes([RESPONSE[endpoint]]) + body)
    return out


def add_sse_variants(sse):
    """Line-ending and field variants of the recorded streams, which use LF and data: only."""
    bodies = [p.read_bytes() for p in sorted(sse.dir.glob("cassette-*"))]
    for n, body in enumerate(bodies):
        head = body[:1500]
        sse.add("synthetic", f"crlf-{n}", head.replace(b"\n", b"\r\n"))
        sse.add("synthetic", f"cr-{n}", head.replace(b"\n", b"\r"))
        sse.add("synthetic", f"fields-{n}", b": keep-alive\n\nretry: 3000\nid: 1\nevent: message\n" + head.replace(b"data: ", b"data:", 1))
    sse.add("synthetic", "multiline", b"event: chunk\nid: 7\ndata: {\"a\":\ndata:  1}\n\n: comment\ndata\n\ndata:\n\nid: x\x00y\ndata: z\n\n")
    sse.add("synthetic", "cut-mid-event", b"data: {\"type\":\"stream_chunk\",\"index\":0,\"completion\":\" Hel")
    sse.add("synthetic", "bom-and-unknown", b"\xef\xbb\xbfdata: 1\n\nfoo: bar\ndata: 2\r\n\r\n")


CSV_SEEDS = {
    "semicolon": "label;text\nfood;\"Bread; butter\"\nsport;Ran 5 km\n",
    "tab": "id\ttext\tlabel\n1\tHello\ta\n2\t\"Quoted\ttab\"\tb\n",
    "quoted-newlines": "text,label\r\n\"Line one\r\nline two\",x\r\n\"He said \"\"hi\"\"\",y\r\n",
    "bom": "\ufefftext,category\nfirst,a\nsecond,b\n",
    "steering-pairs": "negative,positive\nThe food was bad.,The food was wonderful.\n\"No, never.\",\"Yes, always.\"\n",
    "blank-lines": "a,b\n\n1,2\n\n\n3,4",
    "single-column": "text\nalpha\n\"\"\nbeta\n",
    "ragged": "a,b\n1,2,3\n",
    "unclosed-quote": "a,b\n\"open,2\n",
    "stray-quote": "a,b\nx\"y,2\n",
    "after-quote": "a,b\n\"x\"y,2\n",
    "cr-only": "a,b\r1,2\r3,4\r",
    "unicode": "Text,Topic\nGrüße aus Köln 😀,greetings\n日本語のテキスト,ja\n",
}


def csv_seeds():
    csv = Writer("csv", ("resource-", "synthetic-"))
    for path in sorted((ROOT / "resources" / "embeddings").glob("*.csv")):
        csv.add("resource", path.stem, path.read_bytes())
    for name, text in CSV_SEEDS.items():
        csv.add("synthetic", name, text.encode())
    csv.add("synthetic", "utf16", "a,b\n1,2\n".encode("utf-16"))
    csv.add("synthetic", "latin1", "a,b\nGr\xfc\xdfe,1\n".encode("latin-1"))
    return csv


LLAMA = ("<|begin_of_text|>{% for message in messages %}<|start_header_id|>{{message.role}}<|end_header_id|>\n\n"
         "{{message.content}}<|eot_id|>{% endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n")
TEMPLATES = {
    # The shape of the sandbox chat model's template (sandbox/ModelTable.cpp, Llama 3.1).
    "llama-3.1": LLAMA,
    "dashes-and-brackets": "{%- for message in messages -%}[{{- message['role'] -}}]{{ message[\"content\"] }}{% endfor %}>",
    "if-fallback": "{% if x %}{% endif %}{% for message in messages %}{{ message.content }}{% endfor %}",
    "filter-fallback": "{% for message in messages %}{{ message.content | trim }}{% endfor %}",
    "two-loops": "{% for message in messages %}{{ message.role }}{% endfor %}{% for message in messages %}{{ message.content }}{% endfor %}",
    "no-template": "",
    "role-twice": "### {% for message in messages %}{{message.role}}: {{message.content}} ({{message.role}})\n{% endfor %}### Assistant:",
}


def template_seeds(sandbox_templates):
    out = Writer("prompt_template", ("cassette-", "synthetic-") + (("sandbox-",) if sandbox_templates else ()))
    chats = []
    for _, i in interactions():
        request = i.get("request_body")
        if i["path"].endswith("chat/completions") and isinstance(request, dict):
            messages = []
            for m in request.get("messages", []):
                content = m.get("content")
                if isinstance(content, list):
                    content = "\x1f".join(p.get("text", "") for p in content if p.get("type") == "text")
                messages.append((m.get("role", ""), (content or "")[:512]))
            if messages and messages not in chats:
                chats.append(messages)
    # Templates with the chats of the recordings ("cassette-"), the sandbox's own ("sandbox-").
    templates = [("cassette", name, t) for name, t in TEMPLATES.items()]
    templates += [("sandbox", name, t) for name, t in sandbox_templates.items() if t not in TEMPLATES.values()]
    for prefix, name, template in templates:
        for n, chat in enumerate(chats[:3] if name == "llama-3.1" or prefix == "sandbox" else chats[:1]):
            fields = [template] + [x for m in chat for x in m]
            out.add(prefix, f"{name}-chat{n}", "\0".join(fields).encode(), kind=(prefix, name))
    # Roles and texts that look like template syntax or regex replacement syntax.
    tricky = [LLAMA, "user", "Hi {{ message.role }} {% endfor %}", "assistant", "\\1 $1 \\\\ {{message.content}}"]
    out.add("synthetic", "tricky-texts", "\0".join(tricky).encode())
    return out


def record_sandbox(binary):
    """Answers of the endpoints without cassettes, from the offline sandbox."""
    proc = subprocess.Popen([binary, "--listen", "127.0.0.1", "--port", "0", "--token", "sandbox"],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        base = re.search(r"(http://\S+/v1)", line).group(1)
        root = base.removesuffix("/v1")

        def call(path, body=None, headers=None):
            req = urllib.request.Request(path if path.startswith("http") else f"{base}/{path}",
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer sandbox", "Content-Type": "application/json",
                                                  **(headers or {})})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    return r.status, r.read()
            except urllib.error.HTTPError as e:
                return e.code, e.read()

        responses = Writer("responses", ("sandbox-",))
        calls = [
            ("model-settings", None, None),
            ("models_available", None, None),
            ("users/me", None, None),
            ("translate", {"model": "sandbox-pharia-1-mt-translation", "source": "Hello world. How are you?", "target_language": "de"}, None),
            ("embeddings", {"model": "sandbox-pharia-1-embedding", "input": ["one", "two"]}, None),
            ("embeddings", {"model": "sandbox-pharia-1-embedding", "input": "one", "encoding_format": "base64", "dimensions": 4}, None),
            ("steering_concepts", {"examples": [{"negative": "bad", "positive": "good"}]}, None),
            ("rerank", {"model": "sandbox-bge-reranker-v2-m3", "query": "q", "documents": ["a", "b"]}, None),
            ("complete", {"model": "sandbox-luminous-base", "prompt": "x"}, None),
            (f"{root}/gradient/api/embeddings/bge-large", {"inputs": [{"input": "a"}, {"input": "b"}]}, {"x-gradient-workspace-id": "ws"}),
            ("complete", {"model": "no-such-model", "prompt": "x"}, None),
        ]
        templates = {}
        for path, body, headers in calls:
            status, raw = call(path, body, headers)
            name = "gradient" if "gradient" in path else path
            if status >= 400:
                payload = bytes([RESPONSE["error"], ERROR_STATUSES.index(status) if status in ERROR_STATUSES else 0]) + b"\n" + raw
                responses.add("sandbox", "error " + name, payload, key=raw)
                continue
            value = json.loads(raw)
            if name == "model-settings":
                for m in value:
                    if m.get("prompt_template"):
                        templates[m["name"]] = m["prompt_template"]
            responses.add("sandbox", name, bytes([RESPONSE[name]]) + compact(shrink(value)), key=raw)
            if body is not None and name in REQUEST:
                responses.add("sandbox", name + " request", bytes([REQUEST[name]]) + compact(body), key=compact(body))
        return responses, templates
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sandbox", help="aleph-sandbox executable: also record the endpoints without cassettes")
    args = parser.parse_args()
    if not CASSETTES.is_dir():
        sys.exit(f"no cassettes at {CASSETTES}")
    writers = list(responses_and_sse()) + [csv_seeds(), fast_json_seeds()]
    templates = {}
    if args.sandbox:
        sandbox, templates = record_sandbox(args.sandbox)
        writers.append(sandbox)
    writers.append(template_seeds(templates))
    for w in writers:
        print(f"{w.dir.relative_to(ROOT)}: {w.written} seeds written")


if __name__ == "__main__":
    main()
