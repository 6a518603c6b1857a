#!/usr/bin/env python3
"""Writes crates/rules/src/xsd/tables.rs: the facts of the OASIS UBL 2.1 schema that the
structural check (crates/rules/src/xsd/) needs, read from the official XSD files.

    python3 crates/rules/src/xsd/gen/tables.py            # regenerate tables.rs
    python3 crates/rules/src/xsd/gen/tables.py --check    # exit 1 if tables.rs is stale
    python3 crates/rules/src/xsd/gen/tables.py --schemas DIR

The schemas are read from ../shared/conformance/xsd/ubl-2.1 beside the clone unless --schemas
says otherwise. The output depends only on the schemas and this script, so running it twice
gives the same bytes.

What is extracted, and what the script insists on (it stops if the schemas break an
assumption the Rust checker relies on):
- every aggregate type (cac, ext, and the Invoice and CreditNote documents): its
  `xsd:sequence` of element references, with minOccurs/maxOccurs; UBL uses no other
  particle (no choice, no nested group, no wildcard outside ExtensionContent), and no
  element appears twice in one sequence;
- every basic element (cbc, ext): its unqualified data type (udt), i.e. the XSD type of its
  text and the attributes it allows, with `use="required"` ones marked; a restriction in udt
  inherits the attributes of the CCTS type it restricts.
"""

import argparse
import hashlib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

XS = "{http://www.w3.org/2001/XMLSchema}"
NS = {
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "Invoice",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "CreditNote",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "Cac",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "Cbc",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "Ext",
}
PREFIXES = {"Invoice": "ubl", "CreditNote": "cn", "Cac": "cac", "Cbc": "cbc", "Ext": "ext"}
UDT = "urn:oasis:names:specification:ubl:schema:xsd:UnqualifiedDataTypes-2"
CCT = "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

# The XSD types of text and attribute values, as the Rust checker names them.
VALUES = {
    "string": "Text",
    "normalizedString": "Text",
    "decimal": "Decimal",
    "date": "Date",
    "time": "Time",
    "boolean": "Boolean",
    "base64Binary": "Base64",
}
ATTRIBUTE_VALUES = {
    "string": "Text",
    "normalizedString": "Text",
    "anyURI": "Uri",
    "language": "Language",
}

FILES = [
    "maindoc/UBL-Invoice-2.1.xsd",
    "maindoc/UBL-CreditNote-2.1.xsd",
    "common/UBL-CommonAggregateComponents-2.1.xsd",
    "common/UBL-CommonBasicComponents-2.1.xsd",
    "common/UBL-CommonExtensionComponents-2.1.xsd",
    "common/UBL-ExtensionContentDataType-2.1.xsd",
    "common/UBL-UnqualifiedDataTypes-2.1.xsd",
    "common/CCTS_CCT_SchemaModule-2.1.xsd",
]

OUTPUT = Path(__file__).resolve().parent.parent / "tables.rs"
DEFAULT_SCHEMAS = (
    Path(__file__).resolve().parents[5] / ".." / "shared" / "conformance" / "xsd" / "ubl-2.1"
)


class Schema:
    """One XSD file: its root element, target namespace and prefix map."""

    def __init__(self, path):
        self.prefixes = {}
        for _, (prefix, uri) in ET.iterparse(path, events=["start-ns"]):
            self.prefixes.setdefault(prefix, uri)
        self.root = ET.parse(path).getroot()
        self.target = self.root.get("targetNamespace")

    def qname(self, text):
        """`cbc:ID` → (namespace, 'ID')."""
        prefix, _, local = text.rpartition(":")
        return (self.prefixes[prefix], local)

    def top(self, tag):
        return [n for n in self.root if n.tag == XS + tag]


def fail(message):
    sys.exit(f"tables.py: {message}")


def occurs(node, name):
    value = node.get(name, "1")
    if value == "unbounded":
        return None
    number = int(value)
    if not 0 <= number <= 1000:
        fail(f"{name}={value} out of range")
    return number


def cct_types(schema):
    """CCTS core component types: name → (xsd value type, [(attribute, type, required)])."""
    types = {}
    for ct in schema.top("complexType"):
        ext = ct.find(f"{XS}simpleContent/{XS}extension")
        base = schema.qname(ext.get("base"))
        if base[0] != XSD_NS:
            fail(f"CCT {ct.get('name')} extends {base}")
        attributes = [
            (a.get("name"), schema.qname(a.get("type")), a.get("use") == "required")
            for a in ext.findall(f"{XS}attribute")
        ]
        types[ct.get("name")] = (base[1], attributes)
    return types


