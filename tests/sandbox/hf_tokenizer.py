#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The sandbox's GET /models/{modelName}/tokenizer against its own /tokenize and /detokenize.

The answer is a Hugging Face `tokenizers` file (tokenizer.json), what the official client loads
with Tokenizer.from_str. Debian has no python3-tokenizers, so this script applies the file the way
the library does, with the standard library only, for the components the file may use: added
tokens (split out first), normalizers Sequence / Replace, pre-tokenizers Sequence / Split /
ByteLevel, the WordPiece model, and decoders Sequence / Replace / ByteLevel. Anything else in the
file is a failure (the library would read it, this script cannot vouch for it). Then:
- the file's shape: the keys of tokenizer.json, one token per id with ids 0..N-1, where N is the
  first id /detokenize refuses;
- encoding many texts (fixed ones with the hard cases, and random mixes of vocabulary words, pieces,
  digits, punctuation, white space and non-ASCII characters) gives /tokenize's ids and its token
  strings;
- decoding those ids gives /detokenize's text.
Exits 1 on the first mismatch, naming the text.

Usage: hf_tokenizer.py --sandbox build/app/aleph-sandbox
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conformance import call, sandbox_process  # noqa: E402

MODEL = "sandbox-luminous-base"


def bytes_to_unicode():
    """GPT-2's byte-to-character table, as the ByteLevel pre-tokenizer and decoder use it."""
    direct = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    table, n = {}, 0
    for b in range(256):
        if b in direct:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + n)
            n += 1
    return table


BYTE_FORM = bytes_to_unicode()
FORM_BYTE = {c: b for b, c in BYTE_FORM.items()}


def fail(message):
    raise SystemExit("FAIL " + message)


def pattern_of(spec, where):
    if set(spec) == {"Regex"}:
        return re.compile(spec["Regex"])
    if set(spec) == {"String"}:
        return re.compile(re.escape(spec["String"]))
    fail(f"{where}: pattern {spec!r}")


class HfTokenizer:
    """tokenizer.json applied as the `tokenizers` library does, for the components named above."""

    def __init__(self, doc):
        self.doc = doc
        model = doc["model"]
        if model.get("type") != "WordPiece":
            fail(f"model type {model.get('type')!r}: only WordPiece is interpreted here")
        self.vocab = model["vocab"]
        self.unk = model["unk_token"]
        self.prefix = model["continuing_subword_prefix"]
        self.max_chars = model["max_input_chars_per_word"]
        self.id_to_token = {i: t for t, i in self.vocab.items()}
        for added in doc["added_tokens"]:
            self.id_to_token[added["id"]] = added["content"]
        self.special = [t for t in doc["added_tokens"] if not t["normalized"]]
        self.normalizers = self.flatten(doc["normalizer"], "normalizers")
        self.pretokenizers = self.flatten(doc["pre_tokenizer"], "pretokenizers")
        self.decoders = self.flatten(doc["decoder"], "decoders")
        for n in self.normalizers:
            if n["type"] != "Replace":
                fail(f"normalizer {n['type']}")
            n["compiled"] = pattern_of(n["pattern"], "normalizer")
        for p in self.pretokenizers:
            if p["type"] == "Split":
                if p["behavior"] != "Isolated" or p["invert"]:
                    fail(f"Split behaviour {p['behavior']} invert {p['invert']}")
                p["compiled"] = pattern_of(p["pattern"], "Split")
            elif p["type"] == "ByteLevel":
                if p["add_prefix_space"] or p["use_regex"]:
                    fail("ByteLevel with add_prefix_space or use_regex")
            else:
                fail(f"pre-tokenizer {p['type']}")
        for d in self.decoders:
            if d["type"] not in ("Replace", "ByteLevel"):
                fail(f"decoder {d['type']}")

    @staticmethod
    def flatten(node, key):
        if node is None:
            return []
        return list(node[key]) if node["type"] == "Sequence" else [node]

    def encode(self, text):
        # Added (special) tokens are cut out of the raw text first; the rest goes through the pipeline.
        segments = [(text, None)]
        for added in self.special:
            out = []
            for part, token_id in segments:
                if token_id is not None:
                    out.append((part, token_id))
                    continue
                pieces = part.split(added["content"])
                for k, piece in enumerate(pieces):
                    if k:
                        out.append((added["content"], added["id"]))
                    out.append((piece, None))
            segments = out
        ids, tokens = [], []
        for part, token_id in segments:
            if token_id is not None:
                ids.append(token_id)
                tokens.append(part)
                continue
            for token in self.encode_segment(part):
                ids.append(self.vocab[token])
                tokens.append(token)
        return ids, tokens

    def encode_segment(self, text):
        for n in self.normalizers:
            content = n["content"]
            text = n["compiled"].sub(lambda _m: content, text)
        words = [text] if text else []
        for p in self.pretokenizers:
            if p["type"] == "Split":
                split = []
                for word in words:
                    last = 0
                    for m in p["compiled"].finditer(word):
                        if m.start() == m.end():
                            continue
                        if m.start() > last:
                            split.append(word[last:m.start()])
                        split.append(m.group())
                        last = m.end()
                    if last < len(word):
                        split.append(word[last:])
                words = split
            else:  # ByteLevel
                words = ["".join(BYTE_FORM[b] for b in w.encode("utf-8")) for w in words]
        out = []
        for word in words:
            out.extend(self.wordpiece(word))
        return out

    def wordpiece(self, word):
        if len(word) > self.max_chars:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                candidate = word[start:end] if start == 0 else self.prefix + word[start:end]
                if candidate in self.vocab:
                    found = candidate
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces

    def decode(self, ids):
        tokens = [self.id_to_token[i] for i in ids]
        for d in self.decoders:
            if d["type"] == "Replace":
                compiled = pattern_of(d["pattern"], "decoder Replace")
                tokens = [compiled.sub(lambda _m: d["content"], t) for t in tokens]
            else:  # ByteLevel: the characters back to bytes, then UTF-8
                joined = "".join(tokens)
                raw = bytes(FORM_BYTE[c] if c in FORM_BYTE else 0x3F for c in joined)
                tokens = [raw.decode("utf-8", errors="replace")]
        return "".join(tokens)


