"""Write kg/data/provinces.tsv, districts.tsv and sites.tsv from vietnamadminunits.

Run by a developer when the source package changes, never at build time; kg reads the
committed TSV files. The package gives the 63 province-level units before 1 July 2025,
the 34 after, the merger map and every pre-2025 district; `vietnam_provinces` is used to
check the new codes. Hand data (spellings the package lacks) comes from
kg/data/province_aliases.tsv.

    .venv/bin/python scripts/make_gazetteer.py
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"
MERGER_DAY = "2025-07-01"
LAST_DAY_BEFORE_MERGER = "2025-06-30"
# Thừa Thiên Huế became the centrally-run city of Huế (same code) on this day.
HUE_CITY_DAY = "2025-01-01"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _ascii_slug(name: str) -> str:
    """Return "hatinh" for "Hà Tĩnh": lower-case ASCII letters only."""
    text = _nfc(name).lower().replace("đ", "d")
    text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text)


def _package_json(name: str) -> dict:
    path = resources.files("vietnamadminunits") / "data" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _kind(full_name: str) -> str:
    return "thành phố" if full_name.startswith("Thành phố") else "tỉnh"


def _hand_aliases() -> dict[str, tuple[list[str], str]]:
    rows = _read_tsv(DATA / "province_aliases.tsv")
    return {r["name"]: ([a for a in r["aliases"].split("|") if a], r["bare"]) for r in rows}


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _generated_aliases(name: str, kind: str) -> list[str]:
    """Official long forms: "Tỉnh Hà Tĩnh"; "Thành phố Cần Thơ", "TP Cần Thơ", "TP. Cần Thơ"."""
    if kind == "tỉnh":
        return [f"Tỉnh {name}"]
    return [f"Thành phố {name}", f"TP {name}", f"TP. {name}"]


def build_provinces() -> list[dict[str, str]]:
    """Return one row per province-level unit, pre- and post-merger, keyed uniquely."""
    legacy = _package_json("parser_legacy")["DICT_PROVINCE"]
    current = _package_json("parser_from_2025")["DICT_PROVINCE"]
    merged = _package_json("converter_2025")["DICT_PROVINCE"]
    hand = _hand_aliases()
    _check_codes(current)

    new_of_old: dict[str, str] = {}
    for new_key, old_keys in merged.items():
        for old_key in old_keys:
            new_of_old[old_key] = new_key

    rows: list[dict[str, str]] = []
    legacy_code_name: set[tuple[str, str]] = set()
    for pkey, p in legacy.items():
        code, name, kind = p["provinceCode"], _nfc(p["provinceShort"]), _kind(p["province"])
        new = current[new_of_old[pkey]]
        survives = new["provinceCode"] == code and _nfc(new["provinceShort"]) == name
        if code == "46":
            # the package lists the city of Huế (since 2025-01-01); add the province before it
            rows.append(_row("46", "46", "Thừa Thiên Huế", "tỉnh", "", "2024-12-31",
                             "46", hand))
            rows.append(_row("46-2025", "46", name, kind, HUE_CITY_DAY, "", "", hand))
        else:
            rows.append(_row(code, code, name, kind, "",
                             "" if survives else LAST_DAY_BEFORE_MERGER,
                             "" if survives else new["provinceCode"], hand))
        legacy_code_name.add((code, name))
    legacy_codes = {p["provinceCode"] for p in legacy.values()}
    for p in current.values():
        code, name, kind = p["provinceCode"], _nfc(p["provinceShort"]), _kind(p["province"])
        if (code, name) in legacy_code_name:
            continue
        key = f"{code}-2025" if code in legacy_codes else code
        rows.append(_row(key, code, name, kind, MERGER_DAY, "", "", hand))
    return rows


def _row(key: str, code: str, name: str, kind: str, valid_from: str, valid_until: str,
         merged_into: str, hand: dict[str, tuple[list[str], str]]) -> dict[str, str]:
    extra, bare = hand.get(name, ([], ""))
    aliases: list[str] = []
    for alias in _generated_aliases(name, kind) + extra:
        if alias not in aliases and alias != name:
            aliases.append(alias)
    return {"key": key, "code": code, "name": name, "kind": kind, "valid_from": valid_from,
            "valid_until": valid_until, "merged_into": merged_into,
            "bare": bare or "yes", "aliases": "|".join(aliases)}


def _check_codes(current: dict) -> None:
    """Fail loudly if the two installed packages disagree on the post-2025 codes."""
    from vietnam_provinces import Province

    theirs = {f"{p.code:02d}" for p in Province.iter_all()}
    ours = {p["provinceCode"] for p in current.values()}
    if theirs != ours:
        raise SystemExit(f"code mismatch with vietnam_provinces: {sorted(theirs ^ ours)}")


def build_districts() -> list[dict[str, str]]:
    """Return every pre-2025 district-level unit with its province code."""
    legacy = _package_json("parser_legacy")
    provinces = legacy["DICT_PROVINCE"]
    rows = []
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        pcode = provinces[pkey]["provinceCode"]
        for d in districts.values():
            kind = _nfc(d["districtType"]).lower()
            name = _nfc(d["districtShort"])
            if kind == "quận" and name.lower().startswith("quận "):
                name = name[len("quận "):]          # "Quận 1" -> "1"
            rows.append({"code": d["districtCode"], "name": name, "kind": kind,
                         "province": pcode})
    rows.sort(key=lambda r: (r["province"], r["code"]))
    return rows


# Provincial sites whose host is not derived from the province's name.
_HAND_SITES = (
    ("hanoimoi.vn", "01", "Hà Nội Mới, newspaper of the Hà Nội Party Committee"),
    ("sggp.org.vn", "79", "Sài Gòn Giải Phóng, newspaper of the HCMC Party Committee"),
    ("hcmcpv.org.vn", "79", "portal of the HCMC Party Committee"),
    ("tphcm.gov.vn", "79", "HCMC government portal"),
    ("hochiminhcity.gov.vn", "79", "HCMC government portal (old)"),
    ("ttbc-hcm.gov.vn", "79", "HCMC press centre"),
    ("baodongkhoi.vn", "83", "Đồng Khởi, newspaper of Bến Tre"),
    ("baoapbac.vn", "82", "Ấp Bắc, newspaper of Tiền Giang"),
    ("baodienbienphu.info.vn", "11", "Điện Biên Phủ, newspaper of Điện Biên"),
    ("btv.org.vn", "74", "Bình Dương radio and television"),
    ("baria-vungtau.gov.vn", "77", "Bà Rịa - Vũng Tàu government portal"),
    ("hue.gov.vn", "46", "Huế government portal"),
)

# Host forms derived from a province's ASCII slug.
_SITE_FORMS = ("{slug}.gov.vn", "bao{slug}.vn", "bao{slug}.com.vn", "bao{slug}.org.vn",
               "tinhuy{slug}.vn", "tinhuy{slug}.org.vn", "thanhuy{slug}.vn",
               "{slug}.dcs.vn", "dangbo{slug}.vn")


def build_sites(provinces: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return host -> province key rows: derived forms for every pre-2025 unit, then hand."""
    rows: dict[str, dict[str, str]] = {}
    for p in provinces:
        if p["valid_from"] == MERGER_DAY:
            continue                                   # new units keep their old sites
        slugs = [_ascii_slug(p["name"])]
        slugs += [_ascii_slug(a) for a in p["aliases"].split("|")
                  if a and not a.startswith(("Tỉnh ", "Thành phố ", "TP"))]
        for slug in dict.fromkeys(s for s in slugs if len(s) >= 4):
            for form in _SITE_FORMS:
                host = form.format(slug=slug)
                rows.setdefault(host, {"host": host, "province": p["key"],
                                       "how": "derived"})
    for host, code, note in _HAND_SITES:
        rows[host] = {"host": host, "province": code, "how": f"hand: {note}"}
    return sorted(rows.values(), key=lambda r: r["host"])


