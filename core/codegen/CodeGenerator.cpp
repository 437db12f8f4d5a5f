// SPDX-License-Identifier: MIT
#include "core/codegen/CodeGenerator.h"

#include "core/net/ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace core {

namespace {

QString pad(int n)
{
    return QString(n, QLatin1Char(' '));
}

QString pyString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString pyNumber(double d)
{
    if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

/// Body keys handled by the client or the method call rather than the request object.
bool isTransportKey(const QString &key)
{
    return key == QLatin1String("model") || key == QLatin1String("hosting")
        || key == QLatin1String("stream");
}

/// The base URL as the user gave it, without trailing slashes (Client(host=...), --host).
QString hostText(const CodeContext &context)
{
    QString url = context.baseUrl.toString();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString prettyJson(QJsonObject body)
{
    body.remove(QStringLiteral("stream"));
    QString json = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)).trimmed();
    // QJsonDocument writes an empty array over two lines.
    static const QRegularExpression emptyArray(QStringLiteral("\\[\\s*\\]"));
    static const QRegularExpression emptyObject(QStringLiteral("\\{\\s*\\}"));
    json.replace(emptyArray, QStringLiteral("[]"));
    json.replace(emptyObject, QStringLiteral("{}"));
    return json;
}

/// The official client's defaults for /complete (reference/CLIENT-SEMANTICS.md §5.1): it sends
/// these anyway, so the Python code leaves them out.
bool isPythonCompletionDefault(const QString &key, const QJsonValue &value)
{
    static const QJsonObject defaults{
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("top_k"), 0},
        {QStringLiteral("top_p"), 0},
        {QStringLiteral("presence_penalty"), 0},
        {QStringLiteral("frequency_penalty"), 0},
        {QStringLiteral("repetition_penalties_include_prompt"), false},
        {QStringLiteral("use_multiplicative_presence_penalty"), false},
        {QStringLiteral("n"), 1},
        {QStringLiteral("tokens"), false},
        {QStringLiteral("disable_optimizations"), false},
        {QStringLiteral("minimum_tokens"), 0},
        {QStringLiteral("echo"), false},
        {QStringLiteral("use_multiplicative_frequency_penalty"), false},
        {QStringLiteral("sequence_penalty"), 0},
        {QStringLiteral("sequence_penalty_min_length"), 2},
        {QStringLiteral("use_multiplicative_sequence_penalty"), false},
        {QStringLiteral("completion_bias_inclusion_first_token_only"), false},
        {QStringLiteral("completion_bias_exclusion_first_token_only"), false},
        {QStringLiteral("control_log_additive"), true},
        {QStringLiteral("repetition_penalties_include_completion"), true},
        {QStringLiteral("raw_completion"), false},
    };
    const auto it = defaults.constFind(key);
    return it != defaults.constEnd() && *it == value;
}

/// Keys in the order a reader expects: model, prompt or messages first, then alphabetical.
QStringList orderedKeys(const QJsonObject &body)
{
    QStringList keys;
    for (const char *first : {"model", "prompt", "messages"}) {
        if (body.contains(QLatin1String(first)))
            keys << QString::fromLatin1(first);
    }
    for (const QString &k : body.keys()) {
        if (!keys.contains(k))
            keys << k;
    }
    return keys;
}

/// A here-document delimiter that does not occur in the body.
QString heredocTag(const QString &body)
{
    QString tag = QStringLiteral("JSON");
    while (body.contains(tag))
        tag += QLatin1Char('_');
    return tag;
}

// ---- Python (aleph_alpha_client) ----

struct PyImports
{
    QStringList names; // from aleph_alpha_client import ...
    bool base64 = false;
    bool pil = false;
    void add(const QString &n)
    {
        if (!names.contains(n))
            names.append(n);
    }
};