def tokenize(base, text):
    status, _, body = call(base, "POST", "tokenize", {"model": MODEL, "prompt": text, "tokens": True, "token_ids": True})
    if status != 200:
        fail(f"/tokenize of {text!r}: {status} {body[:200]!r}")
    answer = json.loads(body)
    return answer["token_ids"], answer["tokens"]


def detokenize(base, ids):
    status, _, body = call(base, "POST", "detokenize", {"model": MODEL, "token_ids": ids})
    return status, (json.loads(body).get("result") if status == 200 else None)


def texts(words):
    fixed = [
        "", "Hello, World!", " the theory of models", "the", " the", "theory", "a an the", "A a I",
        "models modelling model", "x the", "xthe the", "the\ue000", "xyz\ue000 the\ue000\ue001 a\ue001",
        "abcdefg 1234567 a1b2c3d4", "Grüße, naïve café 😀 — “quoted”", "a  b   c\n\nd\te\r\n",
        "   leading and trailing   ", "<|endoftext|>", "a<|endoftext|>the", "UPPER lower MiXeD",
        "don't stop-words_and_underscores", "ÿĀ Ġ Ċ", "\u0000\u0001\u007f", "日本語のテキスト",
    ]
    rng = random.Random(19)
    alphabet = "abcXYZ019 ,.;!?'\"-_\n\t()[]{}<>|/\\@#$%^&*+=~`éü€😀\ue000"
    generated = []
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 12)):
            kind = rng.random()
            if kind < 0.45:
                parts.append(rng.choice(words))
            elif kind < 0.7:
                parts.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                     for _ in range(rng.randint(1, 9))))
            else:
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))))
            parts.append(rng.choice([" ", " ", "", "  ", "\n", ", "]))
        generated.append("".join(parts))
    return fixed + generated


def words_of(doc):
    """The vocabulary's words, read back from the file (tokens of four or more letters, and the
    marked short ones)."""
    out = []
    for token in doc["model"]["vocab"]:
        core = token[1:] if token.startswith("Ġ") else token
        core = core.split("î")[0]
        if core.isascii() and core.isalpha() and (len(core) > 3 or token != core):
            out.append(core)
    return sorted(set(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sandbox", required=True)
    args = parser.parse_args()
    with sandbox_process(args.sandbox) as base:
        status, ctype, body = call(base, "GET", f"models/{MODEL}/tokenizer")
        if status != 200 or not ctype.startswith("application/json"):
            fail(f"GET models/{MODEL}/tokenizer: {status} {ctype}")
        doc = json.loads(body)
        for key in ("version", "truncation", "padding", "added_tokens", "normalizer", "pre_tokenizer",
                    "post_processor", "decoder", "model"):
            if key not in doc:
                fail(f"tokenizer.json has no {key!r}")
        if doc["version"] != "1.0":
            fail(f"version {doc['version']!r}")
        ids = sorted(doc["model"]["vocab"].values())
        if ids != list(range(len(ids))):
            fail("the vocabulary's ids are not 0..N-1, each once")
        n = len(ids)
        if detokenize(base, [n - 1])[0] != 200 or detokenize(base, [n])[0] != 400:
            fail(f"the vocabulary has {n} tokens, /detokenize does not end there")
        print(f"ok   tokenizer.json: WordPiece, {n} tokens, {len(body)} bytes")
        same = call(base, "GET", "models/sandbox-llama-3.1-8b-instruct/tokenizer")
        if same[0] != 200 or same[2] != body:
            fail("another model answers another tokenizer")
        if call(base, "GET", "models/no-such-model/tokenizer")[0] != 404:
            fail("an unknown model's tokenizer is not a 404")

        tokenizer = HfTokenizer(doc)
        checked = 0
        for text in texts(words_of(doc)):
            expected_ids, expected_tokens = tokenize(base, text)
            if "<|endoftext|>" in text:
                # The one known difference: the file makes it the special token (id 0), as real
                # tokenizers do; /tokenize spells it out.
                got_ids, _ = tokenizer.encode(text)
                if 0 not in got_ids:
                    fail(f"{text!r}: <|endoftext|> is not the added token 0")
                continue
            got_ids, got_tokens = tokenizer.encode(text)
            if got_ids != expected_ids:
                fail(f"{text!r}: the file gives {got_ids}, /tokenize {expected_ids} "
                     f"(file tokens {got_tokens}, /tokenize tokens {expected_tokens})")
            status, expected_text = detokenize(base, expected_ids)
            if status != 200:
                fail(f"/detokenize of {expected_ids}: {status}")
            if tokenizer.decode(got_ids) != expected_text:
                fail(f"{text!r}: the file decodes to {tokenizer.decode(got_ids)!r}, /detokenize {expected_text!r}")
            checked += 1
        # Every id decodes (the byte tokens of letters carry a marker the decoder drops).
        sample = list(range(0, 300)) + list(range(n - 300, n))
        status, expected_text = detokenize(base, sample[1:])
        if status != 200 or tokenizer.decode(sample[1:]) != expected_text:
            fail("decoding the first and last ids differs from /detokenize")
        print(f"ok   {checked} texts encode to /tokenize's ids and decode to /detokenize's text")
    print("the Hugging Face tokenizer reproduces the sandbox's /tokenize")


if __name__ == "__main__":
    main()
