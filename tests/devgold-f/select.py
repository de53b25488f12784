#!/usr/bin/env python3
"""Fixed selection rule for devgold-f (see README.md). Prints the chosen ids.

Candidates: records of news-dev.jsonl not annotated in devgold, devgold-b, devgold-c, devgold-d
or devgold-e, not SNN-, with a 600-3,500 character body that reports violence with a toll: at
least one kill/injury noun (مقتل|قتلى|قتيل|استشهاد|شهداء|جرحى|مصابين|إصابة|جثث, each starting a
word after at most two proclitics) with a number (digits) or a number word starting a word
within 40 characters before or after it. Each candidate gets the country its body and title name
most often (devgold-d's keyword lists; `other` when none is named). The candidates are put in a
fixed pseudo-random order (random.Random(SEED).shuffle over the id-sorted list); then, twelve
times over, take the first candidate in that order whose country has the fewest picks in this set
so far and then whose outlet has the fewest, skipping countries that already have 3 picks and
outlets that already have 2. Only the `id` fields of the earlier gold files are read (devgold-b is
a blind set: each line is parsed and everything but `id` is dropped at once).
"""
import json
import os
import random
import re

SEED = 20261124
SHARED = os.environ.get('RASD_SHARED', '/work/shared')
CORPUS = os.path.join(SHARED, 'corpus', 'news-dev.jsonl')
HERE = os.path.dirname(os.path.abspath(__file__))


def ids(path):
    """The `id` values of a gold file, and nothing else."""
    return [json.loads(l)['id'] for l in open(os.path.join(HERE, path)) if l.strip()]


AVOID = set(ids('../devgold/news-dev-12.jsonl') + ids('../devgold-b/news-dev-b-10.jsonl')
            + ids('../devgold-c/news-dev-c-12.jsonl') + ids('../devgold-d/news-dev-d-12.jsonl')
            + ids('../devgold-e/news-dev-e-12.jsonl'))
# a kill or injury noun, starting a word (after at most two of the proclitics و ف ب ل ك)
TOLL = re.compile(r'(?<!\w)[وفبلك]{0,2}(?:ال)?(?:مقتل|قتلى|قتيل|استشهاد|شهداء|جرحى|مصابين|إصابة|جثث)')
# a number: digits, or a number word starting a word (after at most one proclitic) and ending one
UNITS = r'واحد|واحدة|اثنان|اثنين|اثنا|اثني|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني|ثمانية|تسع|تسعة|عشر|عشرة'
TENS = r'(?:عشر|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)(?:ون|ين)'
BIG = r'عشرات|مئات|مائة|مئة|مائتي|مئتي|مائتين|مئتين|ألف|ألفا|آلاف|ملايين|مليون'
NUMBER = re.compile(r'[0-9٠-٩]+|(?<!\w)[وبل]?(?:ال)?(?:' + TENS + '|' + BIG + '|' + UNITS + r')(?!\w)')
WINDOW = 40
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


def has_toll(text):
    """Whether a kill/injury noun has a number within WINDOW characters of it."""
    for m in TOLL.finditer(text):
        near = text[max(0, m.start() - WINDOW):m.start()] + ' ' + text[m.end():m.end() + WINDOW]
        if NUMBER.search(near):
            return True
    return False


records = [json.loads(l) for l in open(CORPUS) if l.strip()]
q = []
for d in records:
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 600 <= len(d['text']) <= 3500:
        continue
    if not has_toll(d['text']):
        continue
    d['country'] = country(d)
    q.append(d)

q.sort(key=lambda d: d['id'])
random.Random(SEED).shuffle(q)
here_outlet, here_country, out = {}, {}, []
while len(out) < 12:
    ok = [d for d in q if d not in out and here_outlet.get(d['outlet'], 0) < 2
          and here_country.get(d['country'], 0) < 3]
    if not ok:
        break
    d = min(ok, key=lambda d: (here_country.get(d['country'], 0), here_outlet.get(d['outlet'], 0)))
    here_outlet[d['outlet']] = here_outlet.get(d['outlet'], 0) + 1
    here_country[d['country']] = here_country.get(d['country'], 0) + 1
    out.append(d)

by_country = {}
for d in q:
    by_country[d['country']] = by_country.get(d['country'], 0) + 1
print(len(q), 'qualifying; by keyword country', dict(sorted(by_country.items())))
for d in out:
    print(d['id'], d['outlet'], d['country'], len(d['text']), d['published'][:10], d['title'])