def udt_types(schema, cct):
    """Unqualified data types: name → (xsd value type, [(attribute, type, required)])."""
    types = {}
    for ct in schema.top("complexType"):
        content = ct.find(f"{XS}simpleContent")
        (derivation,) = [c for c in content if c.tag != XS + "annotation"]
        base = schema.qname(derivation.get("base"))
        own = [c for c in derivation if c.tag != XS + "annotation"]
        if base[0] == XSD_NS:
            value, attributes = base[1], []
        elif base[0] == CCT:
            value, attributes = cct[base[1]]
        else:
            fail(f"udt {ct.get('name')} derives from {base}")
        if derivation.tag == XS + "extension" and own:
            fail(f"udt {ct.get('name')} extends {base} with new content")
        attributes = list(attributes)
        for a in own:
            if a.tag != XS + "attribute" or a.get("use") == "prohibited":
                fail(f"udt {ct.get('name')}: unexpected {a.tag}")
            found = [i for i, x in enumerate(attributes) if x[0] == a.get("name")]
            if not found:
                fail(f"udt {ct.get('name')} restricts an unknown attribute {a.get('name')}")
            required = a.get("use") == "required"
            attributes[found[0]] = (a.get("name"), schema.qname(a.get("type")), required)
        types[ct.get("name")] = (value, attributes)
    return types


def read(schemas):
    """Elements: (ns, name) → ('aggregate', (ns, type)) | ('simple', udt) | ('open', None);
    aggregate types: (ns, type) → [((ns, element), min, max)]."""
    files = {f: Schema(schemas / f) for f in FILES}
    cct = cct_types(files["common/CCTS_CCT_SchemaModule-2.1.xsd"])
    udt = udt_types(files["common/UBL-UnqualifiedDataTypes-2.1.xsd"], cct)
    elements, aggregates, simple_types = {}, {}, {}
    for name in FILES[:6]:
        schema = files[name]
        for ct in schema.top("complexType"):
            key = (schema.target, ct.get("name"))
            parts = [c for c in ct if c.tag != XS + "annotation"]
            if len(parts) != 1:
                fail(f"{key}: {len(parts)} content parts")
            (part,) = parts
            if part.tag == XS + "sequence":
                particles = []
                for p in part:
                    if p.tag == XS + "annotation":
                        continue
                    if p.tag == XS + "any" and key[1] == "ExtensionContentType":
                        particles = None
                        break
                    if p.tag != XS + "element" or p.get("ref") is None:
                        fail(f"{key}: particle {p.tag} {p.attrib}")
                    particles.append((schema.qname(p.get("ref")), occurs(p, "minOccurs"),
                                      occurs(p, "maxOccurs")))
                if particles is not None:
                    refs = [p[0] for p in particles]
                    if len(refs) != len(set(refs)):
                        fail(f"{key}: an element appears twice in the sequence")
                aggregates[key] = particles
            elif part.tag == XS + "simpleContent":
                (ext,) = [c for c in part if c.tag != XS + "annotation"]
                base = schema.qname(ext.get("base"))
                if ext.tag != XS + "extension" or base[0] != UDT or len(ext):
                    fail(f"{key}: basic type other than a plain udt extension")
                simple_types[key] = base[1]
            else:
                fail(f"{key}: content {part.tag}")
    for name in FILES[:6]:
        schema = files[name]
        for el in schema.top("element"):
            key = (schema.target, el.get("name"))
            type_ = schema.qname(el.get("type"))
            if el.get("nillable") or el.get("abstract") or el.get("substitutionGroup"):
                fail(f"{key}: nillable, abstract or substitution group")
            if type_ in simple_types:
                if type_[1] != key[1] + "Type":
                    fail(f"{key}: basic element of type {type_} (expected {key[1]}Type)")
                elements[key] = ("simple", simple_types[type_])
            elif aggregates.get(type_, ()) is None:
                elements[key] = ("open", None)
            elif type_ in aggregates:
                elements[key] = ("aggregate", type_)
            else:
                fail(f"{key}: type {type_} not found")
    for key, particles in aggregates.items():
        for ref, _, _ in particles or ():
            if ref not in elements:
                fail(f"{key}: reference to undeclared {ref}")
    return elements, {k: v for k, v in aggregates.items() if v is not None}, udt


