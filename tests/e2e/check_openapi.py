#!/usr/bin/env python3
"""Contract check between src/api/api_routes.c and docs/openapi.yaml.

  check_openapi.py routes
      Every route in api_routes[] is documented (same method and path, the
      same query parameters), and every documented operation is a route.
  check_openapi.py samples MANIFEST
      MANIFEST lines: "METHOD /api/v1/path/{param} STATUS FILE". Each FILE
      holds a live response body; the status must be documented for that
      operation, and a JSON body must match the documented schema (required
      keys, types, enums, nullability, recursively through $ref).

Standard library plus PyYAML (python3-yaml, installed by scripts/deps.sh
test). Prints one line per problem; exits 1 when there is any.
"""
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ROUTES_C = os.path.join(ROOT, "src", "api", "api_routes.c")
# Allowlists api_routes.c shares with the page routes (its #include).
SHARED_PARAMS = [os.path.join(ROOT, "src", "http", "shared_params" + ext) for ext in (".h", ".c")]
SPEC = os.path.join(ROOT, "docs", "openapi.yaml")
METHODS = {"HTTP_GET": "get", "HTTP_POST": "post", "HTTP_PUT": "put",
           "HTTP_PATCH": "patch", "HTTP_DELETE": "delete"}


def load_spec():
    try:
        import yaml
    except ImportError:
        sys.exit("PyYAML is missing: install python3-yaml (scripts/deps.sh test)")
    with open(SPEC, encoding="utf-8") as f:
        return yaml.safe_load(f)


def parse_routes():
    """[(method, openapi_path, [query params])] from api_routes.c."""
    src = "\n".join(open(f, encoding="utf-8").read() for f in SHARED_PARAMS + [ROUTES_C])
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    macros = {}
    for m in re.finditer(r"#define\s+(\w+)\s*((?:.*\\\n)*.*)", src):
        macros[m.group(1)] = m.group(2).replace("\\\n", " ")
    params = {}
    for m in re.finditer(r"route_param\s+(\w+)\[\]\s*=\s*\{(.*?)\n\};", src, re.S):
        body = m.group(2)
        for name, val in macros.items():
            body = re.sub(r"\b%s\b" % name, val, body)
        params[m.group(1)] = re.findall(r'\{\s*"(\w+)"\s*,\s*PARAM_QUERY', body)
    table = re.search(r"api_routes\[\]\s*=\s*\{(.*?)\n\};", src, re.S)
    if not table:
        sys.exit("api_routes[] not found in " + ROUTES_C)
    routes = []
    for m in re.finditer(r'\{\s*([A-Z_|\s]+?)\s*,\s*"([^"]+)"\s*,\s*\w+\s*,\s*[^,]+,\s*(\w+)',
                         table.group(1)):
        path = re.sub(r":(\w+)", r"{\1}", m.group(2))
        for meth in re.split(r"\s*\|\s*", m.group(1).strip()):
            if meth not in METHODS:
                continue
            # A table not found here would read as "no query parameters"
            # and hide every undocumented one: refuse instead.
            if m.group(3) != "NULL" and m.group(3) not in params:
                sys.exit("parameter table %s of %s not found (check_openapi.py reads %s)"
                         % (m.group(3), path, ", ".join([ROUTES_C] + SHARED_PARAMS)))
            routes.append((METHODS[meth], path, params.get(m.group(3), [])))
    return routes