def _write(path: Path, header: list[str], rows: list[dict[str, str]], notes: list[str]) -> None:
    version = metadata.version("vietnamadminunits")
    lines = [(f"# source: vietnamadminunits {version} (PyPI), generated by "
             "scripts/make_gazetteer.py; do not edit by hand")] + [f"# {n}" for n in notes]
    lines.append("\t".join(header))
    lines += ["\t".join(r[h] for h in header) for r in rows]
    path.write_text(_nfc("\n".join(lines) + "\n"), encoding="utf-8")


def main() -> None:
    provinces = build_provinces()
    _write(DATA / "provinces.tsv",
           ["key", "code", "name", "kind", "valid_from", "valid_until", "merged_into",
            "bare", "aliases"], provinces,
           [("hand spellings from kg/data/province_aliases.tsv; vietnam_provinces "
            f"{metadata.version('vietnam_provinces')} checks the post-2025 codes"),
            "key: unique id (the code, or code-2025 when a new unit reuses an old code)",
            ("valid_from empty: before the sources' records; merged_into: the code of the "
            "unit it became part of, valid the next day"),
            "bare: 'no' when the name alone (without tỉnh/thành phố/TP) is not the province"])
    _write(DATA / "districts.tsv", ["code", "name", "kind", "province"], build_districts(),
           ["every district-level unit before 1 July 2025; province: the pre-2025 code",
            "name: short name without the unit word; numbered urban districts as '1'"])
    _write(DATA / "sites.tsv", ["host", "province", "how"], build_sites(provinces),
           ["host of a provincial newspaper or portal -> province key in provinces.tsv",
            "a host matches itself and its subdomains; 'derived' rows are name patterns"])


if __name__ == "__main__":
    main()
