#!/usr/bin/env python3
"""Fixed selection rule for devgold-e (see README.md). Prints the chosen ids.

Candidates: records of news-dev.jsonl not annotated in devgold, devgold-b, devgold-c or
devgold-d, not SNN-, with an 800-4,000 character body that uses at least two reporting cues
(each starting a word, after at most two proclitics) and at least two violence words
(devgold-c's list), and a title that does not name a court case (devgold-c's rule). Each
record (candidates and the articles of devgold, devgold-c and devgold-d) gets the country its
body and title name most often (devgold-d's lists). Then, twelve times over, take the
candidate whose country has the fewest picks so far (devgold + devgold-c + devgold-d + the
picks already made here), then whose outlet has the fewest, then the smallest sha1 of its id
(a content-free order), skipping outlets that already have 2 picks in this set and countries
that already have 4. Only the `id` fields of the earlier gold files are read (devgold-b is a
blind set).
"""
import hashlib
import json
import os
import re

SHARED = os.environ.get('RASD_SHARED', '/work/shared')
CORPUS = os.path.join(SHARED, 'corpus', 'news-dev.jsonl')
HERE = os.path.dirname(os.path.abspath(__file__))


def ids(path):
    """The `id` values of a gold file, and nothing else."""
    return [json.loads(l)['id'] for l in open(os.path.join(HERE, path)) if l.strip()]


EARLIER = (ids('../devgold/news-dev-12.jsonl') + ids('../devgold-c/news-dev-c-12.jsonl')
           + ids('../devgold-d/news-dev-d-12.jsonl'))
AVOID = set(EARLIER) | set(ids('../devgold-b/news-dev-b-10.jsonl'))
VIOLENCE = re.compile(r'قتلى|قتيل|مقتل|غار[ةا]|قصف|اشتباك|هجوم|انفجار|تفجير|مفخخ|معارك|اختطاف|اعتقال|انتحاري|مسلح')
# reporting cues, each required to start a word (after at most two of the proclitics و ف ب ل),
# so that قال in انتقال or استقال and أكد in تأكد do not count
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
COURT = re.compile(r'محكمة|حكم|قضية')


def country(d):
    """The country the record's body and title name most often, or None."""
    hay = d['text'] + ' ' + (d['title'] or '')
    counts = {k: len(r.findall(hay)) for k, r in COUNTRY_RE.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


def sha(d):
    return hashlib.sha1(d['id'].encode()).hexdigest()


records = [json.loads(l) for l in open(CORPUS) if l.strip()]
prior_country, prior_outlet = {}, {}
for d in records:
    if d['id'] in EARLIER:
        c = country(d)
        prior_country[c] = prior_country.get(c, 0) + 1
        prior_outlet[d['outlet']] = prior_outlet.get(d['outlet'], 0) + 1

q = []
for d in records:
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 800 <= len(d['text']) <= 4000:
        continue
    if len(CUES.findall(d['text'])) < 2 or len(VIOLENCE.findall(d['text'])) < 2:
        continue
    if COURT.search(d['title'] or ''):
        continue
    d['country'] = country(d)
    if d['country'] is None:
        continue
    q.append(d)

here_outlet, here_country, out = {}, {}, []
while len(out) < 12:
    ok = [d for d in q if d not in out and here_outlet.get(d['outlet'], 0) < 2
          and here_country.get(d['country'], 0) < 4]
    if not ok:
        break
    d = min(ok, key=lambda d: (prior_country.get(d['country'], 0) + here_country.get(d['country'], 0),
                               prior_outlet.get(d['outlet'], 0) + here_outlet.get(d['outlet'], 0),
                               sha(d)))
    here_outlet[d['outlet']] = here_outlet.get(d['outlet'], 0) + 1
    here_country[d['country']] = here_country.get(d['country'], 0) + 1
    out.append(d)

print(len(q), 'qualifying; earlier picks by country', dict(sorted(prior_country.items(), key=str)),
      'by outlet', prior_outlet)
for d in out:
    print(d['id'], d['outlet'], d['country'], len(d['text']), d['published'][:10], d['title'])