QString pyControls(const QJsonArray &controls, const QString &kind, PyImports &imports, int indent)
{
    QStringList items;
    for (const QJsonValue &v : controls) {
        const QJsonObject c = v.toObject();
        QStringList args;
        if (kind == QLatin1String("text")) {
            imports.add(QStringLiteral("TextControl"));
            args << QStringLiteral("start=") + pyNumber(c.value(QStringLiteral("start")).toDouble())
                 << QStringLiteral("length=")
                    + pyNumber(c.value(QStringLiteral("length")).toDouble());
        } else if (kind == QLatin1String("image")) {
            imports.add(QStringLiteral("ImageControl"));
            const QJsonObject r = c.value(QStringLiteral("rect")).toObject();
            for (const char *k : {"left", "top", "width", "height"})
                args << QString::fromLatin1(k) + QLatin1Char('=')
                        + pyNumber(r.value(QLatin1String(k)).toDouble());
        } else {
            imports.add(QStringLiteral("TokenControl"));
            args << QStringLiteral("pos=") + pyNumber(c.value(QStringLiteral("index")).toDouble());
        }
        args << QStringLiteral("factor=") + pyNumber(c.value(QStringLiteral("factor")).toDouble());
        if (c.contains(QStringLiteral("token_overlap"))) {
            imports.add(QStringLiteral("ControlTokenOverlap"));
            args << QStringLiteral("token_overlap=ControlTokenOverlap.")
                    + (c.value(QStringLiteral("token_overlap")).toString()
                                == QLatin1String("complete")
                            ? QStringLiteral("Complete")
                            : QStringLiteral("Partial"));
        }
        const QString name = kind == QLatin1String("text") ? QStringLiteral("TextControl")
            : kind == QLatin1String("image")               ? QStringLiteral("ImageControl")
                                                           : QStringLiteral("TokenControl");
        items << pad(indent + 4) + name + QLatin1Char('(') + args.join(QStringLiteral(", "))
                + QLatin1Char(')');
    }
    return QStringLiteral("[\n") + items.join(QStringLiteral(",\n")) + QStringLiteral(",\n")
        + pad(indent) + QLatin1Char(']');
}

/// A prompt (string or item list) as a Prompt(...) expression.
QString pyPrompt(const QJsonValue &prompt, PyImports &imports, int indent)
{
    imports.add(QStringLiteral("Prompt"));
    if (prompt.isString())
        return QStringLiteral("Prompt.from_text(") + pyString(prompt.toString()) + QLatin1Char(')');
    const QJsonArray items = prompt.toArray();
    if (items.size() == 1) {
        const QJsonObject only = items.first().toObject();
        if (only.value(QStringLiteral("type")).toString() == QLatin1String("text")
            && only.value(QStringLiteral("controls")).toArray().isEmpty())
            return QStringLiteral("Prompt.from_text(")
                + pyString(only.value(QStringLiteral("data")).toString()) + QLatin1Char(')');
    }
    QStringList parts;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString type = item.value(QStringLiteral("type")).toString();
        const QJsonArray controls = item.value(QStringLiteral("controls")).toArray();
        QString expr;
        if (type == QLatin1String("text")) {
            imports.add(QStringLiteral("Text"));
            expr = QStringLiteral("Text(") + pyString(item.value(QStringLiteral("data")).toString())
                + QStringLiteral(", controls=")
                + (controls.isEmpty() ? QStringLiteral("[]")
                                      : pyControls(controls, type, imports, indent + 4))
                + QLatin1Char(')');
        } else if (type == QLatin1String("token_ids")) {
            imports.add(QStringLiteral("Tokens"));
            expr = QStringLiteral("Tokens(") + pythonLiteral(item.value(QStringLiteral("data")))
                + QStringLiteral(", controls=")
                + (controls.isEmpty()
                        ? QStringLiteral("[]")
                        : pyControls(controls, QStringLiteral("token"), imports, indent + 4))
                + QLatin1Char(')');
        } else if (type == QLatin1String("image")) {
            imports.add(QStringLiteral("Image"));
            QString cropping = QStringLiteral("None");
            if (item.contains(QStringLiteral("size"))) {
                imports.add(QStringLiteral("Cropping"));
                cropping = QStringLiteral("Cropping(upper_left_x=%1, upper_left_y=%2, size=%3)")
                               .arg(pyNumber(item.value(QStringLiteral("x")).toDouble()),
                                   pyNumber(item.value(QStringLiteral("y")).toDouble()),
                                   pyNumber(item.value(QStringLiteral("size")).toDouble()));
            }
            expr = QStringLiteral("Image(base64_image=")
                + pyString(item.value(QStringLiteral("data")).toString())
                + QStringLiteral(", cropping=") + cropping + QStringLiteral(", controls=")
                + (controls.isEmpty() ? QStringLiteral("[]")
                                      : pyControls(controls, type, imports, indent + 4))
                + QLatin1Char(')');
        }
        parts << pad(indent + 4) + expr;
    }
    return QStringLiteral("Prompt([\n") + parts.join(QStringLiteral(",\n")) + QStringLiteral(",\n")
        + pad(indent) + QStringLiteral("])");
}

