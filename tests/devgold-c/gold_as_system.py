#!/usr/bin/env python3
"""Rewrite a document-level gold file (shared/gold/GUIDELINE.md schema) into the
shape of `rasd extract` output (shared/DESIGN.md contract), so that the shared
score.py can score a gold file against itself as a consistency check.

score.py reads its SYSTEM argument as rasd output (entity mentions with text/ref,
speaker objects, event time objects); given a gold file there it stops with
KeyError 'start' -- for gold/seeds.jsonl as well. This adapter is the workaround.

usage: gold_as_system.py GOLD.jsonl > GOLD.as-system.jsonl
"""
import json, sys

for line in open(sys.argv[1]):
    if not line.strip():
        continue
    g = json.loads(line)
    refs, ents = {}, []
    for i, e in enumerate(g.get('entities', [])):
        ref = f'e{i}'
        refs[ref] = {'name_en': e.get('name_en'), 'aliases': e.get('aliases', [])}
        for a in e.get('aliases', []):
            ents.append({'text': a, 'type': e['type'], 'ref': ref})
    times = [{'text': t['text'], 'value': t.get('value'), 'grain': t.get('grain')} for t in g.get('times', [])]
    quants = [{'text': q['text'], 'value': q.get('value'), 'approx': q.get('approx')} for q in g.get('quantities', [])]
    claims = []
    for c in g.get('claims', []):
        sp = (c.get('aliases') or [c.get('speaker')])[0]
        claims.append({'cue': c['cue'], 'stance': c.get('stance'), 'anonymous': c.get('anonymous', False),
                       'speaker': None if c.get('anonymous') else {'text': sp},
                       'via': {'text': c['via']} if c.get('via') else None})
    events = []
    for v in g.get('events', []):
        events.append({'type': v['type'], 'actors': v.get('actors', []), 'targets': v.get('targets', []),
                       'place': v.get('place'),
                       'time': {'value': v.get('time'), 'grain': v.get('time_grain')} if v.get('time') else None,
                       'fatalities': v.get('fatalities'), 'injuries': v.get('injuries'),
                       'negated': v.get('negated', False)})
    print(json.dumps({'id': g['id'], 'published': g.get('published'), 'body': '', 'entities': ents, 'refs': refs,
                      'times': times, 'quantities': quants, 'claims': claims, 'events': events}, ensure_ascii=False))
