#!/usr/bin/env python3
"""Fixed selection rule for devgold-h (see README.md). Prints the chosen ids.

Candidates: records of news-dev.jsonl not annotated in devgold, devgold-b, devgold-c, devgold-d,
devgold-e, devgold-f or devgold-g, not SNN-, with a 600-3,500 character body that has at least one
reporting cue (قال|قالت|أكد|أكدت|أعلن|أعلنت|أفاد|أفادت|ذكر|ذكرت|نفى|نفت|اتهم|اتهمت|بحسب|وفق|حسب|مصادر|مصدر)
and at least one violence word
(قصف|غارة|غارات|هجوم|اشتباك|اشتباكات|معارك|تفجير|انفجار|مقتل|قتلى|استهداف|اغتيال|اختطاف|قذائف|صاروخ),
each starting a word after at most two of the proclitics و ف ب ل ك (and the article ال). Each
candidate gets the country its body and title name most often (devgold-d's keyword lists); a
country other than Libya, Syria, Yemen, Iraq and Sudan, or none, is `other`. The candidates are put
in a fixed pseudo-random order (random.Random(SEED).shuffle over the id-sorted list); then, twelve
times over, take the first candidate in that order whose outlet has the fewest picks so far,
skipping outlets that already have 2 picks and countries that already have 3. Only the `id`
fields of the earlier gold files are read (devgold-b and devgold-g are blind sets: each line is
parsed and everything but `id` is dropped at once).
"""
import glob
import json
import os
import random
import re

SEED = 20261125
SHARED = os.environ.get('RASD_SHARED', '/work/shared')
CORPUS = os.path.join(SHARED, 'corpus', 'news-dev.jsonl')
HERE = os.path.dirname(os.path.abspath(__file__))
EARLIER = ['devgold', 'devgold-b', 'devgold-c', 'devgold-d', 'devgold-e', 'devgold-f', 'devgold-g']


def ids(folder):
    """The `id` values of the gold files of an earlier set, and nothing else."""
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, '..', folder, '*.jsonl'))):
        out += [json.loads(l)['id'] for l in open(path, encoding='utf-8') if l.strip()]
    return out


AVOID = set()
for folder in EARLIER:
    got = ids(folder)
    assert got, f'no gold ids found in tests/{folder}'
    AVOID |= set(got)

PRE = r'(?<!\w)[وفبلك]{0,2}(?:ال)?'
CUE = re.compile(PRE + r'(?:قال|قالت|أكد|أكدت|أعلن|أعلنت|أفاد|أفادت|ذكر|ذكرت|نفى|نفت|اتهم|اتهمت'
                 r'|بحسب|وفق|حسب|مصادر|مصدر)')
VIOLENCE = re.compile(PRE + r'(?:قصف|غارة|غارات|هجوم|اشتباك|اشتباكات|معارك|تفجير|انفجار|مقتل|قتلى'
                      r'|استهداف|اغتيال|اختطاف|قذائف|صاروخ)')
# devgold-d's lists, each name starting a word, مصر not in مصرع
COUNTRY = {
    'iraq': r'العراق|عراقي|الموصل|بغداد|الأنبار|كركوك|الفلوجة|تكريت|ديالى|الرمادي',
    'syria': r'سوري|حلب|إدلب|الرقة|دير الزور|حمص|درعا|الغوطة|دمشق',
    'sudan': r'السودان|دارفور|سوداني',
    'somalia': r'الصومال|مقديشو|صومالي',
    'sinai': r'سيناء|العريش',
    'afghanistan': r'أفغانستان|كابل|طالبان|أفغاني',
    'libya': r'ليبيا|ليبي|طرابلس|بنغازي',
    'yemen': r'اليمن|يمني|الحوثي|صنعاء|عدن',
    'egypt': r'مصر(?!ع)|مصري|القاهرة',
    'palestine': r'غزة|فلسطين|إسرائيل|الاحتلال',
    'tunisia': r'تونس|تونسي',
    'lebanon': r'لبنان|لبناني|بيروت',
}
COUNTRY_RE = {k: re.compile(PRE + '(?:' + v + ')') for k, v in COUNTRY.items()}
KEPT = {'libya', 'syria', 'yemen', 'iraq', 'sudan'}


def country(d):
    """The country the record's body and title name most often; `other` outside the five."""
    hay = d['text'] + ' ' + (d['title'] or '')
    counts = {k: len(r.findall(hay)) for k, r in COUNTRY_RE.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] and best in KEPT else 'other'


records = [json.loads(l) for l in open(CORPUS, encoding='utf-8') if l.strip()]
q = []
for d in records:
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 600 <= len(d['text']) <= 3500:
        continue
    if not (CUE.search(d['text']) and VIOLENCE.search(d['text'])):
        continue
    d['country'] = country(d)
    d['prefix'] = d['id'].split('-', 1)[0]
    q.append(d)

q.sort(key=lambda d: d['id'])
random.Random(SEED).shuffle(q)
here_outlet, here_country, out = {}, {}, []
while len(out) < 12:
    ok = [d for d in q if d not in out and here_outlet.get(d['prefix'], 0) < 2
          and here_country.get(d['country'], 0) < 3]
    if not ok:
        break
    d = min(ok, key=lambda d: here_outlet.get(d['prefix'], 0))  # first in shuffled order on ties
    here_outlet[d['prefix']] = here_outlet.get(d['prefix'], 0) + 1
    here_country[d['country']] = here_country.get(d['country'], 0) + 1
    out.append(d)

by_country = {}
for d in q:
    by_country[d['country']] = by_country.get(d['country'], 0) + 1
print(len(AVOID), 'ids left out;', len(q), 'qualifying; by keyword country', dict(sorted(by_country.items())))
for d in out:
    print(d['id'], d['prefix'], d['country'], len(d['text']), d['published'][:10], d['title'])
