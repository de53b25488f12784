#!/usr/bin/env python3
"""Rewrite a gold file (GUIDELINE.md schema) into the shape score.py reads from `rasd extract`.

usage: gold_as_system.py GOLD.jsonl > SYSTEM.jsonl

score.py cannot read a gold file as the system side (it expects entity mentions with text or
offsets, speaker mentions, event places as refs). This writes, per gold article: one ref per
entity (name_en and aliases) with one mention per alias, every time, quantity and claim as it is
(the speaker's mention is its first alias, or its name), and every event with its place as a ref
carrying the place's name and aliases. Scoring the gold file against the result must give 1.000
everywhere: a check that the file is well formed and that no two annotations collide.
"""
import json
import sys


def convert(g):
    refs, ents = {}, []
    for i, e in enumerate(g.get('entities', [])):
        ref = f'e{i}'
        refs[ref] = {'name_en': e['name_en'], 'aliases': e.get('aliases', [])}
        for a in e.get('aliases', []) or [e['name_en']]:
            ents.append({'type': e['type'], 'text': a, 'ref': ref})
    claims = []
    for c in g.get('claims', []):
        text = (c.get('aliases') or [c.get('speaker') or ''])[0]
        claims.append({'cue': c['cue'], 'anonymous': c.get('anonymous', False),
                       'speaker': {'text': text}})
    events = []
    for i, ev in enumerate(g.get('events', [])):
        place = None
        if ev.get('place'):
            place = f'p{i}'
            refs[place] = {'name_en': ev['place'], 'aliases': ev.get('place_aliases', [])}
        events.append({'type': ev['type'], 'place': place, 'time': ev.get('time'),
                       'fatalities': ev.get('fatalities')})
    return {'id': g['id'], 'body': '', 'refs': refs, 'entities': ents,
            'times': [{'text': t['text'], 'value': t.get('value')} for t in g.get('times', [])],
            'quantities': [{'value': q.get('value'), 'approx': q.get('approx')}
                           for q in g.get('quantities', [])],
            'claims': claims, 'events': events}


for line in open(sys.argv[1]):
    if line.strip():
        print(json.dumps(convert(json.loads(line)), ensure_ascii=False))
