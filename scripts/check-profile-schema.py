#!/usr/bin/env python3
"""Validates every profile under device-profiles/ against device-profiles/schema/profile.schema.json,
so the schema editors use and the loader checkup uses never drift apart. Exit 1 on any problem."""
import json, pathlib, sys
try:
    import jsonschema, yaml
except ImportError as e:
    sys.exit(f"missing Python module: {e.name}: python3 -m pip install jsonschema pyyaml")

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "device-profiles")
schema = json.loads((root / "schema" / "profile.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
files = [p for p in sorted(root.rglob("*.yaml")) if not {"fixtures", "schema"} & set(p.parts)]
problems = 0
for path in files:
    # YAML 1.1 loaders read 0x0100 as an int and "on" as a bool; profiles mean what they say.
    doc = yaml.safe_load(path.read_text())
    for error in validator.iter_errors(doc):
        problems += 1
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {where}: {error.message}")
print(f"{len(files)} profiles, {problems} schema problems")
sys.exit(1 if problems else 0)
