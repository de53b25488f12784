#!/usr/bin/env python3
"""Fixed selection rule for devgold-g (see README.md). Prints the chosen ids.

Candidates: records of news-dev.jsonl not annotated in devgold, devgold-b, devgold-c, devgold-d,
devgold-e or devgold-f, not SNN-, with a 700-3,000 character body that uses at least one reporting
cue and at least one violence word (devgold-e's two regexes, unchanged). Each candidate gets the
country its body and title name most often (devgold-d's keyword lists; `other` when none is named)
and a year from the date written in its id (YYYYMMDD, or DDMMYYYY as some Jawhara ids have it).
The candidates are put in a fixed pseudo-random order (random.Random(SEED).shuffle over the
id-sorted list); then, ten times over, take the candidate that comes first by year tier (2015-2017
first, then other years before 2018, then 2018 and later: the brief's "prefer 2015-2017; at least 5
of 10 before 2018 if available"), then by the fewest picks so far for its outlet (the id's two-letter
prefix), then by the shuffled order, skipping outlets that already have 2 picks and countries that
already have 3. The caps are hard; the year preference is soft and yields to them (only Jawhara FM
has candidates before 2018, so at most 2 of the 10 can be).
Only the `id` fields of the earlier gold files are read (devgold-b is a blind set: each line is
parsed and everything but `id` is dropped at once).
"""
import json
import os
import random
import re

SEED = 20261125
SHARED = os.environ.get('RASD_SHARED', '/work/shared')
CORPUS = os.path.join(SHARED, 'corpus', 'news-dev.jsonl')
HERE = os.path.dirname(os.path.abspath(__file__))
N = 10
MAX_OUTLET = 2
MAX_COUNTRY = 3


def ids(path):
    """The `id` values of a gold file, and nothing else."""
    return [json.loads(l)['id'] for l in open(os.path.join(HERE, path)) if l.strip()]


AVOID = set(ids('../devgold/news-dev-12.jsonl') + ids('../devgold-b/news-dev-b-10.jsonl')
            + ids('../devgold-c/news-dev-c-12.jsonl') + ids('../devgold-d/news-dev-d-12.jsonl')
            + ids('../devgold-e/news-dev-e-12.jsonl') + ids('../devgold-f/news-dev-f-12.jsonl'))
# devgold-e's regexes, unchanged
VIOLENCE = re.compile(r'قتلى|قتيل|مقتل|غار[ةا]|قصف|اشتباك|هجوم|انفجار|تفجير|مفخخ|معارك|اختطاف|اعتقال|انتحاري|مسلح')
CUES = re.compile(r'(?<!\w)[وفبل]{0,2}(?:قال|أكد|أوضح|أضاف|أشار|كشف|نفى|أعلن|بحسب|وفق|نقل)')
# devgold-d's lists: devgold-c's plus Lebanon, each name starting a word, مصر not in مصرع
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
COUNTRY_RE = {k: re.compile(r'(?<!\w)[وفبلك]{0,2}(?:ال)?(?:' + v + ')') for k, v in COUNTRY.items()}


def country(d):
    """The country the record's body and title name most often, or `other`."""
    hay = d['text'] + ' ' + (d['title'] or '')
    counts = {k: len(r.findall(hay)) for k, r in COUNTRY_RE.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else 'other'


def id_year(i):
    """The year of the date at the end of an id (YYYYMMDD or DDMMYYYY), or None."""
    m = re.search(r'-(\d{8})$', i)
    if not m:
        return None
    s = m.group(1)
    for y in (int(s[:4]), int(s[4:])):
        if 2000 <= y <= 2030:
            return y
    return None


def tier(d):
    """0 for 2015-2017, 1 for other years before 2018, 2 otherwise."""
    y = d['year']
    if y is not None and 2015 <= y <= 2017:
        return 0
    if y is not None and y < 2018:
        return 1
    return 2


records = [json.loads(l) for l in open(CORPUS) if l.strip()]
q = []
for d in records:
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 700 <= len(d['text']) <= 3000:
        continue
    if not CUES.search(d['text']) or not VIOLENCE.search(d['text']):
        continue
    d['country'] = country(d)
    d['prefix'] = d['id'].split('-')[0]
    d['year'] = id_year(d['id'])
    q.append(d)

q.sort(key=lambda d: d['id'])
random.Random(SEED).shuffle(q)
rank = {d['id']: n for n, d in enumerate(q)}
here_outlet, here_country, out = {}, {}, []
while len(out) < N:
    ok = [d for d in q if d not in out and here_outlet.get(d['prefix'], 0) < MAX_OUTLET
          and here_country.get(d['country'], 0) < MAX_COUNTRY]
    if not ok:
        break
    d = min(ok, key=lambda d: (tier(d), here_outlet.get(d['prefix'], 0), rank[d['id']]))
    here_outlet[d['prefix']] = here_outlet.get(d['prefix'], 0) + 1
    here_country[d['country']] = here_country.get(d['country'], 0) + 1
    out.append(d)


def tally(key, rows):
    c = {}
    for d in rows:
        c[key(d)] = c.get(key(d), 0) + 1
    return dict(sorted(c.items(), key=str))


print(len(q), 'qualifying; by keyword country', tally(lambda d: d['country'], q))
print('by outlet prefix', tally(lambda d: d['prefix'], q), 'by year tier', tally(tier, q))
print('before 2018 by outlet', tally(lambda d: d['prefix'], [d for d in q if tier(d) < 2]))
for d in out:
    print(d['id'], d['outlet'], d['country'], d['year'], len(d['text']), d['published'][:10],
          d['title'])