QString pyChatMessages(const QJsonArray &messages, PyImports &imports, int indent)
{
    imports.add(QStringLiteral("Message"));
    imports.add(QStringLiteral("Role"));
    QStringList lines;
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        QString role = m.value(QStringLiteral("role")).toString();
        role = role.isEmpty() ? role : role.at(0).toUpper() + role.mid(1);
        QString content;
        const QJsonValue c = m.value(QStringLiteral("content"));
        if (c.isArray()) {
            QStringList parts;
            for (const QJsonValue &pv : c.toArray()) {
                const QJsonObject part = pv.toObject();
                if (part.value(QStringLiteral("type")).toString() == QLatin1String("image_url")) {
                    imports.base64 = true;
                    imports.pil = true;
                    QString url = part.value(QStringLiteral("image_url"))
                                      .toObject()
                                      .value(QStringLiteral("url"))
                                      .toString();
                    url = url.mid(url.indexOf(QLatin1Char(',')) + 1);
                    parts << QStringLiteral("PILImage.open(io.BytesIO(base64.b64decode(")
                            + pyString(url) + QStringLiteral(")))");
                } else {
                    parts << pyString(part.value(QStringLiteral("text")).toString());
                }
            }
            content = QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
        } else {
            content = pyString(c.toString());
        }
        lines << pad(indent + 4)
                + QStringLiteral("Message(role=Role.%1, content=%2)").arg(role, content);
    }
    return QStringLiteral("[\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral(",\n")
        + pad(indent) + QLatin1Char(']');
}

struct PyEndpoint
{
    const char *endpoint;
    const char *requestClass;
    const char *method;
    const char *printLine;
};

const PyEndpoint kPyEndpoints[] = {
    {"complete", "CompletionRequest", "complete", "print(response.completions[0].completion)"},
    {"chat/completions", "ChatRequest", "chat", "print(response.message.content)"},
    {"evaluate", "EvaluationRequest", "evaluate", "print(response.result)"},
    {"explain", "ExplanationRequest", "explain", "print(response.explanations)"},
    {"semantic_embed",
        "SemanticEmbeddingRequest",
        "semantic_embed",
        "print(len(response.embedding), response.embedding[:8])"},
    {"tokenize", "TokenizationRequest", "tokenize", "print(response.tokens, response.token_ids)"},
    {"detokenize", "DetokenizationRequest", "detokenize", "print(response.result)"},
};

QString pythonRequests(const QString &endpoint, const QJsonObject &body, const CodeContext &context)
{
    QJsonObject b = body;
    b.remove(QStringLiteral("stream"));
    if (context.hosting && !b.contains(QStringLiteral("hosting")))
        b.insert(QStringLiteral("hosting"), *context.hosting);
    const QString url = ApiClient::endpointUrl(context.baseUrl, endpoint).toString();
    QString out;
    out += QStringLiteral("# POST /%1 with requests: the same JSON body the app sends.\n")
               .arg(endpoint);
    out += QStringLiteral("import os\n\nimport requests\n\n");
    out += QStringLiteral("response = requests.post(\n");
    out += QStringLiteral("    %1,\n").arg(pyString(url));
    if (context.nice)
        out += QStringLiteral("    params={\"nice\": \"true\"},\n");
    out += QStringLiteral("    headers={\"Authorization\": f\"Bearer {os.environ['%1']}\"},\n")
               .arg(context.tokenVariable);
    out += QStringLiteral("    json=%1,\n").arg(pythonLiteral(b, 4));
    out += QStringLiteral(
        "    timeout=%1,\n)\nresponse.raise_for_status()\nprint(response.json())\n")
               .arg(defaults::kTimeoutSeconds);
    return out;
}

