#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The official Python client's bulk embedding pattern, as a baseline for `alephctl embed`.

What aleph-alpha-client's AsyncClient.batch_semantic_embed does (reference/CLIENT-SEMANTICS.md
§5.7): the texts in chunks of 100, one POST /batch_semantic_embed per chunk with the client's body
(prompts as item lists, representation, compress_to_size, normalize, contextual_control_threshold,
control_log_additive, model), up to 4 chunk calls in flight (an asyncio semaphore over aiohttp),
each answer read with `json.loads` and its vectors kept as Python lists, reassembled in prompt
order. `--pattern single` is the one-request-per-text pattern instead (LangChain's
embed_documents over semantic_embed: one POST /semantic_embed per text, one after another).

Like `alephctl embed`, it prints one JSON array per text (so that both runs do the same work end to
end). tests/bench/embed-side-by-side.py runs it against aleph-sandbox next to alephctl.

    embed-baseline.py --host http://127.0.0.1:PORT --token sandbox --file texts.txt \\
        [--compress-to-size 128] [--pattern batch|single] [--concurrency 4] > vectors.jsonl

Needs Debian's python3-aiohttp.
"""

import argparse
import asyncio
import json
import sys

import aiohttp


def prompt(text):
    # Prompt.from_text(text).to_json(): one text item with an empty controls list.
    return [{"type": "text", "data": text, "controls": []}]


def options(args):
    return {
        "representation": "symmetric",
        "compress_to_size": args.compress_to_size,
        "normalize": False,
        "contextual_control_threshold": None,
        "control_log_additive": True,
        "model": args.model,
    }


async def post(session, url, body):
    async with session.post(url, json=body) as response:
        text = await response.text()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}: {text[:200]}")
        return json.loads(text)


async def batch(session, args, texts):
    """AsyncClient.batch_semantic_embed(num_concurrent_requests=4, batch_size=100)."""
    semaphore = asyncio.Semaphore(args.concurrency)
    url = args.host.rstrip("/") + "/batch_semantic_embed"

    async def chunk(start):
        body = {"prompts": [prompt(t) for t in texts[start:start + args.batch_size]], **options(args)}
        async with semaphore:
            answer = await post(session, url, body)
        return answer["embeddings"]

    chunks = await asyncio.gather(*(chunk(s) for s in range(0, len(texts), args.batch_size)))
    return [vector for part in chunks for vector in part]


async def single(session, args, texts):
    """One /semantic_embed request per text, one after another."""
    url = args.host.rstrip("/") + "/semantic_embed"
    out = []
    for text in texts:
        answer = await post(session, url, {"prompt": prompt(text), **options(args)})
        out.append(answer["embedding"])
    return out


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", required=True, help="base URL with /v1, e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--token", default="sandbox")
    parser.add_argument("--model", default="luminous-base")
    parser.add_argument("--file", required=True, help="one text per line")
    parser.add_argument("--compress-to-size", type=int, default=None)
    parser.add_argument("--pattern", choices=["batch", "single"], default="batch")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()
    with open(args.file, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f if line.strip()]
    headers = {"Authorization": f"Bearer {args.token}", "User-Agent": "Aleph-Alpha-Python-Client"}
    # The client's session: one connection pool, no total timeout while a batch runs.
    async with aiohttp.ClientSession(headers=headers, timeout=aiohttp.ClientTimeout(total=None)) as session:
        run = batch if args.pattern == "batch" else single
        vectors = await run(session, args, texts)
    if len(vectors) != len(texts):
        sys.exit(f"embed-baseline: {len(vectors)} vectors for {len(texts)} texts")
    out = sys.stdout
    for v in vectors:
        out.write(json.dumps(v, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    asyncio.run(main())
