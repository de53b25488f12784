#!/usr/bin/env python3
"""Fixed selection rule for devgold-c (see README.md). Prints the chosen ids.

Candidates: records of news-dev.jsonl not annotated in devgold or devgold-b, not SNN-,
with a 1,000-4,000 character body that uses at least three violence words and a title
that does not name a court case. Each candidate
gets the country its body and title name most often. Countries the earlier sets cover
least come first (tier 0: anything but Syria, Libya and Yemen; tier 1: Syria; tier 2:
Libya and Yemen), then a content-free order (sha1 of the id). Take down the list with at
most 2 articles per outlet and 4 per country, until 12.
"""
import hashlib
import json
import re

CORPUS = '/work/shared/corpus/news-dev.jsonl'
AVOID = set()
for f in ('/work/main/tests/devgold/news-dev-12.jsonl', '/work/main/tests/devgold-b/news-dev-b-10.jsonl'):
    AVOID |= {json.loads(l)['id'] for l in open(f) if l.strip()}
VIOLENCE = re.compile(r'قتلى|قتيل|مقتل|غار[ةا]|قصف|اشتباك|هجوم|انفجار|تفجير|مفخخ|معارك|اختطاف|اعتقال|انتحاري|مسلح')
COUNTRY = {
    'iraq': r'العراق|عراقي|الموصل|بغداد|الأنبار|كركوك|الفلوجة|تكريت|ديالى|الرمادي',
    'syria': r'سوري|حلب|إدلب|الرقة|دير الزور|حمص|درعا|الغوطة|دمشق',
    'sudan': r'السودان|دارفور|سوداني',
    'somalia': r'الصومال|مقديشو|صومالي',
    'sinai': r'سيناء|العريش',
    'afghanistan': r'أفغانستان|كابل|طالبان|أفغاني',
    'libya': r'ليبيا|ليبي|طرابلس|بنغازي',
    'yemen': r'اليمن|يمني|الحوثي|صنعاء|عدن',
    'egypt': r'مصر|مصري|القاهرة',
    'palestine': r'غزة|فلسطين|إسرائيل|الاحتلال',
    'tunisia': r'تونس|تونسي',
}
# a court case, not armed conflict (checked on titles only, before any text was read)
COURT = re.compile(r'محكمة|حكم|قضية')
TIER = {'syria': 1, 'libya': 2, 'yemen': 2}

q = []
for line in open(CORPUS):
    d = json.loads(line)
    if d['id'] in AVOID or d['id'].startswith('SNN-'):
        continue
    if not 1000 <= len(d['text']) <= 4000 or len(VIOLENCE.findall(d['text'])) < 3:
        continue
    if COURT.search(d['title'] or ''):
        continue
    hay = d['text'] + ' ' + (d['title'] or '')
    counts = {k: len(re.findall(v, hay)) for k, v in COUNTRY.items()}
    country = max(counts, key=lambda k: counts[k])
    if counts[country] == 0:
        continue
    d['country'] = country
    q.append(d)
q.sort(key=lambda d: (TIER.get(d['country'], 0), hashlib.sha1(d['id'].encode()).hexdigest()))
per_outlet, per_country, out = {}, {}, []
for d in q:
    if per_outlet.get(d['outlet'], 0) >= 2 or per_country.get(d['country'], 0) >= 4:
        continue
    per_outlet[d['outlet']] = per_outlet.get(d['outlet'], 0) + 1
    per_country[d['country']] = per_country.get(d['country'], 0) + 1
    out.append(d)
    if len(out) == 12:
        break
print(len(q), 'qualifying')
for d in out:
    print(d['id'], d['outlet'], d['country'], len(d['text']), d['published'][:10], d['title'])
