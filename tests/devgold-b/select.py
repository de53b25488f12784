#!/usr/bin/env python3
"""Fixed selection rule for devgold-b (see README.md). Prints the chosen ids."""
import json, re, hashlib
CORPUS = '/work/shared/corpus/news-dev.jsonl'
AVOID = {json.loads(l)['id'] for l in open('/work/main/tests/devgold/news-dev-12.jsonl')}
# a title that names a violent / coercive event
TITLE = re.compile(r'(قتلى|قتيل|مقتل|غار[ةا]|قصف|اشتباك|هجوم|هاجم|انفجار|تفجير|مفخخ|معارك|القتال|ضرب|تسلل|يقتحم|خطف|اختطاف|اعتقال|انتحاري|تتقدم)')
q = []
for l in open(CORPUS):
    d = json.loads(l)
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 1500 <= len(d['text']) <= 5000:
        continue
    if not TITLE.search(d['title'] or ''):
        continue
    q.append(d)
q.sort(key=lambda d: hashlib.sha1(d['id'].encode()).hexdigest())
per, out = {}, []
for d in q:
    if per.get(d['outlet'], 0) >= 2:
        continue
    per[d['outlet']] = per.get(d['outlet'], 0) + 1
    out.append(d)
    if len(out) == 10:
        break
print(len(q), 'qualifying')
for d in out:
    print(d['id'], d['outlet'], len(d['text']), d['published'][:10], d['title'])