def snake(name):
    """`PartyIdentificationType` → `PARTY_IDENTIFICATION`."""
    name = name.removesuffix("Type")
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and (name[i - 1].islower() or
                                   (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(ch.upper())
    return "".join(out)


def render(schemas):
    elements, aggregates, udt = read(schemas)
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((schemas / name).read_bytes())
    used_udt = sorted({v for k, v in elements.values() if k == "simple"})
    statics = {key: snake(key[1]) for key in aggregates}
    if len(set(statics.values())) != len(statics):
        fail("two aggregate types map to one Rust name")
    order = list(NS.values())
    out = [
        "//! The facts of the UBL 2.1 schema that the structural check needs. GENERATED: do not",
        "//! edit; change `gen/tables.py` and run `python3 crates/rules/src/xsd/gen/tables.py`.",
        "//!",
        "//! Source: OASIS UBL 2.1 OS (release of 2013-11-04), `xsd/ubl-2.1/` of the conformance",
        "//! data: maindoc `UBL-Invoice-2.1.xsd`, `UBL-CreditNote-2.1.xsd`; common aggregate, basic,",
        "//! extension components, unqualified data types and the CCTS core component types.",
        f"//! SHA-256 of those {len(FILES)} files, in the generator's order:",
        f"//! {digest.hexdigest()}",
        f"//! {len(aggregates)} aggregate types, "
        f"{sum(len(p) for p in aggregates.values())} child elements, "
        f"{len(used_udt)} data types.",
        "",
        "use super::schema::Kind::{Aggregate, Open, Simple};",
        "use super::schema::Ns::{Cac, Cbc, CreditNote, Ext, Invoice};",
        "use super::schema::{Attribute, AttributeValue, Model, Particle, SimpleType, Value};",
        "",
        "/// Unbounded `maxOccurs`.",
        "const N: u32 = u32::MAX;",
        "",
        "const fn p(",
        "    ns: super::schema::Ns,",
        "    name: &'static str,",
        "    kind: super::schema::Kind,",
        "    min: u32,",
        "    max: u32,",
        ") -> Particle {",
        "    Particle { ns, name, kind, min, max }",
        "}",
        "",
        "const fn a(name: &'static str, value: AttributeValue, required: bool) -> Attribute {",
        "    Attribute { name, value, required }",
        "}",
        "",
    ]
    for name in used_udt:
        value, attributes = udt[name]
        if value not in VALUES:
            fail(f"udt {name}: value type xsd:{value} not supported")
        out.append(f"/// udt:{name}")
        out.append(f"pub(super) static UDT_{snake(name)}: SimpleType = SimpleType {{")
        out.append(f"    value: Value::{VALUES[value]},")
        if not attributes:
            out.append("    attributes: &[],")
        else:
            out.append("    attributes: &[")
        for attr, (ans, atype), required in attributes:
            if ans != XSD_NS or atype not in ATTRIBUTE_VALUES:
                fail(f"udt {name}/@{attr}: type {atype}")
            req = "true" if required else "false"
            out.append(f'        a("{attr}", AttributeValue::{ATTRIBUTE_VALUES[atype]}, {req}),')
        if attributes:
            out.append("    ],")
        out.append("};")
        out.append("")
    for key in sorted(aggregates, key=lambda k: (order.index(NS[k[0]]), k[1])):
        ns = NS[key[0]]
        out.append(f"/// {PREFIXES[ns]}:{key[1]}")
        out.append(f"pub(super) static {statics[key]}: Model = Model {{")
        out.append(f"    ns: {ns},")
        out.append(f'    name: "{key[1]}",')
        out.append("    children: &[")
        for ref, lo, hi in aggregates[key]:
            kind, what = elements[ref]
            if kind == "simple":
                rust = f"Simple(&UDT_{snake(what)})"
            elif kind == "aggregate":
                rust = f"Aggregate(&{statics[what]})"
            else:
                rust = "Open"
            high = "N" if hi is None else str(hi)
            out.append(f'        p({NS[ref[0]]}, "{ref[1]}", {rust}, {lo}, {high}),')
        out.append("    ],")
        out.append("};")
        out.append("")
    keys = sorted(aggregates, key=lambda k: (order.index(NS[k[0]]), k[1]))
    out.append("/// Every aggregate type.")
    out.append(f"pub(super) static MODELS: [&Model; {len(keys)}] = [")
    for key in keys:
        out.append(f"    &{statics[key]},")
    out.append("];")
    for root in ["Invoice", "CreditNote"]:
        ns = [u for u, n in NS.items() if n == root][0]
        kind, what = elements[(ns, root)]
        if kind != "aggregate":
            fail(f"{root} is not an aggregate")
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schemas", type=Path, default=DEFAULT_SCHEMAS)
    parser.add_argument("--check", action="store_true",
                        help="compare with tables.rs instead of writing it")
    args = parser.parse_args()
    text = render(args.schemas.resolve())
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT} is stale: run {sys.argv[0]}")
        print(f"{OUTPUT.name} is up to date")
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
