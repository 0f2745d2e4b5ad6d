#!/usr/bin/env python3
"""Adds endpoints of PVE's apidata.json to the simulator's schema subset, in its format (one line, parameters as a
list with their names, '_from': 'apidata.json'). Usage: add-schema-endpoints.py APIDATA 'METHOD /path' ...
Entries already present (same method and path) are left as they are."""
import json
import sys

SUBSET = 'plugins/proxmox-simulator/src/main/resources/dev/proxmoxmpc/plugin/simulator/pve-schema.json'


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.get('children', []))


def convert(path, info):
    e = {'path': path}
    for k in ('method', 'name', 'description', 'protected', 'allowtoken', 'permissions'):
        if k in info:
            e[k] = info[k]
    params = info.get('parameters', {})
    e['parameters'] = [dict({'name': n}, **p) for n, p in sorted(params.get('properties', {}).items())]
    e['parametersAdditionalProperties'] = params.get('additionalProperties', 0)
    e['returns'] = info.get('returns', {})
    e['_from'] = 'apidata.json'
    return e


def main():
    api = json.load(open(sys.argv[1]))
    subset = json.load(open(SUBSET))
    have = {(e['method'], e['path']) for e in subset['endpoints']}
    by_path = {n['path']: n for n in walk(api)}
    for want in sys.argv[2:]:
        method, path = want.split(' ', 1)
        if (method, path) not in have:
            subset['endpoints'].append(convert(path, by_path[path]['info'][method]))
    with open(SUBSET, 'w') as f:
        f.write(json.dumps(subset, separators=(',', ':')))


main()
