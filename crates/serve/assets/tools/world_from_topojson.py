"""Make assets/world.json (country outlines for the desk's map) from world-atlas's
countries-110m.json (Natural Earth 1:110m admin-0, public domain; TopoJSON packaging
ISC, Mike Bostock). Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
&& python3 world_from_topojson.py package/countries-110m.json > ../world.json

Output: {"source": ..., "countries": [{"name": str, "rings": [[[lon, lat], ...], ...]}]},
coordinates rounded to 0.01 degree; TopoJSON arcs decoded here so the page needs no
TopoJSON library.
"""
import json
import sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
    arcs.append(pts)


def ring(indices):
    out = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


countries = []
for g in topo["objects"]["countries"]["geometries"]:
    polys = []
    if g["type"] == "Polygon":
        polys = [g["arcs"]]
    elif g["type"] == "MultiPolygon":
        polys = g["arcs"]
    rings = [ring(r) for p in polys for r in p]
    if rings:
        countries.append({"name": g.get("properties", {}).get("name", ""), "rings": rings})
json.dump({"source": "Natural Earth 1:110m admin-0 (public domain) via world-atlas 2.0.2 (ISC)",
           "countries": countries}, sys.stdout, separators=(",", ":"), ensure_ascii=False)