QString python(const QString &endpoint, const QJsonObject &body, const CodeContext &context)
{
    const PyEndpoint *spec = nullptr;
    for (const PyEndpoint &e : kPyEndpoints) {
        if (endpoint == QLatin1String(e.endpoint))
            spec = &e;
    }
    if (!spec)
        return pythonRequests(endpoint, body, context);

    PyImports imports;
    imports.add(QStringLiteral("Client"));
    imports.add(QString::fromLatin1(spec->requestClass));
    const bool isChat = endpoint == QLatin1String("chat/completions");
    const QString model = body.value(QStringLiteral("model")).toString();

    QStringList args;
    for (const QString &key : orderedKeys(body)) {
        const auto it = body.constFind(key);
        if (isTransportKey(key) && !(isChat && key == QLatin1String("model")))
            continue;
        if (endpoint == QLatin1String("complete") && isPythonCompletionDefault(key, *it))
            continue;
        QString name = key;
        QString value;
        if (key == QLatin1String("prompt") && endpoint != QLatin1String("tokenize")) {
            value = pyPrompt(it.value(), imports, 4);
        } else if (key == QLatin1String("messages") && isChat) {
            value = pyChatMessages(it.value().toArray(), imports, 4);
        } else if (key == QLatin1String("max_tokens") && isChat) {
            name = QStringLiteral("maximum_tokens");
            value = pythonLiteral(it.value(), 4);
        } else if (key == QLatin1String("logit_bias") && it.value().isObject() && !isChat) {
            // Token ids are ints in Python; JSON made them strings.
            QStringList pairs;
            const QJsonObject bias = it.value().toObject();
            for (auto b = bias.begin(); b != bias.end(); ++b)
                pairs << b.key() + QStringLiteral(": ") + pythonLiteral(b.value());
            value = QLatin1Char('{') + pairs.join(QStringLiteral(", ")) + QLatin1Char('}');
        } else if (key == QLatin1String("response_format") && isChat) {
            imports.add(QStringLiteral("JSONSchema"));
            const QJsonObject js
                = it.value().toObject().value(QStringLiteral("json_schema")).toObject();
            value = QStringLiteral("JSONSchema(\n        schema=%1,\n        name=%2,\n        "
                                   "description=%3,\n        strict=%4,\n    )")
                        .arg(pythonLiteral(js.value(QStringLiteral("schema")), 8),
                            pyString(js.value(QStringLiteral("name")).toString()),
                            pythonLiteral(js.value(QStringLiteral("description"))),
                            js.value(QStringLiteral("strict")).toBool() ? QStringLiteral("True")
                                                                        : QStringLiteral("False"));
        } else if (key == QLatin1String("stream_options") && isChat) {
            imports.add(QStringLiteral("StreamOptions"));
            value = QStringLiteral("StreamOptions(include_usage=%1)")
                        .arg(it.value().toObject().value(QStringLiteral("include_usage")).toBool()
                                ? QStringLiteral("True")
                                : QStringLiteral("False"));
        } else {
            value = pythonLiteral(it.value(), 4);
        }
        args << QStringLiteral("    %1=%2,").arg(name, value);
    }

    const QString url = hostText(context);
    QStringList clientArgs{
        QStringLiteral("token=os.environ[%1]").arg(pyString(context.tokenVariable)),
        QStringLiteral("host=") + pyString(url)};
    if (context.hosting)
        clientArgs << QStringLiteral("hosting=") + pyString(*context.hosting);
    if (context.nice)
        clientArgs << QStringLiteral("nice=True");

    QString out = QStringLiteral("import os\n");
    if (imports.base64)
        out += QStringLiteral("import base64\nimport io\n");
    out += QLatin1Char('\n');
    if (imports.pil)
        out += QStringLiteral("from PIL import Image as PILImage\n");
    out += QStringLiteral("from aleph_alpha_client import %1\n\n")
               .arg(imports.names.join(QStringLiteral(", ")));
    out += QStringLiteral("client = Client(%1)\n").arg(clientArgs.join(QStringLiteral(", ")));
    out += QStringLiteral("request = %1(\n%2\n)\n")
               .arg(QString::fromLatin1(spec->requestClass), args.join(QLatin1Char('\n')));
    out += QStringLiteral("response = client.%1(request, model=%2)\n")
               .arg(QString::fromLatin1(spec->method), pyString(model));
    out += QString::fromLatin1(spec->printLine) + QLatin1Char('\n');
    return out;
}