def resolve(spec, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError("external $ref " + ref)
        node = spec
        for part in ref[2:].split("/"):
            node = node[part]
        seen += 1
        if seen > 32:
            raise ValueError("$ref loop")
    return node


def doc_query_params(spec, op, path_item):
    names = []
    for p in (path_item.get("parameters", []) + op.get("parameters", [])):
        p = resolve(spec, p)
        if p.get("in") == "query":
            names.append(p["name"])
    return names


def check_routes(spec):
    problems = []
    routes = parse_routes()
    if not routes:
        problems.append("no routes parsed from api_routes.c")
    documented = {}
    for path, item in spec.get("paths", {}).items():
        for meth, op in item.items():
            if meth in ("get", "post", "put", "patch", "delete"):
                documented[(meth, path)] = (op, item)
    seen = set()
    for meth, path, qparams in routes:
        seen.add((meth, path))
        if (meth, path) not in documented:
            problems.append("route not documented: %s %s" % (meth.upper(), path))
            continue
        op, item = documented[(meth, path)]
        doc = set(doc_query_params(spec, op, item))
        code = set(qparams)
        for p in sorted(code - doc):
            problems.append("%s %s: query parameter '%s' accepted but not documented"
                            % (meth.upper(), path, p))
        for p in sorted(doc - code):
            problems.append("%s %s: query parameter '%s' documented but refused by the route"
                            % (meth.upper(), path, p))
        for status, resp in op.get("responses", {}).items():
            resp = resolve(spec, resp)
            if "description" not in resp:
                problems.append("%s %s %s: response without description" % (meth.upper(), path, status))
    for meth, path in sorted(documented):
        if (meth, path) not in seen:
            problems.append("documented but no route: %s %s" % (meth.upper(), path))
    return problems, len(routes)


TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def type_ok(value, t):
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES.get(t, object))


def validate(spec, schema, value, where, problems, depth=0):
    if depth > 40:
        return
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return
    types = schema.get("type")
    if types is not None:
        tl = types if isinstance(types, list) else [types]
        if not any(type_ok(value, t) for t in tl):
            problems.append("%s: %r is not of type %s" % (where, value, types))
            return
    if "enum" in schema and value not in schema["enum"]:
        problems.append("%s: %r not in %s" % (where, value, schema["enum"]))
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                problems.append("%s: required key '%s' missing" % (where, key))
        props = schema.get("properties", {})
        for key, sub in props.items():
            if key in value:
                validate(spec, sub, value[key], "%s.%s" % (where, key), problems, depth + 1)
        if schema.get("additionalProperties") is False:
            for key in value:
                if key not in props:
                    problems.append("%s: undocumented key '%s'" % (where, key))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            validate(spec, schema["items"], item, "%s[%d]" % (where, i), problems, depth + 1)
    if isinstance(value, str) and "pattern" in schema:
        if not re.search(schema["pattern"], value):
            problems.append("%s: %r does not match %s" % (where, value, schema["pattern"]))


def check_samples(spec, manifest):
    problems = []
    n = 0
    for line in open(manifest, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        meth, path, status, fname = line.split(None, 3)
        n += 1
        where = "%s %s %s" % (meth, path, status)
        item = spec.get("paths", {}).get(path)
        op = item.get(meth.lower()) if item else None
        if op is None:
            problems.append("%s: operation not documented" % where)
            continue
        resp = op.get("responses", {}).get(status)
        if resp is None:
            problems.append("%s: status not documented" % where)
            continue
        resp = resolve(spec, resp)
        content = resp.get("content", {})
        media = content.get("application/json")
        if media is None:
            continue  # attachments: nothing to check in the body
        try:
            body = json.load(open(fname, encoding="utf-8"))
        except ValueError as e:
            problems.append("%s: body is not JSON (%s)" % (where, e))
            continue
        if "schema" in media:
            validate(spec, media["schema"], body, where, problems)
    return problems, n


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("routes", "samples"):
        sys.exit(__doc__)
    spec = load_spec()
    if spec.get("openapi", "").split(".")[:2] != ["3", "1"]:
        print("openapi.yaml: not OpenAPI 3.1")
        return 1
    if sys.argv[1] == "routes":
        problems, n = check_routes(spec)
        what = "%d routes" % n
    else:
        problems, n = check_samples(spec, sys.argv[2])
        what = "%d samples" % n
    for p in problems:
        print(p)
    if not problems:
        print("openapi contract: %s checked" % what)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