QString curl(const QString &endpoint, const QJsonObject &body, const CodeContext &context)
{
    QJsonObject b = body;
    if (context.hosting && !b.contains(QStringLiteral("hosting")))
        b.insert(QStringLiteral("hosting"), *context.hosting);
    QString url = ApiClient::endpointUrl(context.baseUrl, endpoint).toString();
    if (context.nice)
        url += QStringLiteral("?nice=true");
    const QString json = prettyJson(b);
    const QString tag = heredocTag(json);
    QString out;
    out += QStringLiteral("curl -sS %1 \\\n").arg(shellQuote(url));
    out += QStringLiteral("  -H \"Authorization: Bearer $%1\" \\\n").arg(context.tokenVariable);
    out += QStringLiteral("  -H 'Content-Type: application/json' \\\n");
    out += QStringLiteral("  -H 'Accept: application/json' \\\n");
    out += QStringLiteral("  --data-binary @- <<'%1'\n%2\n%1\n").arg(tag, json);
    return out;
}

QString alephctl(const QString &endpoint, const QJsonObject &body, const CodeContext &context)
{
    const QString url = hostText(context);
    const QString json = prettyJson(body);
    const QString tag = heredocTag(json);
    QString out
        = QStringLiteral("# alephctl reads the token from the environment variable AA_TOKEN.\n");
    if (context.tokenVariable != QLatin1String("AA_TOKEN"))
        out += QStringLiteral("AA_TOKEN=\"$%1\" ").arg(context.tokenVariable);
    out += QStringLiteral("alephctl --host %1").arg(shellQuote(url));
    if (context.hosting)
        out += QStringLiteral(" --hosting ") + shellQuote(*context.hosting);
    if (context.nice)
        out += QStringLiteral(" --nice");
    out += QStringLiteral(" request %1 - <<'%2'\n%3\n%2\n").arg(endpoint, tag, json);
    return out;
}

} // namespace

QString pythonLiteral(const QJsonValue &value, int indent)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("None");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Double:
        return pyNumber(value.toDouble());
    case QJsonValue::String:
        return pyString(value.toString());
    case QJsonValue::Array: {
        const QJsonArray a = value.toArray();
        if (a.isEmpty())
            return QStringLiteral("[]");
        bool scalars = true;
        for (const QJsonValue &v : a)
            scalars = scalars && !v.isArray() && !v.isObject();
        QStringList items;
        for (const QJsonValue &v : a)
            items << pythonLiteral(v, indent + 4);
        const QString flat = QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
        if (scalars && flat.size() + indent <= 88)
            return flat;
        return QStringLiteral("[\n") + pad(indent + 4)
            + items.join(QStringLiteral(",\n") + pad(indent + 4)) + QStringLiteral(",\n")
            + pad(indent) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        if (o.isEmpty())
            return QStringLiteral("{}");
        QStringList items;
        for (auto it = o.begin(); it != o.end(); ++it)
            items << pad(indent + 4) + pyString(it.key()) + QStringLiteral(": ")
                    + pythonLiteral(it.value(), indent + 4);
        return QStringLiteral("{\n") + items.join(QStringLiteral(",\n")) + QStringLiteral(",\n")
            + pad(indent) + QLatin1Char('}');
    }
    }
    return QStringLiteral("None");
}

QString generateCode(CodeLanguage language,
    const QString &endpoint,
    const QJsonObject &body,
    const CodeContext &context)
{
    switch (language) {
    case CodeLanguage::Python:
        return python(endpoint, body, context);
    case CodeLanguage::Curl:
        return curl(endpoint, body, context);
    case CodeLanguage::Alephctl:
        return alephctl(endpoint, body, context);
    }
    return QString();
}

} // namespace core
